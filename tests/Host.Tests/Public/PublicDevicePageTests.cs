using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Public;

/// <summary>
/// The public page behind a device's QR code (<c>/q/{code}</c>): a Blazor page rendered without a
/// circuit, its JSON twin for API clients, and the complaint form of unit 30 posted with an
/// antiforgery token, answered with a reference number. Both stores.
/// </summary>
public abstract class PublicDevicePageTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string ValidDescription = "电梯运行时有明显异响，门经常关不严。";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private HttpClient Anonymous(bool followRedirects = true) =>
        database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    [Fact]
    public async Task A_registered_device_shows_its_public_facts_hotline_rescue_code_and_status_without_a_circuit()
    {
        var device = await DeviceWithRescueCodeAsync();
        using var client = Anonymous();

        var response = await client.GetAsync($"/q/{device.EquipmentCode}", Cancellation);
        var page = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(device.EquipmentCode, page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ah-status ah-status-inuse\" role=\"status\">在用</span>", page, StringComparison.Ordinal);
        Assert.Contains(device.RescueCode!, page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:96333\"", page, StringComparison.Ordinal);
        Assert.Contains("投诉举报", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        // Statically rendered: no interactive component, so no Blazor circuit is ever opened.
        Assert.DoesNotContain("\"type\":\"server\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_english_when_the_visitor_chose_it()
    {
        var device = await DeviceWithRescueCodeAsync();
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/q/{device.EquipmentCode}");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var page = await (await client.SendAsync(request, Cancellation)).Content.ReadAsStringAsync(Cancellation);

        Assert.Contains(">In use</span>", page, StringComparison.Ordinal);
        Assert.Contains("Report a problem", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_page()
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/q/311000000000000000", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到设备", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_asking_for_json_still_gets_the_facts_at_the_same_address()
    {
        var device = await DeviceWithRescueCodeAsync();
        using var client = Anonymous();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var facts = await client.GetFromJsonAsync<JsonObject>($"/q/{device.EquipmentCode}", Cancellation);
        var api = await client.GetFromJsonAsync<JsonObject>($"/api/public/devices/{device.EquipmentCode}", Cancellation);

        Assert.Equal(api!.ToJsonString(), facts!.ToJsonString());
        Assert.Equal(device.RescueCode, (string?)facts["rescueCode"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/q/311000000000000000", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_complaint_is_accepted_with_a_reference_number_and_a_follow_up_page()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        using var client = Anonymous(followRedirects: false);

        var response = await PostComplaintAsync(client, CaseWorld.XihuLift, ("topic", "fault"), ("description", ValidDescription), ("contactPhone", "13800138000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
        Assert.Matches(@"^/q/complaints/AH30-\d{8}-\d{6}-[0-9A-Z]{4}\?submitted=true$", location);
        var reference = location["/q/complaints/".Length..location.IndexOf('?', StringComparison.Ordinal)];

        var followUp = await client.GetAsync(location, Cancellation);
        var page = await followUp.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Contains("投诉举报已受理", page, StringComparison.Ordinal);
        Assert.Contains(reference, page, StringComparison.Ordinal);
        Assert.Contains("已受理", page, StringComparison.Ordinal);

        // The case behind it is the regulators' business, with the form's data as the public sent it.
        var status = await database.Factory.Services.GetRequiredService<ICaseApplications>().GetComplaintAsync(reference, Cancellation);
        Assert.Equal("received", status!.State);
        var lookedUp = await client.GetAsync($"/q/complaints?reference={reference.ToLowerInvariant()}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, lookedUp.StatusCode);
        Assert.Contains(reference, await lookedUp.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_with_bad_input_shows_the_errors_on_its_fields_and_starts_nothing()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        using var client = Anonymous(followRedirects: false);
        var before = await ComplaintCountAsync();

        var response = await PostComplaintAsync(client, CaseWorld.XihuLift, ("topic", "no-such-topic"), ("description", "太短"), ("contactPhone", "12345"));
        var page = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("投诉类别的值“no-such-topic”不在可选项中", page, StringComparison.Ordinal);
        Assert.Contains("情况描述至少需要10个字", page, StringComparison.Ordinal);
        Assert.Contains("联系电话（用于答复，可不填）格式不正确", page, StringComparison.Ordinal);
        // What the visitor typed stays in the form.
        Assert.Contains(">太短</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(before, await ComplaintCountAsync());
    }

    [Fact]
    public async Task A_complaint_without_the_antiforgery_token_is_refused()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        using var client = Anonymous(followRedirects: false);
        var before = await ComplaintCountAsync();

        var response = await client.PostAsync($"/q/{CaseWorld.XihuLift}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "complaint",
            ["Input.Fields[topic]"] = "fault",
            ["Input.Fields[description]"] = ValidDescription,
        }), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await ComplaintCountAsync());
    }

    [Fact]
    public async Task An_unknown_reference_is_a_404_follow_up_page()
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/q/complaints/AH30-20260101-000001-ZZZZ", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有受理编号为 AH30-20260101-000001-ZZZZ 的投诉举报", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_views_and_complaints_beyond_their_limits_get_429()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var settings = database.Settings();
        settings["Registry:PublicRequestsPerMinute"] = "4";
        settings["PublicPage:ComplaintsPerHour"] = "1";
        await using var limited = new ApprovalHubFactory(settings);
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await PostComplaintAsync(client, CaseWorld.XihuLift, ("topic", "fault"), ("description", ValidDescription));
        var second = await PostComplaintAsync(client, CaseWorld.XihuLift, ("topic", "fault"), ("description", ValidDescription));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);

        // Two page views were spent fetching the forms above; two more pass, the next is refused.
        var views = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            views.Add((await client.GetAsync($"/q/{CaseWorld.XihuLift}", Cancellation)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], views);
    }

    private static async Task<HttpResponseMessage> PostComplaintAsync(HttpClient client, string code, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync($"/q/{code}", Cancellation);
        var form = HtmlForms.HiddenFields(page, "complaint");
        foreach (var (key, value) in fields)
        {
            form[$"Input.Fields[{key}]"] = value;
        }

        return await client.PostAsync($"/q/{code}", new FormUrlEncodedContent(form), Cancellation);
    }

    private async Task<int> ComplaintCountAsync() =>
        (await database.Factory.Services.GetRequiredService<IWorkflowQueries>().FindByProcessAsync("unit_30_public_complaint", Cancellation)).Count;

    private async Task<Device> DeviceWithRescueCodeAsync()
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await registry.Devices.AsNoTracking()
            .Where(d => d.Status == EquipmentStatus.InUse && d.RescueCode != null && !d.AlarmActive)
            .OrderBy(d => d.Id).FirstAsync(Cancellation);
    }
}

public sealed class SqlitePublicDevicePageTests(SqliteDatabase database)
    : PublicDevicePageTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresPublicDevicePageTests(PostgresDatabase database)
    : PublicDevicePageTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
