using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Engine;

/// <summary>
/// Publishing a version schedules its timer start events in the deployment's own transaction and
/// removes the previous version's; running instances keep their timers. Both stores.
/// </summary>
public abstract class StartTimerDeploymentTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Definition(string key, string cycle) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_{{key}}">
          <process id="{{key}}" isExecutable="true">
            <startEvent id="tick"><timerEventDefinition><timeCycle>{{cycle}}</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="tick" targetRef="check" />
            <userTask id="check" name="隐患自查" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task A_new_version_replaces_the_timer_start_jobs_of_the_old_one_in_the_same_deployment()
    {
        var key = TestBpmn.NewKey("selfcheck");
        var client = database.Factory.CreateClientFor(SignedInClients.Analyst);
        (await client.PostAsync("/api/definitions", TestBpmn.Content(Definition(key, "0 0 9 ? * MON-FRI")), Cancellation)).EnsureSuccessStatusCode();

        var createContext = database.Factory.Services.GetRequiredService<Func<WorkflowDbContext>>();
        await using var db = createContext();
        var first = await db.Jobs.AsNoTracking().SingleAsync(j => j.ProcessKey == key, Cancellation);
        Assert.Equal((JobKind.TimerStart, "tick", null), (first.Kind, first.ElementId, first.InstanceId));
        var v1 = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.ProcessKey == key, Cancellation);
        Assert.Equal(v1.Id, first.DefinitionId);

        (await client.PostAsync("/api/definitions", TestBpmn.Content(Definition(key, "R/PT12H")), Cancellation)).EnsureSuccessStatusCode();

        var second = await db.Jobs.AsNoTracking().SingleAsync(j => j.ProcessKey == key, Cancellation);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("PT12H", second.Interval);
        var v2 = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.ProcessKey == key && d.Version == 2, Cancellation);
        Assert.Equal(v2.Id, second.DefinitionId);

        var refused = await client.PostAsync("/api/definitions", TestBpmn.Content(Definition(key, "${everyMorning}")), Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot read variables", await refused.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(second.Id, (await db.Jobs.AsNoTracking().SingleAsync(j => j.ProcessKey == key, Cancellation)).Id);
    }
}

public sealed class SqliteStartTimerDeploymentTests(SqliteDatabase database)
    : StartTimerDeploymentTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresStartTimerDeploymentTests(PostgresDatabase database)
    : StartTimerDeploymentTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
