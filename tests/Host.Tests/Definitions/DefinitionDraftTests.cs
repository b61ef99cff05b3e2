using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Definitions;

/// <summary>
/// Drafts are kept apart from published versions: saved (even with errors), read back, never
/// listed or run as a version, published through the deployer. On SQLite and PostgreSQL.
/// </summary>
public abstract class DefinitionDraftTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private readonly HttpClient _client = database.Factory.CreateClientFor(SignedInClients.Analyst);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_with_errors_is_saved_with_its_diagnostics_and_is_not_a_version()
    {
        var key = TestBpmn.NewKey();

        var saved = await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.DanglingFlow(key)), Cancellation);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.False((bool?)body!["publishable"]);
        Assert.Contains(body["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "BPMN011");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/definitions/{key}/versions", Cancellation)).StatusCode);
        var list = await _client.GetFromJsonAsync<JsonArray>("/api/definitions", Cancellation);
        Assert.DoesNotContain(list!, d => (string?)d!["key"] == key);
        var xml = await _client.GetStringAsync($"/api/definitions/{key}/draft", Cancellation);
        Assert.Contains("Nowhere", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_refused_and_keeps_it()
    {
        var key = TestBpmn.NewKey();
        await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.DanglingFlow(key)), Cancellation);

        var refused = await _client.PostAsync($"/api/definitions/{key}/draft/publish", null, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/definitions/{key}/draft", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Publishing_a_draft_creates_the_next_version_and_removes_the_draft()
    {
        var key = TestBpmn.NewKey();
        await _client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key, taskName: "初审")), Cancellation);
        await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process(key, taskName: "复审")), Cancellation);

        // While the draft exists, the engine still starts the published version 1.
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var before = await engine.StartAsync(new StartProcessRequest(key), Cancellation);
        var published = await _client.PostAsync($"/api/definitions/{key}/draft/publish", null, Cancellation);
        var after = await engine.StartAsync(new StartProcessRequest(key), Cancellation);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(1, before.Version);
        Assert.Equal(2, after.Version);
        var versions = await _client.GetFromJsonAsync<List<DefinitionVersionResponse>>($"/api/definitions/{key}/versions", Json.Options, Cancellation);
        Assert.Equal([2, 1], versions!.Select(v => v.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/definitions/{key}/draft", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Saving_again_replaces_the_draft_and_deleting_removes_it()
    {
        var key = TestBpmn.NewKey();
        await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process(key, taskName: "一稿")), Cancellation);
        await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process(key, taskName: "二稿")), Cancellation);

        var xml = await _client.GetStringAsync($"/api/definitions/{key}/draft", Cancellation);
        var deleted = await _client.DeleteAsync($"/api/definitions/{key}/draft", Cancellation);
        var again = await _client.DeleteAsync($"/api/definitions/{key}/draft", Cancellation);

        Assert.Contains("二稿", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("一稿", xml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/api/definitions/{key}/draft/publish", null, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_draft_saved_under_the_wrong_key_says_so()
    {
        var key = TestBpmn.NewKey();

        var saved = await _client.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process("other_key")), Cancellation);

        var body = await saved.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.False((bool?)body!["publishable"]);
        Assert.Contains(body["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "DEPLOY003");
    }
}

public sealed class SqliteDefinitionDraftTests(SqliteDatabase database)
    : DefinitionDraftTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDefinitionDraftTests(PostgresDatabase database)
    : DefinitionDraftTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
