using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Admin;

/// <summary>
/// The analysts' API: the overview counts instances per version, the diff compares versions element
/// by element, instances are searched, read, started and canceled, and a migration is validated
/// before it runs. Analysts and administrators only. Both stores.
/// </summary>
public abstract class AdminApiTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private HttpClient Analyst => database.Factory.CreateClientFor(SignedInClients.Analyst);

    /// <summary>Publishes v1 (Review), then v2 where Review is renamed 初审 and a 复核 follows.</summary>
    private async Task<string> TwoVersionsAsync()
    {
        var key = TestBpmn.NewKey("admin");
        (await Analyst.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key)), Cancellation)).EnsureSuccessStatusCode();
        var v2 = TestBpmn.Process(key, taskName: "初审")
            .Replace("""<bpmn:endEvent id="End" />""", """<bpmn:userTask id="Recheck" name="复核" /><bpmn:endEvent id="End" />""", StringComparison.Ordinal)
            .Replace("""sourceRef="Review" targetRef="End" />""", """sourceRef="Review" targetRef="Recheck" /><bpmn:sequenceFlow id="Flow_3" sourceRef="Recheck" targetRef="End" />""", StringComparison.Ordinal);
        (await Analyst.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(v2), Cancellation)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await Analyst.PostAsync($"/api/definitions/{key}/draft/publish", null, Cancellation)).StatusCode);
        return key;
    }

    private async Task<Guid> StartAsync(string key, int? version = null, string? businessKey = null)
    {
        var variables = new { regionCode = "330106" };
        var response = await Analyst.PostAsJsonAsync($"/api/admin/definitions/{key}/instances", new { version, businessKey, variables }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadAsync<JsonObject>(Cancellation))["instanceId"]!;
    }

    [Fact]
    public async Task The_overview_counts_instances_per_version_and_the_diff_names_each_change()
    {
        var key = await TwoVersionsAsync();
        await StartAsync(key, version: 1);
        await StartAsync(key, version: 1);
        await StartAsync(key);

        var overview = (await Analyst.GetFromJsonAsync<JsonArray>("/api/admin/definitions", Json.Options, Cancellation))!
            .Single(d => (string?)d!["key"] == key)!;
        var versions = overview["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal([1, 2], versions.Select(v => (int)v!["running"]!));
        Assert.Null(overview["draftSavedAt"]);

        var diff = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/definitions/{key}/diff?from=1&to=2", Json.Options, Cancellation);
        var changes = diff!["changes"]!.AsArray().ToDictionary(c => (string)c!["elementId"]!, c => c!);
        Assert.Equal(["Flow_2", "Flow_3", "Recheck", "Review"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("added", (string?)changes["Recheck"]["kind"]);
        Assert.Equal("changed", (string?)changes["Review"]["kind"]);
        var renamed = Assert.Single(changes["Review"]["attributes"]!.AsArray());
        Assert.Equal(("name", "审核", "初审"), ((string?)renamed!["name"], (string?)renamed["before"], (string?)renamed["after"]));
        Assert.Contains(changes["Flow_2"]["attributes"]!.AsArray(), a => (string?)a!["name"] == "targetRef" && (string?)a["after"] == "Recheck");

        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/api/admin/definitions/{key}/diff?from=1&to=9", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Analyst.GetAsync($"/api/admin/definitions/{key}/diff?from=0&to=x", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Instances_are_searched_read_and_canceled_with_a_reason()
    {
        var key = await TwoVersionsAsync();
        var old = await StartAsync(key, version: 1, businessKey: "SY-20260302-000001");
        var fresh = await StartAsync(key, businessKey: "SY-20260302-000002");

        var page = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances?processKey={key}&businessKey=SY-20260302", Json.Options, Cancellation);
        Assert.Equal(2, (int)page!["total"]!);
        Assert.Equal([fresh, old], page["items"]!.AsArray().Select(i => (Guid)i!["id"]!));
        var onV1 = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances?processKey={key}&version=1&status=Active", Json.Options, Cancellation);
        Assert.Equal(old, (Guid)Assert.Single(onV1!["items"]!.AsArray())!["id"]!);

        var detail = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances/{fresh}", Json.Options, Cancellation);
        Assert.Equal(["Review"], detail!["active"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["Start"], detail["completed"]!.AsArray().Select(a => (string)a!));
        var variable = Assert.Single(detail["variables"]!.AsArray())!;
        Assert.Equal(("regionCode", "\"330106\""), ((string?)variable["name"], (string?)variable["json"]));
        Assert.Equal("初审", (string?)Assert.Single(detail["tasks"]!.AsArray())!["name"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await Analyst.PostAsJsonAsync($"/api/admin/instances/{old}/cancel", new { reason = " " }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Analyst.PostAsJsonAsync($"/api/admin/instances/{old}/cancel", new { reason = "申请人撤销" }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Analyst.PostAsJsonAsync($"/api/admin/instances/{old}/cancel", new { reason = "again" }, Cancellation)).StatusCode);
        var canceled = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances/{old}", Json.Options, Cancellation);
        Assert.Equal("canceled", (string?)canceled!["instance"]!["status"]);
        Assert.Contains(canceled["history"]!.AsArray(), h => (string?)h!["type"] == "instanceCanceled" && (string?)h["detail"] == "申请人撤销");
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/api/admin/instances/{Guid.NewGuid()}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.PostAsJsonAsync("/api/admin/definitions/no_such_key/instances", new { }, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_migration_is_validated_first_and_then_moves_the_instances()
    {
        var key = await TwoVersionsAsync();
        var waiting = await StartAsync(key, version: 1);
        var plan = new { processKey = key, targetVersion = 2, instanceIds = new[] { waiting }, mapping = new Dictionary<string, string>() };

        var check = await Analyst.PostAsJsonAsync("/api/admin/migrations/validate", plan, Cancellation);
        var validation = await check.ReadAsync<JsonObject>(Cancellation);
        Assert.True((bool)validation["valid"]!);
        Assert.Equal(1, (int)validation["checks"]![0]!["fromVersion"]!);

        var run = await Analyst.PostAsJsonAsync("/api/admin/migrations", plan, Cancellation);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var report = await run.ReadAsync<JsonObject>(Cancellation);
        Assert.True((bool)report["outcomes"]![0]!["migrated"]!);
        var moved = await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances/{waiting}", Json.Options, Cancellation);
        Assert.Equal(2, (int)moved!["instance"]!["version"]!);
        Assert.Contains(moved["history"]!.AsArray(), h => (string?)h!["type"] == "instanceMigrated" && (string?)h["userId"] == SignedInClients.Analyst);

        // Back to v1 with Review mapped to an element v1 does not have: both are refused, nothing moves.
        var other = await StartAsync(key);
        var back = new { processKey = key, targetVersion = 1, instanceIds = new[] { waiting, other }, mapping = new Dictionary<string, string> { ["Review"] = "Nowhere" } };
        var refused = await Analyst.PostAsJsonAsync("/api/admin/migrations", back, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadAsync<JsonObject>(Cancellation);
        Assert.Equal(2, problem["errors"]!.AsObject().Count);
        Assert.All(problem["checks"]!.AsArray(), c => Assert.Equal("unmapped", (string?)c!["problems"]![0]!["code"]));
        Assert.Equal(2, (int)(await Analyst.GetFromJsonAsync<JsonObject>($"/api/admin/instances/{waiting}", Json.Options, Cancellation))!["instance"]!["version"]!);

        var empty = await Analyst.PostAsJsonAsync("/api/admin/migrations", new { processKey = key, targetVersion = 0, instanceIds = Array.Empty<Guid>() }, Cancellation);
        var fields = (await empty.ReadAsync<JsonObject>(Cancellation))["errors"]!.AsObject();
        Assert.Equal(["instanceIds", "targetVersion"], fields.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound,
            (await Analyst.PostAsJsonAsync("/api/admin/migrations/validate", new { processKey = key, targetVersion = 9, instanceIds = new[] { waiting } }, Cancellation)).StatusCode);
    }

    [Theory]
    [InlineData("demo.province")]
    [InlineData("demo.county")]
    [InlineData("demo.enterprise")]
    [InlineData("demo.inspector")]
    public async Task Only_analysts_and_administrators_operate_instances_and_migrations(string userName)
    {
        var client = database.Factory.CreateClientFor(userName);
        var id = Guid.NewGuid();
        var plan = new { processKey = "unit_11_use_registration", targetVersion = 1, instanceIds = new[] { id } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/instances", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/admin/instances/{id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/admin/instances/{id}/cancel", new { reason = "x" }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/definitions/unit_11_use_registration/instances", new { }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/migrations/validate", plan, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/migrations", plan, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/definitions", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/definitions/unit_11_use_registration/diff?from=1&to=1", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_away_and_the_administrator_may_operate()
    {
        var anonymous = database.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/instances", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/admin/migrations", new { }, Cancellation)).StatusCode);
        var admin = database.Factory.CreateClientFor(SignedInClients.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/instances?pageSize=5", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/definitions", Cancellation)).StatusCode);
    }
}

public sealed class SqliteAdminApiTests(SqliteDatabase database)
    : AdminApiTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAdminApiTests(PostgresDatabase database)
    : AdminApiTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
