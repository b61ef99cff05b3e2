using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Execution;
using ApprovalHub.Workflows.Runtime.Jobs;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>
/// Jobs beyond plain timers: asynchronous continuations, service-task retries and the incidents
/// they end in, timer start events, claims by several nodes, and SLA states. Every store.
/// </summary>
public abstract class JobTests(IStoreFactory factory) : EngineTest(factory)
{
    private const string Flaky = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="register" />
        <serviceTask id="register" ah:type="registry.register" {0} />
        <sequenceFlow id="f2" sourceRef="register" targetRef="done" />
        <userTask id="done" />
        """;

    private const string WaitOneMinute = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="done" />
        <userTask id="done" />
        """;

    [Fact]
    public async Task A_failing_handler_is_retried_with_back_off_and_then_stops_with_an_incident_an_operator_retries()
    {
        DeployBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, Flaky, string.Empty));
        var calls = new List<(int Attempt, string Key, DateTimeOffset At)>();
        var healthy = false;
        Handlers.Add("registry.register", (context, _) =>
        {
            calls.Add((context.Attempt, context.IdempotencyKey, Clock.GetUtcNow()));
            return healthy ? ValueTask.CompletedTask : throw new TimeoutException("registry timed out");
        });
        var started = Clock.GetUtcNow();
        var id = await StartAsync();

        var retry = Assert.Single(await Queries.GetJobsAsync(id, Ct));
        Assert.Equal((JobKind.Continuation, 2), (retry.Kind, retry.Attempt));
        Assert.Contains("registry timed out", retry.LastError, StringComparison.Ordinal);
        Assert.Empty(await IncidentsAsync(id));

        await AdvanceAsync("PT10M");
        Assert.Equal([1, 2, 3], calls.Select(c => c.Attempt));
        Assert.Equal(3, calls.Select(c => c.Key).Distinct().Count());
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(70)], calls.Select(c => c.At - started));
        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal((IncidentKind.HandlerFailure, 3, "register"), (incident.Kind, incident.Attempts, incident.ElementId));
        Assert.Contains("TimeoutException", incident.Details, StringComparison.Ordinal);
        Assert.Empty(await Queries.GetJobsAsync(id, Ct));

        healthy = true;
        await Engine.RetryIncidentAsync(incident.Id, Vars(new { fixedBy = "ops" }), "ops", Ct);

        Assert.Equal(["done"], await OpenTasksAsync(id));
        Assert.Equal("ops", (await VarAsync(id, "fixedBy"))!.GetValue<string>());
        var resolved = Assert.Single(await IncidentsAsync(id));
        Assert.Equal("ops", resolved.ResolvedBy);
        var again = await Assert.ThrowsAsync<WorkflowException>(() => Engine.RetryIncidentAsync(incident.Id, null, "ops", Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Ah_retry_sets_the_attempts_and_the_interval()
    {
        DeployBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, Flaky, "ah:retry=\"R5/PT1M\""));
        var attempts = new List<int>();
        Handlers.Add("registry.register", (context, _) =>
        {
            attempts.Add(context.Attempt);
            return context.Attempt < 4 ? throw new InvalidOperationException("busy") : ValueTask.CompletedTask;
        });
        var id = await StartAsync();

        await AdvanceAsync("PT2M30S");
        Assert.Equal([1, 2, 3], attempts);
        await AdvanceAsync("PT1M");

        Assert.Equal([1, 2, 3, 4], attempts);
        Assert.Equal(["done"], await OpenTasksAsync(id));
        Assert.Empty(await IncidentsAsync(id));
    }

    [Fact]
    public async Task An_async_element_runs_in_a_job_of_its_own_after_the_command_that_reached_it_committed()
    {
        DeployBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, Flaky, "ah:async=\"true\""));
        var calls = 0;
        Handlers.Add("registry.register", (_, _) =>
        {
            calls++;
            return ValueTask.CompletedTask;
        });

        var id = await StartAsync();

        Assert.Equal(0, calls);
        var job = Assert.Single(await Queries.GetJobsAsync(id, Ct));
        Assert.Equal((JobKind.Continuation, "register", 1), (job.Kind, job.ElementId, job.Attempt));
        Assert.Equal(Clock.GetUtcNow(), job.DueAt);
        await Engine.FireJobAsync(job.Id, Ct);

        Assert.Equal(1, calls);
        Assert.Equal(["done"], await OpenTasksAsync(id));
        Assert.Empty(await Queries.GetJobsAsync(id, Ct));
    }

    [Fact]
    public async Task A_condition_that_fails_after_a_task_is_retried_by_choosing_the_flow_again_not_by_redoing_the_task()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="approved"><conditionExpression>${decision == 'approve'}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f3" sourceRef="review" targetRef="rejected"><conditionExpression>${decision == 'reject'}</conditionExpression></sequenceFlow>
            <userTask id="approved" /><userTask id="rejected" />
            """);
        var id = await StartAsync();
        await CompleteAsync(id, "review", new { decision = "maybe" });

        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal((IncidentKind.NoFlowMatched, IncidentResume.Leave), (incident.Kind, incident.Resume));
        await Engine.RetryIncidentAsync(incident.Id, Vars(new { decision = "approve" }), "ops", Ct);

        Assert.Equal(["approved"], await OpenTasksAsync(id));
        Assert.Single(await Queries.GetTasksAsync(id, Ct), t => t.ElementId == "review");
    }

    [Fact]
    public async Task Timer_start_events_start_instances_and_a_new_version_replaces_the_old_versions_schedule()
    {
        var v1 = DeployBody("""
            <startEvent id="daily"><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="daily" targetRef="check" />
            <userTask id="check" name="日管控" />
            <boundaryEvent id="late" attachedToRef="check"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="late" targetRef="chase" />
            <userTask id="chase" />
            """, id: "selfcheck");
        Assert.Equal(1, await Engine.PublishStartTimersAsync(v1, Ct));

        await AdvanceAsync("PT2H");
        var started = (await Queries.FindByProcessAsync("selfcheck", Ct)).ToList();
        Assert.Equal(2, started.Count);

        var v2 = DeployBody("""
            <startEvent id="weekly"><timerEventDefinition><timeCycle>0 0 9 ? * MON</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="weekly" targetRef="check" />
            <userTask id="check" name="周排查" />
            """, id: "selfcheck");
        await Engine.PublishStartTimersAsync(v2, Ct);
        await AdvanceAsync("P2D");

        var all = await Queries.FindByProcessAsync("selfcheck", Ct);
        Assert.Equal(2, all.Count(i => i.Version == 1));
        // The v1 instances kept their own boundary timers: both were chased after a day.
        foreach (var instance in all.Where(i => i.Version == 1))
        {
            Assert.Equal(["chase"], await OpenTasksAsync(instance.Id));
        }

        // Monday 2026-03-02 09:00 + 2h2d: the next Monday 09:00 is not reached yet; one v2 job waits.
        Assert.DoesNotContain(all, i => i.Version == 2);
        await AdvanceAsync("P5D");
        Assert.Single(await Queries.FindByProcessAsync("selfcheck", Ct), i => i.Version == 2);
    }

    [Fact]
    public async Task Two_nodes_claim_disjoint_jobs_and_a_dead_nodes_jobs_move_on_after_the_lock_expires()
    {
        DeployBody(WaitOneMinute);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await StartAsync());
        }

        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(2));
        var now = Clock.GetUtcNow();
        var a = await Store.ClaimDueJobsAsync("node-a", now, now.AddSeconds(30), 4, Ct);
        var b = await Store.ClaimDueJobsAsync("node-b", now, now.AddSeconds(30), 100, Ct);
        Assert.Equal(4, a.Count);
        Assert.Equal(6, b.Count);
        Assert.Empty(a.Select(j => j.Id).Intersect(b.Select(j => j.Id)));
        Assert.Empty(await Store.ClaimDueJobsAsync("node-c", now, now.AddSeconds(30), 100, Ct));

        // node-b runs its jobs; node-a "dies" holding four.
        foreach (var job in b)
        {
            Assert.True(await Engine.FireJobAsync(job.Id, "node-b", Ct));
        }

        // A job is not run under someone else's claim.
        Assert.False(await Engine.FireJobAsync(a[0].Id, "node-b", Ct));

        Clock.MoveTo(now.AddSeconds(31));
        var pump = new JobPump(Engine, Store, Clock, new JobPumpOptions { NodeId = "node-c", Parallelism = 2 });
        var drained = await pump.DrainAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(new JobPumpResult(4, 4, 0), drained);

        // node-a wakes up and tries to finish: its claim is gone, so nothing runs twice.
        Assert.False(await Engine.FireJobAsync(a[1].Id, "node-a", Ct));
        foreach (var id in ids)
        {
            Assert.Equal(["done"], await OpenTasksAsync(id));
            Assert.Single(await Queries.GetHistoryAsync([id], Ct), h => h.Type == HistoryEventType.JobFired);
        }
    }

    [Fact]
    public async Task A_job_that_keeps_failing_outside_its_handler_stops_with_an_incident_and_is_never_deleted()
    {
        DeployBody(WaitOneMinute);
        var id = await StartAsync();
        var job = Assert.Single(await Queries.GetJobsAsync(id, Ct));

        for (var run = 0; run < JobRecord.DefaultRetries; run++)
        {
            await Engine.RecordJobFailureAsync(job.Id, null, new IOException("disk full"), Ct);
        }

        var stopped = Assert.Single(await Queries.GetJobsAsync(id, Ct));
        Assert.Equal(0, stopped.Retries);
        Clock.MoveTo(Clock.GetUtcNow().AddDays(1));
        Assert.Empty(await Store.ClaimDueJobsAsync("node-a", Clock.GetUtcNow(), Clock.GetUtcNow().AddSeconds(30), 10, Ct));
        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal((IncidentKind.JobFailure, job.Id, 3), (incident.Kind, incident.JobId, incident.Attempts));

        await Engine.RetryIncidentAsync(incident.Id, null, "ops", Ct);
        var claimed = Assert.Single(await Store.ClaimDueJobsAsync("node-a", Clock.GetUtcNow(), Clock.GetUtcNow().AddSeconds(30), 10, Ct));
        Assert.True(await Engine.FireJobAsync(claimed.Id, "node-a", Ct));
        Assert.Equal(["done"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task A_task_due_in_15_working_days_turns_yellow_on_its_last_working_day_and_an_escalation_timer_marks_it()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" ah:dueIn="P15WD" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <endEvent id="end" />
            <boundaryEvent id="overdue" attachedToRef="review" cancelActivity="false" ah:escalates="true"><timerEventDefinition><timeDuration>P16WD</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="overdue" targetRef="supervise" />
            <userTask id="supervise" name="上级督办" />
            """);
        var id = await StartAsync(vars: new { regionCode = "330106", organisationId = 42 });

        var task = Assert.Single(await OpenTaskRowsAsync(id));
        Assert.Equal((SlaState.Normal, "330106", 42L), (task.SlaState, task.RegionCode, task.OrganisationId));
        // Monday 2026-03-02 09:00 + 15 working days = Monday 2026-03-23 09:00; yellow from Friday 03-20 09:00.
        var china = TimeSpan.FromHours(8);
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 9, 0, 0, china), task.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 9, 0, 0, china), task.WarnAt);
        Assert.Equal(SlaState.Warning, SlaClock.StateAt(new DateTimeOffset(2026, 3, 21, 12, 0, 0, china), task.DueAt, task.WarnAt));
        Assert.Equal(SlaState.Overdue, SlaClock.StateAt(new DateTimeOffset(2026, 3, 23, 9, 0, 1, china), task.DueAt, task.WarnAt));

        await AdvanceAsync("P16WD");

        var escalated = (await Queries.GetTasksAsync(id, Ct)).Single(t => t.ElementId == "review");
        Assert.Equal((UserTaskStatus.Open, SlaState.Escalated), (escalated.Status, escalated.SlaState));
        Assert.Contains("supervise", await OpenTasksAsync(id));
    }

    [Fact]
    public void The_warning_threshold_skips_the_national_day_holiday_and_counts_its_make_up_saturday()
    {
        // National Day 2026: 10-01..10-07 off, Saturday 10-10 is a make-up working day.
        var china = TimeSpan.FromHours(8);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 9, 0, 0, china), SlaClock.WarnAt(new DateTimeOffset(2026, 10, 8, 9, 0, 0, china), Calendar, 1));
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 9, 0, 0, china), SlaClock.WarnAt(new DateTimeOffset(2026, 10, 12, 9, 0, 0, china), Calendar, 1));
    }
}
