using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>Short calls of the case API for tests: apply, find my task, act.</summary>
internal static class CaseApi
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static IUnitCatalog Catalog { get; } = UnitCatalog.Shipped();

    /// <summary>A valid application form of a unit for a device, with overrides.</summary>
    public static JsonObject Form(string unitCode, string? equipmentCode, IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        FormSamples.For(Catalog.FindForm(Catalog.FindUnit(unitCode)!.FormKey)!, equipmentCode, overrides);

    /// <summary>POST /api/units/{code}/applications; asserts 201.</summary>
    public static async Task<StartedCase> ApplyAsync(this HttpClient client, string unitCode, JsonObject data, string? deviceCode = null, Guid? draftId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/units/{unitCode}/applications", new { data, deviceCode, draftId }, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"apply {unitCode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadAsync<StartedCase>(Cancellation);
    }

    public static Task<HttpResponseMessage> TryApplyAsync(this HttpClient client, string unitCode, JsonObject data, string? deviceCode = null) =>
        client.PostAsJsonAsync($"/api/units/{unitCode}/applications", new { data, deviceCode }, Cancellation);

    /// <summary>GET /api/tasks with a query string; asserts 200.</summary>
    public static async Task<QueuePage> QueueAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/tasks?{query}", Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"queue {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadAsync<QueuePage>(Cancellation);
    }

    /// <summary>The caller's to-do task of a case (searched by its number), or null.</summary>
    public static async Task<QueueItem?> TodoAsync(this HttpClient client, string businessKey) =>
        (await client.QueueAsync($"q={Uri.EscapeDataString(businessKey)}")).Items.SingleOrDefault();

    public static async Task<TaskDetail> TaskAsync(this HttpClient client, Guid taskId)
    {
        var response = await client.GetAsync($"/api/tasks/{taskId}", Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"task {taskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadAsync<TaskDetail>(Cancellation);
    }

    /// <summary>POST /api/tasks/{id}/{action} with a body.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid taskId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/{action}", body ?? new { }, Cancellation);

    /// <summary>Acts and asserts 200.</summary>
    public static async Task<TaskActionResult> DoAsync(this HttpClient client, Guid taskId, string action, object? body = null)
    {
        var response = await client.ActAsync(taskId, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} {taskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadAsync<TaskActionResult>(Cancellation);
    }

    /// <summary>The decision form's data.</summary>
    public static object Decision(string decision, string? comment = "材料齐全，同意。") => new { data = new { decision, comment } };

    /// <summary>Asserts a ValidationProblemDetails naming <paramref name="field"/>.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)?["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"no error for '{field}' in {body}");
    }

    /// <summary>Asserts a ProblemDetails with <paramref name="status"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
