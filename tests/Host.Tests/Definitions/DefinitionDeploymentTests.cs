using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalHub.Host.Tests.Definitions;

/// <summary>
/// Deploying, versioning and reading definitions through the API, against a real database. Runs on
/// SQLite and on PostgreSQL (the two sealed classes at the end of the file).
/// </summary>
public abstract class DefinitionDeploymentTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private readonly HttpClient _client = database.Factory.CreateClientFor(SignedInClients.Analyst);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deploying_a_new_process_creates_version_1()
    {
        var key = TestBpmn.NewKey();

        var response = await _client.PostAsync($"/api/definitions?fileName=units/{key}.bpmn", TestBpmn.Content(TestBpmn.Process(key)), Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/definitions/{key}/versions", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        var process = Assert.Single(body!["processes"]!.AsArray())!;
        Assert.Equal(key, (string?)process["key"]);
        Assert.Equal(1, (int?)process["version"]);
        Assert.Equal("created", (string?)process["outcome"]);

        var versions = await GetVersionsAsync(key);
        var stored = Assert.Single(versions);
        Assert.Equal(1, stored.Version);
        Assert.Equal("测试流程", stored.Name);
        Assert.Equal(ProcessDefinitionStatus.Published, stored.Status);
        Assert.Equal($"units/{key}.bpmn", stored.SourceFile);
        Assert.Equal(SignedInClients.Analyst, stored.DeployedBy);
        Assert.Matches("^[0-9a-f]{64}$", stored.ContentHash);
        Assert.InRange(stored.DeployedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Deploying_identical_content_again_is_unchanged()
    {
        var key = TestBpmn.NewKey();
        var xml = TestBpmn.Process(key);
        await DeployAsync(xml, HttpStatusCode.Created);

        var again = await DeployAsync(xml, HttpStatusCode.OK);
        // Line endings are not content: a file saved on Windows is the same definition.
        var withCrLf = await DeployAsync(xml.ReplaceLineEndings("\r\n"), HttpStatusCode.OK);

        foreach (var deployment in new[] { again, withCrLf })
        {
            var process = Assert.Single(deployment.Processes);
            Assert.Equal(DeploymentOutcome.Unchanged, process.Outcome);
            Assert.Equal(1, process.Version);
        }

        Assert.Single(await GetVersionsAsync(key));
    }

    [Fact]
    public async Task Deploying_changed_content_creates_the_next_version()
    {
        var key = TestBpmn.NewKey();
        var v1 = TestBpmn.Process(key, taskName: "初审");
        var v2 = TestBpmn.Process(key, taskName: "复审");
        await DeployAsync(v1, HttpStatusCode.Created);

        var deployment = await DeployAsync(v2, HttpStatusCode.Created);

        var process = Assert.Single(deployment.Processes);
        Assert.Equal((2, DeploymentOutcome.Created), (process.Version, process.Outcome));
        Assert.Equal([2, 1], (await GetVersionsAsync(key)).Select(v => v.Version));

        var latest = (await _client.GetFromJsonAsync<List<DefinitionSummaryResponse>>("/api/definitions", Json.Options, Cancellation))!
            .Single(d => d.Key == key);
        Assert.Equal((2, 2), (latest.LatestVersion, latest.VersionCount));

        // Each version keeps its own XML: instances started on v1 stay on v1.
        var xml1 = await _client.GetAsync($"/api/definitions/{key}/versions/1/xml", Cancellation);
        Assert.Equal("application/xml", xml1.Content.Headers.ContentType?.MediaType);
        Assert.Contains("初审", await xml1.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("复审", await _client.GetStringAsync($"/api/definitions/{key}/versions/2/xml", Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/definitions/{key}/versions/3/xml", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_its_diagnostics_and_nothing_is_stored()
    {
        var key = TestBpmn.NewKey();
        await DeployAsync(TestBpmn.Process(key), HttpStatusCode.Created);

        var response = await _client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.DanglingFlow(key)), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal(400, (int?)problem!["status"]);
        Assert.NotNull(problem["errors"]);
        var diagnostic = problem["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "BPMN011")!;
        Assert.Equal("error", (string?)diagnostic["severity"]);
        Assert.Equal("Flow_2", (string?)diagnostic["elementId"]);
        Assert.True((int?)diagnostic["line"] > 1);
        Assert.True((int?)diagnostic["column"] > 0);

        // The earlier version is untouched and no new one appeared.
        Assert.Equal([1], (await GetVersionsAsync(key)).Select(v => v.Version));
    }

    [Fact]
    public async Task A_file_that_is_not_xml_is_refused_and_nothing_is_stored()
    {
        var before = await _client.GetFromJsonAsync<List<DefinitionSummaryResponse>>("/api/definitions", Json.Options, Cancellation);

        var response = await _client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Malformed), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Contains(problem!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "BPMN001");
        var after = await _client.GetFromJsonAsync<List<DefinitionSummaryResponse>>("/api/definitions", Json.Options, Cancellation);
        Assert.DoesNotContain(after!, d => d.Key == "broken");
        Assert.Equal(before!.Count, after!.Count);
    }

    [Fact]
    public async Task Concurrent_deployments_of_one_key_get_consecutive_unique_versions()
    {
        const int deployments = 8;
        var key = TestBpmn.NewKey("race");

        var responses = await Task.WhenAll(Enumerable.Range(1, deployments).Select(i =>
            _client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key, taskName: $"审核 {i}")), Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var versions = await GetVersionsAsync(key);
        Assert.Equal(Enumerable.Range(1, deployments).Reverse(), versions.Select(v => v.Version));
        Assert.Equal(deployments, versions.Select(v => v.ContentHash).Distinct().Count());
    }

    [Fact]
    public async Task Demo_definitions_are_deployed_at_startup()
    {
        var definitions = await _client.GetFromJsonAsync<List<DefinitionSummaryResponse>>("/api/definitions", Json.Options, Cancellation);

        // The 34 units and 9 steps of definitions/bpmn (issue #7), all deployed by the demo seeder.
        Assert.Equal(43, definitions!.Count(d => d.DeployedBy == "demo" && (d.Key.StartsWith("unit_", StringComparison.Ordinal) || d.Key.StartsWith("step_", StringComparison.Ordinal))));
        var useRegistration = Assert.Single(definitions!, d => d.Key == "unit_11_use_registration");
        Assert.Equal(("11 使用登记（首次）", "demo"), (useRegistration.Name, useRegistration.DeployedBy));
        var inspection = Assert.Single(definitions!, d => d.Key == "step_2_inspection");
        Assert.Equal("环节2 台台检验", inspection.Name);
        Assert.Equal("bpmn/unit-11-use-registration.bpmn", (await GetVersionsAsync("unit_11_use_registration"))[^1].SourceFile);
    }

    [Fact]
    public async Task Restarting_in_demo_mode_creates_no_new_versions()
    {
        await using (var restarted = new ApprovalHubFactory(database.Settings(demo: true)))
        {
            _ = restarted.Server;
        }

        var versions = await GetVersionsAsync("unit_11_use_registration");
        Assert.Equal(1, Assert.Single(versions).Version);
    }

    [Fact]
    public async Task Deployment_time_comes_from_the_injected_clock_and_survives_the_round_trip()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 30, 15, 123, TimeSpan.Zero));
        await using var host = new ApprovalHubFactory(database.Settings(demo: false), services => services.AddSingleton<TimeProvider>(clock));
        var client = host.CreateClientFor(database.Factory, SignedInClients.Analyst);
        var key = TestBpmn.NewKey();

        await client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key, taskName: "初审")), Cancellation);
        clock.Advance(TimeSpan.FromDays(1));
        await client.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key, taskName: "复审")), Cancellation);

        var versions = await GetVersionsAsync(key);
        Assert.Equal(
            [(2, new DateTimeOffset(2026, 3, 2, 2, 30, 15, 123, TimeSpan.Zero)), (1, new DateTimeOffset(2026, 3, 1, 2, 30, 15, 123, TimeSpan.Zero))],
            versions.Select(v => (v.Version, v.DeployedAt)));
        Assert.All(versions, v => Assert.Equal(TimeSpan.Zero, v.DeployedAt.Offset));
    }

    [Fact]
    public async Task Readiness_is_healthy_when_the_database_is_reachable()
    {
        var response = await _client.GetAsync("/health/ready", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task A_stale_copy_of_a_definition_cannot_overwrite_a_newer_change()
    {
        var key = TestBpmn.NewKey();
        await DeployAsync(TestBpmn.Process(key), HttpStatusCode.Created);
        await using var first = database.Factory.Services.CreateAsyncScope();
        await using var second = database.Factory.Services.CreateAsyncScope();
        var firstCopy = await LoadAsync(first, key);
        var secondCopy = await LoadAsync(second, key);

        firstCopy.Status = ProcessDefinitionStatus.Draft;
        await first.ServiceProvider.GetRequiredService<WorkflowDbContext>().SaveChangesAsync(Cancellation);
        secondCopy.Status = ProcessDefinitionStatus.Draft;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            second.ServiceProvider.GetRequiredService<WorkflowDbContext>().SaveChangesAsync(Cancellation));
    }

    private static Task<ProcessDefinitionRecord> LoadAsync(AsyncServiceScope scope, string key) =>
        scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().ProcessDefinitions.SingleAsync(d => d.ProcessKey == key, Cancellation);

    private async Task<DeploymentResponse> DeployAsync(string xml, HttpStatusCode expected)
    {
        var response = await _client.PostAsync("/api/definitions", TestBpmn.Content(xml), Cancellation);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadAsync<DeploymentResponse>(Cancellation);
    }

    private async Task<List<DefinitionVersionResponse>> GetVersionsAsync(string key)
    {
        var response = await _client.GetAsync($"/api/definitions/{key}/versions", Cancellation);
        return response.StatusCode == HttpStatusCode.NotFound ? [] : await response.ReadAsync<List<DefinitionVersionResponse>>(Cancellation);
    }
}

public sealed class SqliteDefinitionDeploymentTests(SqliteDatabase database)
    : DefinitionDeploymentTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDefinitionDeploymentTests(PostgresDatabase database)
    : DefinitionDeploymentTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
