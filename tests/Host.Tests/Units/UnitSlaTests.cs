using System.Text.RegularExpressions;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Jobs;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>The units whose catalog time limit escalates (an <c>ah:escalates</c> timer on the limit's task).</summary>
public static class UnitSlaRows
{
    public static TheoryData<string> Escalating() =>
    [
        .. CaseApi.Catalog.Units
            .Where(u => u.Limit is { } limit && UnitModel.Of(u.Code).EscalationOf(limit.TaskId) is not null)
            // Unit 34 is started by a sensor alarm, not by an applicant, and its arrival limit depends on
            // the device's region: its escalation is tested with real alarms in tests/Host.Tests/Iot.
            .Where(u => u.Code != "34")
            .Select(u => u.Code),
    ];
}

/// <summary>
/// The SLA path of every unit with a time limit: the case is driven to the task that carries the
/// catalog's limit, a job pump whose clock stands just past the task's deadline fires the
/// escalation, and the superior level finds the case in its 待办, decides, and the case ends with
/// its effect. Each class has a database of its own, so the late clock fires no other test's
/// timers. Both stores.
/// </summary>
public abstract partial class UnitSlaTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    [Theory]
    [MemberData(nameof(UnitSlaRows.Escalating), MemberType = typeof(UnitSlaRows))]
    public async Task Past_its_limit_a_task_escalates_to_the_superior_level_who_takes_the_case_on(string unit)
    {
        await JourneyWorld.EnsureAsync(database.Factory);
        var journey = new Journey(database.Factory);
        var model = UnitModel.Of(unit);
        var limit = model.Unit.Limit!;
        var script = UnitScripts.All[unit];
        var c = await UnitJourneys.ApplyAsync(journey, unit);
        await journey.RunAsync(c.InstanceId, task => task.ElementId == limit.TaskId ? null : UnitJourneys.DefaultTaskData(c.Application, task, script.Task?.Invoke(c, task)));
        var late = (await journey.OpenTasksAsync(c.InstanceId)).First(t => t.ElementId == limit.TaskId);
        AssertDeadline(limit.DueIn, late);

        var clock = new FakeTimeProvider(late.DueAt!.Value.AddMinutes(1));
        var services = database.Factory.Services;
        var latePump = new JobPump(services.GetRequiredService<WorkflowEngine>(), services.GetRequiredService<IWorkflowStore>(), clock, new JobPumpOptions { NodeId = "journeys-late-clock" });

        // One round at the late hour: the deadline and the reminders before it fire; what they
        // schedule (the next level's own deadline) lies ahead of the host's real clock again.
        await latePump.RunOnceAsync(TestContext.Current.CancellationToken);
        await journey.SettleAsync(c.InstanceId);

        var superiorElement = model.EscalationOf(limit.TaskId)!;
        var superior = (await journey.OpenTasksAsync(c.InstanceId)).First(t => t.ElementId == superiorElement);
        var (boss, _) = await journey.ActorAsync(superior);
        Assert.Contains(Journey.Actors.Single(a => a.User == boss).Groups, g => superior.CandidateGroups.Contains(g));
        var escalated = (await journey.Client(boss).TaskAsync(late.Id)).Task;
        Assert.Equal(SlaState.Escalated, escalated.SlaState);
        if (model.EscalationInterrupts(limit.TaskId))
        {
            Assert.NotEqual(UserTaskStatus.Open, escalated.Status);
        }
        else
        {
            // Supervised, not taken over: the late task stays with its holders, flagged in their queue.
            Assert.Equal(UserTaskStatus.Open, escalated.Status);
            var (holder, _) = await journey.ActorAsync(late);
            var flagged = await journey.Client(holder).QueueAsync($"view=todo&sla=escalated&pageSize=100&q={Uri.EscapeDataString(late.BusinessKey ?? late.SubjectCode ?? string.Empty)}");
            Assert.Contains(flagged.Items, i => i.TaskId == late.Id);
        }

        await journey.ActAsync(superior, UnitJourneys.DefaultTaskData(c.Application, superior, script.Task?.Invoke(c, superior)));
        var ended = await journey.RunAsync(c.InstanceId, task => UnitJourneys.DefaultTaskData(c.Application, task, script.Task?.Invoke(c, task)));
        Assert.Equal(InstanceStatus.Completed, ended.Status);
        await script.Effect(c);
    }

    /// <summary>The task's deadline is the catalog's limit: working days are at least as many calendar days, the others exact.</summary>
    private static void AssertDeadline(string dueIn, UserTaskRecord task)
    {
        Assert.NotNull(task.DueAt);
        var span = task.DueAt.Value - task.CreatedAt;
        var match = DueIn().Match(dueIn);
        Assert.True(match.Success, $"Unknown limit {dueIn}.");
        var n = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        switch (match.Groups["unit"].Value)
        {
            case "WD":
                Assert.InRange(span, TimeSpan.FromDays(n - 1), TimeSpan.FromDays((n * 3) + 14));
                break;
            case "D":
                Assert.Equal(TimeSpan.FromDays(n), span);
                break;
            case "H":
                Assert.Equal(TimeSpan.FromHours(n), span);
                break;
            default:
                Assert.Equal(TimeSpan.FromMinutes(n), span);
                break;
        }
    }

    [GeneratedRegex(@"^PT?(?<n>\d+)(?<unit>WD|D|H|M)$")]
    private static partial Regex DueIn();
}

public sealed class SqliteUnitSlaTests(SqliteDatabase database)
    : UnitSlaTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresUnitSlaTests(PostgresDatabase database)
    : UnitSlaTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
