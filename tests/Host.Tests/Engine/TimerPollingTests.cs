using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Engine;

/// <summary>The running host fires due timers by itself, on SQLite and PostgreSQL.</summary>
public abstract class TimerPollingTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_due_timer_fires_without_anyone_asking()
    {
        var key = TestBpmn.NewKey("timer");
        var client = database.Factory.CreateClientFor(SignedInClients.Analyst);
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_{key}">
              <process id="{key}" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT0S</timeDuration></timerEventDefinition></intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="remind" />
                <userTask id="remind" name="催办" />
              </process>
            </definitions>
            """;
        (await client.PostAsync("/api/definitions", TestBpmn.Content(xml), Cancellation)).EnsureSuccessStatusCode();
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var queries = database.Factory.Services.GetRequiredService<IWorkflowQueries>();

        var started = await engine.StartAsync(new StartProcessRequest(key), Cancellation);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<UserTaskRecord> tasks = [];
        while (DateTime.UtcNow < deadline && tasks.Count == 0)
        {
            await Task.Delay(100, Cancellation);
            tasks = await queries.GetTasksAsync(started.InstanceId, Cancellation);
        }

        Assert.Equal("remind", Assert.Single(tasks).ElementId);
        Assert.Empty(await queries.GetJobsAsync(started.InstanceId, Cancellation));
    }
}

public sealed class SqliteTimerPollingTests(SqliteDatabase database)
    : TimerPollingTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresTimerPollingTests(PostgresDatabase database)
    : TimerPollingTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
