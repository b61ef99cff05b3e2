using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>
/// Moving running instances to another version with an activity mapping: validation reports what
/// keeps each instance from moving and changes nothing; a migration moves state, task rows, timers,
/// subscriptions and incidents together and writes history. Every store.
/// </summary>
public abstract class MigrationTests(IStoreFactory factory) : EngineTest(factory)
{
    private static readonly Dictionary<string, string> NoMapping = [];

    // v1: 申请 → 审核 → 办结
    private const string V1 = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <userTask id="review" name="审核" ah:candidateGroups="regulator.county" ah:formKey="decision" />
        <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <endEvent id="end" />
        """;

    // v2: 审核 is now 初审 (another id, another form), followed by a new 复核.
    private const string V2 = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="firstReview" />
        <userTask id="firstReview" name="初审" ah:candidateGroups="regulator.county" ah:formKey="decision-v2" />
        <sequenceFlow id="f2" sourceRef="firstReview" targetRef="recheck" />
        <userTask id="recheck" name="复核" ah:candidateGroups="regulator.city" />
        <sequenceFlow id="f3" sourceRef="recheck" targetRef="end" />
        <endEvent id="end" />
        """;

    [Fact]
    public async Task A_waiting_task_moves_to_its_mapped_element_and_the_case_goes_on_in_the_new_version()
    {
        DeployBody(V1);
        var id = await StartAsync(businessKey: "SY-1");
        var before = (await OpenTaskRowsAsync(id)).Single();
        DeployBody(V2);

        var report = await Engine.MigrateAsync(new MigrationPlan("p", 2, new Dictionary<string, string> { ["review"] = "firstReview" }), [id], "demo.analyst", Ct);

        Assert.True(report.Ran);
        Assert.True(Assert.Single(report.Outcomes).Migrated);
        Assert.Equal([new ElementMove("review", "firstReview")], Assert.Single(report.Checks).ActiveElements);
        var state = await InstanceAsync(id);
        var v2 = await Definitions.GetVersionAsync("p", 2, Ct);
        Assert.Equal((2, v2!.Id), (state.Version, state.DefinitionId));
        var task = (await OpenTaskRowsAsync(id)).Single();
        Assert.Equal((before.Id, "firstReview", "初审", "decision-v2", 2), (task.Id, task.ElementId, task.Name, task.FormKey, task.ProcessVersion));
        var entry = Assert.Single(await Queries.GetHistoryAsync([id], Ct), h => h.Type == HistoryEventType.InstanceMigrated);
        Assert.Equal(("demo.analyst", "v1 → v2: review → firstReview"), (entry.UserId, entry.Detail));

        await CompleteAsync(id, "firstReview");
        Assert.Equal(["recheck"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Validation_reports_each_instance_and_nothing_moves_when_one_cannot()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <userTask id="a" />
            <sequenceFlow id="f2" sourceRef="a" targetRef="b" />
            <userTask id="b" />
            <sequenceFlow id="f3" sourceRef="b" targetRef="c" />
            <userTask id="c" />
            """);
        var atA = await StartAsync();
        var atB = await StartAsync();
        await CompleteAsync(atB, "a");
        var atC = await StartAsync();
        await CompleteAsync(atC, "a");
        await CompleteAsync(atC, "b");
        // v2: a stays, b became a service task, c is gone.
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <userTask id="a" />
            <sequenceFlow id="f2" sourceRef="a" targetRef="b" />
            <serviceTask id="b" ah:type="registry.check" />
            """);
        var unknown = Guid.NewGuid();

        var report = await Engine.MigrateAsync(new MigrationPlan("p", 2, NoMapping), [atA, atB, atC, unknown], "analyst", Ct);

        Assert.False(report.Ran);
        Assert.Empty(report.Outcomes);
        var checks = report.Checks.ToDictionary(c => c.InstanceId);
        Assert.True(checks[atA].CanMigrate);
        Assert.Equal((MigrationProblemCodes.Incompatible, "b"), Code(checks[atB]));
        Assert.Contains("user task is not a service task", checks[atB].Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal((MigrationProblemCodes.Unmapped, "c"), Code(checks[atC]));
        Assert.Equal((MigrationProblemCodes.NotFound, (string?)null), Code(checks[unknown]));
        foreach (var id in new[] { atA, atB, atC })
        {
            Assert.Equal(1, (await InstanceAsync(id)).Version);
        }

        Assert.DoesNotContain(await Queries.GetHistoryAsync([atA], Ct), h => h.Type == HistoryEventType.InstanceMigrated);
    }

    [Fact]
    public async Task Ended_and_foreign_instances_and_a_missing_version_are_refused()
    {
        DeployBody(V1);
        var done = await StartAsync();
        await CompleteAsync(done, "review");
        var onV1 = await StartAsync();
        DeployBody(V1, id: "other");
        var other = await StartAsync("other");

        var checks = await Engine.ValidateMigrationAsync(new MigrationPlan("p", 1, NoMapping), [done, onV1, other], Ct);

        Assert.Equal(
            [MigrationProblemCodes.NotActive, MigrationProblemCodes.SameVersion, MigrationProblemCodes.OtherProcess],
            checks.Select(c => Code(c).Code));
        var missing = await Assert.ThrowsAsync<WorkflowException>(() => Engine.ValidateMigrationAsync(new MigrationPlan("p", 7, NoMapping), [onV1], Ct));
        Assert.Equal(WorkflowErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task A_token_cannot_leave_its_subprocess_and_a_join_keeps_its_flows()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="split" />
            <parallelGateway id="split" />
            <sequenceFlow id="f2" sourceRef="split" targetRef="quick" />
            <sequenceFlow id="f3" sourceRef="split" targetRef="sub" />
            <sequenceFlow id="f4" sourceRef="quick" targetRef="join" />
            <sequenceFlow id="f5" sourceRef="sub" targetRef="join" />
            <task id="quick" />
            <subProcess id="sub">
              <startEvent id="subStart" />
              <sequenceFlow id="s1" sourceRef="subStart" targetRef="inner" />
              <userTask id="inner" />
            </subProcess>
            <parallelGateway id="join" />
            <sequenceFlow id="f6" sourceRef="join" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync();
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="split" />
            <parallelGateway id="split" />
            <sequenceFlow id="g2" sourceRef="split" targetRef="join" />
            <sequenceFlow id="f3" sourceRef="split" targetRef="inner" />
            <userTask id="inner" />
            <sequenceFlow id="f5" sourceRef="inner" targetRef="join" />
            <parallelGateway id="join" />
            <sequenceFlow id="f6" sourceRef="join" targetRef="end" />
            <endEvent id="end" />
            <sequenceFlow id="g9" sourceRef="split" targetRef="sub" />
            <subProcess id="sub">
              <startEvent id="subStart" />
              <sequenceFlow id="s1" sourceRef="subStart" targetRef="subEnd" />
              <endEvent id="subEnd" />
            </subProcess>
            """);

        var check = Assert.Single(await Engine.ValidateMigrationAsync(new MigrationPlan("p", 2, NoMapping), [id], Ct));

        Assert.Equal(
            [(MigrationProblemCodes.JoinChanged, "join"), (MigrationProblemCodes.ScopeChanged, "inner")],
            check.Problems.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Code, p.ElementId)));
    }

    [Fact]
    public async Task Boundary_timers_keep_their_due_dates_dropped_ones_go_and_new_ones_start_now()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" />
            <boundaryEvent id="deadline" attachedToRef="review" ah:escalates="true">
              <timerEventDefinition><timeDuration>P5WD</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <boundaryEvent id="old" attachedToRef="review" cancelActivity="false">
              <timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            """);
        var id = await StartAsync();
        var deadline = (await Queries.GetJobsAsync(id, Ct)).Single(j => j.ElementId == "deadline");
        await AdvanceAsync("PT2H");
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" />
            <boundaryEvent id="limit" attachedToRef="review" ah:escalates="true">
              <timerEventDefinition><timeDuration>P10WD</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <sequenceFlow id="f2" sourceRef="limit" targetRef="escalated" />
            <userTask id="escalated" />
            <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
            </boundaryEvent>
            """);

        await Engine.MigrateAsync(new MigrationPlan("p", 2, new Dictionary<string, string> { ["deadline"] = "limit" }), [id], null, Ct);

        var jobs = (await Queries.GetJobsAsync(id, Ct)).ToDictionary(j => j.ElementId);
        Assert.Equal(["limit", "remind"], jobs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((deadline.Id, deadline.DueAt), (jobs["limit"].Id, jobs["limit"].DueAt));
        Assert.Equal(Clock.GetUtcNow().AddHours(1), jobs["remind"].DueAt);
        Assert.True((await InstanceAsync(id)).Tokens.Single().Listening);

        // The kept deadline fires on its old date, through the new version's flow.
        await AdvanceAsync("P5WD");
        Assert.Equal(["escalated"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task A_waiting_message_keeps_its_key_and_still_reaches_the_instance()
    {
        const string messages = """<message id="m" name="inspection.done" />""";
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <intermediateCatchEvent id="wait" ah:correlationKey="${deviceCode}"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <endEvent id="end" />
            """, rootElements: messages);
        var id = await StartAsync(vars: new { deviceCode = "3110330106201500001" });
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="awaitReport" />
            <intermediateCatchEvent id="awaitReport"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="awaitReport" targetRef="file" />
            <userTask id="file" />
            """, rootElements: messages);

        await Engine.MigrateAsync(new MigrationPlan("p", 2, new Dictionary<string, string> { ["wait"] = "awaitReport" }), [id], null, Ct);

        var subscription = Assert.Single(await Queries.GetSubscriptionsAsync(id, Ct));
        Assert.Equal(("awaitReport", "3110330106201500001"), (subscription.ElementId, subscription.CorrelationKey));
        Assert.Equal(1, await CorrelateAsync("inspection.done", "3110330106201500001"));
        Assert.Equal(["file"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task An_incident_moves_with_its_token_and_a_retry_runs_the_fixed_version()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="issue" />
            <serviceTask id="issue" ah:type="registry.issueCertificat" />
            <sequenceFlow id="f2" sourceRef="issue" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync();
        var incident = Assert.Single(await IncidentsAsync(id));
        var issued = 0;
        Handlers.Add("registry.issueCertificate", (_, _) =>
        {
            issued++;
            return ValueTask.CompletedTask;
        });
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="issueCertificate" />
            <serviceTask id="issueCertificate" ah:type="registry.issueCertificate" />
            <sequenceFlow id="f2" sourceRef="issueCertificate" targetRef="end" />
            <endEvent id="end" />
            """);

        var report = await Engine.MigrateAsync(new MigrationPlan("p", 2, new Dictionary<string, string> { ["issue"] = "issueCertificate" }), [id], "analyst", Ct);
        Assert.True(report.Ran);
        var moved = Assert.Single(await IncidentsAsync(id));
        Assert.Equal((incident.Id, "issueCertificate", (DateTimeOffset?)null), (moved.Id, moved.ElementId, moved.ResolvedAt));

        await Engine.RetryIncidentAsync(incident.Id, null, "analyst", Ct);

        Assert.Equal(1, issued);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task Each_instance_of_a_countersign_moves_with_its_multi_instance_activity()
    {
        const string sign = """
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
            <userTask id="sign" ah:assignee="${signer}">
              <multiInstanceLoopCharacteristics isSequential="false" ah:collection="${signers}" ah:elementVariable="signer" />
            </userTask>
            <sequenceFlow id="f2" sourceRef="sign" targetRef="after" />
            <userTask id="after" />
            """;
        DeployBody(sign);
        var id = await StartAsync(vars: new { signers = new[] { "a", "b" } });
        DeployBody(sign.Replace("\"sign\"", "\"countersign\"", StringComparison.Ordinal));

        var report = await Engine.MigrateAsync(new MigrationPlan("p", 2, new Dictionary<string, string> { ["sign"] = "countersign" }), [id], null, Ct);

        Assert.True(Assert.Single(report.Outcomes).Migrated);
        var state = await InstanceAsync(id);
        Assert.All(state.Scopes.Where(s => s.Kind != ScopeKind.Process), s => Assert.Equal("countersign", s.ElementId));
        Assert.Equal(["countersign", "countersign"], await OpenTasksAsync(id));
        foreach (var task in await OpenTaskRowsAsync(id))
        {
            await Engine.CompleteTaskAsync(task.Id, null, task.Assignee, Ct);
        }

        Assert.Equal(["after"], await OpenTasksAsync(id));
    }

    private static (string Code, string? ElementId) Code(InstanceMigrationCheck check)
    {
        var problem = Assert.Single(check.Problems);
        return (problem.Code, problem.ElementId);
    }
}

public sealed class MigrationTestsInMemory() : MigrationTests(new MemoryStores());

public sealed class MigrationTestsOnSqlite() : MigrationTests(new SqliteStores());

public sealed class MigrationTestsOnPostgres(PostgresStores stores) : MigrationTests(stores), IClassFixture<PostgresStores>;
