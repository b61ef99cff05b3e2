using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>
/// The audit trail records every command, every denial and every read of personal data with who,
/// role, scope, what, target and result, as a hash chain that stays linear under concurrent writers
/// (several hosts on one database). On SQLite and PostgreSQL.
/// </summary>
public abstract class AuditTrailTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_is_recorded_with_who_role_scope_what_target_and_result()
    {
        var key = TestBpmn.NewKey("audit");
        var analyst = database.Factory.CreateClientFor(SignedInClients.Analyst);

        var deployed = await analyst.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(key)), Cancellation);
        var saved = await analyst.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process(key, "复审")), Cancellation);

        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var records = await database.AllAsync(Cancellation);
        var deploy = records[^2];
        Assert.Equal(("DeployDefinition POST /api/definitions", SignedInClients.Analyst), (deploy.Action, deploy.ActorName));
        Assert.Equal(("analyst", "unrestricted", 201, "succeeded"), (deploy.Roles, deploy.Scope, deploy.StatusCode, deploy.Outcome));
        Assert.NotNull(deploy.ActorId);
        var draft = records[^1];
        Assert.Equal("SaveDefinitionDraft PUT /api/definitions/{key}/draft", draft.Action);
        Assert.Equal($"key={key}", draft.Target);
        Assert.Equal(TimeSpan.Zero, draft.OccurredAt.Offset);
        Assert.Equal(deploy.Hash, draft.PreviousHash);
    }

    [Fact]
    public async Task A_denied_command_is_recorded_as_denied()
    {
        var enterprise = database.Factory.CreateClientFor("demo.enterprise");

        var response = await enterprise.PostAsync("/api/definitions", TestBpmn.Content(TestBpmn.Process(TestBpmn.NewKey())), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var last = (await database.AllAsync(Cancellation))[^1];
        Assert.Equal(("demo.enterprise", "enterprise", "org:2001", 403, "denied"), (last.ActorName, last.Roles, last.Scope, last.StatusCode, last.Outcome));
        Assert.StartsWith("DeployDefinition POST", last.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_of_personal_data_are_recorded_and_other_reads_are_not()
    {
        var admin = database.Factory.CreateClientFor(SignedInClients.Admin);
        var users = await admin.GetFromJsonAsync<JsonArray>("/api/users?pageSize=200", Cancellation);
        var countyId = (string)users!.Single(u => (string?)u!["userName"] == "demo.county")!["id"]!;
        var before = (await database.AllAsync(Cancellation)).Count;

        await database.Factory.CreateClientFor("demo.county").GetAsync("/api/definitions", Cancellation);
        var read = await database.Factory.CreateClientFor("demo.city").GetAsync($"/api/users/{countyId}", Cancellation);
        var probe = await database.Factory.CreateClientFor("demo.county.shangcheng").GetAsync($"/api/users/{countyId}", Cancellation);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (read.StatusCode, probe.StatusCode));
        // Signing the three regulators in is recorded too; here only the reads matter.
        var added = (await database.AllAsync(Cancellation)).Skip(before).Where(r => !r.Action.StartsWith("IssueToken", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, added.Count);
        Assert.Equal(("demo.city", "GetUser GET /api/users/{id}", $"id={countyId}", "succeeded"), (added[0].ActorName, added[0].Action, added[0].Target, added[0].Outcome));
        Assert.Equal(("demo.county.shangcheng", "region:330102", "not-found"), (added[1].ActorName, added[1].Scope, added[1].Outcome));
    }

    [Fact]
    public async Task A_failed_sign_in_is_recorded_under_the_name_that_was_tried()
    {
        var client = database.Factory.CreateDefaultClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "demo.producer", password = "wrong-password-1A" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var last = (await database.AllAsync(Cancellation))[^1];
        Assert.Equal(("demo.producer", "IssueToken POST /api/auth/token", "reason=wrong password", "denied"), (last.ActorName, last.Action, last.Target, last.Outcome));
        Assert.NotNull(last.ActorId);
        Assert.Equal(string.Empty, last.Roles);
    }

    [Fact]
    public async Task Concurrent_commands_on_two_hosts_keep_the_chain_linear()
    {
        await using var second = new ApprovalHubFactory(database.Settings(demo: false));
        HttpClient[] clients =
        [
            database.Factory.CreateClientFor(SignedInClients.Analyst),
            second.CreateClientFor(database.Factory, SignedInClients.Analyst),
        ];
        await clients[0].GetAsync("/api/auth/me", Cancellation);
        var before = (await database.AllAsync(Cancellation)).Count;
        const int Commands = 40;

        var responses = await Task.WhenAll(Enumerable.Range(0, Commands).Select(i =>
            clients[i % 2].PostAsync("/api/definitions/validate", TestBpmn.Content(TestBpmn.Process($"concurrent_{i}")), Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var records = await database.AllAsync(Cancellation);
        Assert.Equal(before + Commands, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        var (exitCode, output) = await database.VerifyWithCliAsync(Cancellation);
        Assert.True(exitCode == 0, output);
        Assert.Contains($"audit chain intact: {records.Count} link(s) verified", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_endpoint_reports_an_intact_chain_to_administrators()
    {
        var result = await database.Factory.CreateClientFor(SignedInClients.Admin)
            .GetFromJsonAsync<AuditVerification>("/api/audit/verify", Json.Options, Cancellation);

        Assert.True(result!.IsIntact);
        Assert.True(result.VerifiedLinks > 0);
        Assert.Null(result.BrokenSequence);
    }
}

public sealed class SqliteAuditTrailTests(SqliteDatabase database)
    : AuditTrailTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAuditTrailTests(PostgresDatabase database)
    : AuditTrailTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
