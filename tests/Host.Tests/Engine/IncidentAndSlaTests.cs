using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Operations;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Sla;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Engine;

/// <summary>Operators list and retry incidents over HTTP; the SLA job moves states and keeps statistics. Both stores.</summary>
public abstract class IncidentAndSlaTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_incident_is_listed_and_retried_with_fixed_variables_over_http()
    {
        var key = TestBpmn.NewKey("incident");
        var client = database.Factory.CreateClientFor(SignedInClients.Analyst);
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_{{key}}">
              <process id="{{key}}" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="route" />
                <exclusiveGateway id="route" />
                <sequenceFlow id="f2" sourceRef="route" targetRef="city"><conditionExpression>${level == 'city'}</conditionExpression></sequenceFlow>
                <sequenceFlow id="f3" sourceRef="route" targetRef="county"><conditionExpression>${level == 'county'}</conditionExpression></sequenceFlow>
                <userTask id="city" /><userTask id="county" />
              </process>
            </definitions>
            """;
        (await client.PostAsync("/api/definitions", TestBpmn.Content(xml), Cancellation)).EnsureSuccessStatusCode();
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var queries = database.Factory.Services.GetRequiredService<IWorkflowQueries>();
        var started = await engine.StartAsync(new StartProcessRequest(key) { Variables = new Dictionary<string, JsonNode?> { ["level"] = "street" } }, Cancellation);

        var page = await client.GetFromJsonAsync<IncidentPage>($"/api/incidents?instanceId={started.InstanceId}", Json.Options, Cancellation);
        var incident = Assert.Single(page!.Items);
        Assert.Equal((IncidentKind.NoFlowMatched, "route"), (incident.Kind, incident.ElementId));
        var detail = await client.GetFromJsonAsync<IncidentView>($"/api/incidents/{incident.Id}", Json.Options, Cancellation);
        Assert.Contains("route", detail!.Message, StringComparison.Ordinal);

        var retried = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/retry", new { variables = new { level = "county" } }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("county", Assert.Single(await queries.GetTasksAsync(started.InstanceId, Cancellation)).ElementId);

        var again = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/retry", new { }, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/incidents/{Guid.NewGuid()}/retry", new { }, Cancellation)).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<IncidentPage>($"/api/incidents?instanceId={started.InstanceId}", Json.Options, Cancellation))!.Items);
        var resolved = await client.GetFromJsonAsync<IncidentPage>($"/api/incidents?instanceId={started.InstanceId}&resolved=true", Json.Options, Cancellation);
        Assert.Equal(SignedInClients.Analyst, Assert.Single(resolved!.Items).ResolvedBy);

        // Operating the engine is for analysts and administrators only.
        var regulator = database.Factory.CreateClientFor("demo.province");
        Assert.Equal(HttpStatusCode.Forbidden, (await regulator.GetAsync("/api/incidents", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regulator.PostAsJsonAsync($"/api/incidents/{incident.Id}/retry", new { }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await database.Factory.CreateClient().GetAsync("/api/incidents", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_sla_job_turns_tasks_yellow_and_red_and_keeps_statistics_by_region()
    {
        var key = TestBpmn.NewKey("sla");
        var client = database.Factory.CreateClientFor(SignedInClients.Analyst);
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d_{key}">
              <process id="{key}" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <userTask id="review" ah:dueIn="P3WD" />
              </process>
            </definitions>
            """;
        (await client.PostAsync("/api/definitions", TestBpmn.Content(xml), Cancellation)).EnsureSuccessStatusCode();
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var queries = database.Factory.Services.GetRequiredService<IWorkflowQueries>();
        var hangzhou = await engine.StartAsync(new StartProcessRequest(key) { Variables = new Dictionary<string, JsonNode?> { ["regionCode"] = "330106" } }, Cancellation);
        var ningbo = await engine.StartAsync(new StartProcessRequest(key) { Variables = new Dictionary<string, JsonNode?> { ["regionCode"] = "330203" } }, Cancellation);
        var task = Assert.Single(await queries.GetTasksAsync(hangzhou.InstanceId, Cancellation));
        await engine.CompleteTaskAsync(Assert.Single(await queries.GetTasksAsync(ningbo.InstanceId, Cancellation)).Id, null, "officer", Cancellation);

        var createContext = database.Factory.Services.GetRequiredService<Func<WorkflowDbContext>>();
        await using (var db = createContext())
        {
            Assert.Equal(1, await SlaMaintenance.RefreshStatesAsync(db, task.WarnAt!.Value.AddMinutes(1), Cancellation));
            Assert.Equal(SlaState.Warning, (await queries.GetTasksAsync(hangzhou.InstanceId, Cancellation))[0].SlaState);
            Assert.Equal(1, await SlaMaintenance.RefreshStatesAsync(db, task.DueAt!.Value.AddMinutes(1), Cancellation));
            Assert.Equal(0, await SlaMaintenance.RefreshStatesAsync(db, task.DueAt!.Value.AddMinutes(2), Cancellation));
            await SlaMaintenance.RecomputeStatisticsAsync(db, task.DueAt!.Value.AddMinutes(2), Cancellation);
        }

        var rows = (await client.GetFromJsonAsync<List<SlaStatisticView>>($"/api/sla/statistics?processKey={key}", Json.Options, Cancellation))!;
        Assert.Equal(["330106", "330203"], rows.Select(r => r.RegionCode));
        Assert.Equal((1, 0), (rows[0].OpenOverdue, rows[0].Completed));
        Assert.Equal((0, 1, 1.0), (rows[1].OpenOverdue, rows[1].Completed, rows[1].OnTimeRate ?? -1));
        var hangzhouOnly = await client.GetFromJsonAsync<List<SlaStatisticView>>($"/api/sla/statistics?processKey={key}&regionPrefix=3301", Json.Options, Cancellation);
        Assert.Equal("330106", Assert.Single(hangzhouOnly!).RegionCode);

        // A county regulator sees its own county whatever it asks for; an enterprise may not ask.
        var county = database.Factory.CreateClientFor("demo.county");
        var ownCounty = await county.GetFromJsonAsync<List<SlaStatisticView>>($"/api/sla/statistics?processKey={key}&regionPrefix=33", Json.Options, Cancellation);
        Assert.Equal("330106", Assert.Single(ownCounty!).RegionCode);
        var neighbour = database.Factory.CreateClientFor("demo.county.shangcheng");
        Assert.Empty((await neighbour.GetFromJsonAsync<List<SlaStatisticView>>($"/api/sla/statistics?processKey={key}", Json.Options, Cancellation))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await database.Factory.CreateClientFor("demo.enterprise").GetAsync("/api/sla/statistics", Cancellation)).StatusCode);
    }
}

public sealed class SqliteIncidentAndSlaTests(SqliteDatabase database)
    : IncidentAndSlaTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresIncidentAndSlaTests(PostgresDatabase database)
    : IncidentAndSlaTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
