using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>Messages (catch, throw, receive, start, inbox), boundary events and timers.</summary>
public abstract class EventTests(IStoreFactory stores) : EngineTest(stores)
{
    private const string Messages = """<message id="mReport" name="检验报告" /><message id="mWithdraw" name="撤回" /><message id="mAlarm" name="困人报警" />""";

    [Fact]
    public async Task Intermediate_message_catch_waits_for_its_correlation_key()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <intermediateCatchEvent id="wait" ah:correlationKey="${deviceCode}"><messageEventDefinition messageRef="mReport" /></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="review" />
            <userTask id="review" />
            """, rootElements: Messages);
        var a = await StartAsync(vars: new { deviceCode = "A" });
        var b = await StartAsync(vars: new { deviceCode = "B" });

        Assert.Equal(1, await CorrelateAsync("检验报告", "B", new { conclusion = "合格" }));

        Assert.Equal(["wait"], await WaitingAsync(a));
        Assert.Equal(["review"], await OpenTasksAsync(b));
        Assert.Equal("合格", (await VarAsync(b, "conclusion"))!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_that_arrives_first_waits_in_the_inbox_until_someone_listens()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" />
            <sequenceFlow id="f2" sourceRef="apply" targetRef="wait" />
            <receiveTask id="wait" messageRef="mReport" ah:correlationKey="${deviceCode}" />
            <sequenceFlow id="f3" sourceRef="wait" targetRef="review" />
            <userTask id="review" />
            """, rootElements: Messages);
        var id = await StartAsync(vars: new { deviceCode = "C" });

        Assert.Equal(0, await CorrelateAsync("检验报告", "C", new { conclusion = "不合格" }));
        await CompleteAsync(id, "apply");

        Assert.Equal(["review"], await OpenTasksAsync(id));
        Assert.Equal("不合格", (await VarAsync(id, "conclusion"))!.GetValue<string>());
    }

    [Fact]
    public async Task Message_start_event_starts_a_process_and_a_throw_event_reaches_another_instance()
    {
        Deploy(Workflows.Tests.Support.Bpmn.Process("""
            <startEvent id="alarm"><messageEventDefinition messageRef="mAlarm" /></startEvent>
            <sequenceFlow id="f1" sourceRef="alarm" targetRef="rescue" />
            <userTask id="rescue" name="救援" />
            <sequenceFlow id="f2" sourceRef="rescue" targetRef="done" />
            <intermediateThrowEvent id="done" ah:correlationKey="${deviceCode}"><messageEventDefinition messageRef="mReport" /></intermediateThrowEvent>
            """, id: "rescue_flow", rootElements: Messages));
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <intermediateCatchEvent id="wait" ah:correlationKey="${deviceCode}"><messageEventDefinition messageRef="mReport" /></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="close" />
            <userTask id="close" />
            """, rootElements: Messages);
        var watcher = await StartAsync(vars: new { deviceCode = "E1" });

        Assert.Equal(1, await CorrelateAsync("困人报警", "E1", new { deviceCode = "E1" }));
        var started = Assert.Single(await Queries.FindByBusinessKeyAsync("E1", Ct), i => i.ProcessKey == "rescue_flow");
        var rescueTask = Assert.Single(await OpenTaskRowsAsync(started.Id));
        Assert.Equal("E1", rescueTask.BusinessKey);
        await Engine.CompleteTaskAsync(rescueTask.Id, null, "维保", Ct);

        Assert.Equal(["close"], await OpenTasksAsync(watcher));
    }

    private const string Review = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <userTask id="review" ah:dueIn="P15WD" />
        <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <endEvent id="end" />
        """;

    [Fact]
    public async Task Interrupting_message_boundary_cancels_the_task_and_takes_its_path()
    {
        DeployBody(Review + """
            <boundaryEvent id="withdrawn" attachedToRef="review" ah:correlationKey="${applicationNo}"><messageEventDefinition messageRef="mWithdraw" /></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="withdrawn" targetRef="closed" />
            <endEvent id="closed" />
            """, rootElements: Messages);
        var id = await StartAsync(vars: new { applicationNo = "N1" });

        await CorrelateAsync("撤回", "N1");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(UserTaskStatus.Canceled, Assert.Single(await Queries.GetTasksAsync(id, Ct)).Status);
        Assert.Equal(["start", "withdrawn", "closed"], await CompletedAsync(id));
    }

    [Fact]
    public async Task Non_interrupting_message_boundary_keeps_the_task_and_can_fire_again()
    {
        DeployBody(Review + """
            <boundaryEvent id="urged" attachedToRef="review" cancelActivity="false"><messageEventDefinition messageRef="mWithdraw" /></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="urged" targetRef="note" />
            <task id="note" />
            """, rootElements: Messages);
        var id = await StartAsync();

        await CorrelateAsync("撤回");
        await CorrelateAsync("撤回");

        Assert.Equal(["review"], await OpenTasksAsync(id));
        Assert.Equal(2, (await CompletedAsync(id)).Count(e => e == "note"));
        await CompleteAsync(id, "review");
        Assert.Empty(await Queries.GetSubscriptionsAsync(id, Ct));
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    /// <summary>
    /// The reminder-plus-deadline pattern on a 15-working-day SLA: a non-interrupting R3/P1WD cycle
    /// sends three reminders, an interrupting P15WD escalates. Runs in milliseconds on the virtual clock.
    /// </summary>
    [Fact]
    public async Task Reminders_on_a_cycle_and_escalation_at_the_deadline()
    {
        DeployBody(Review + """
            <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false"><timerEventDefinition><timeCycle>R3/P1WD</timeCycle></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="remind" targetRef="notify" />
            <serviceTask id="notify" ah:type="notify.urge" />
            <boundaryEvent id="deadline" attachedToRef="review"><timerEventDefinition><timeDuration>P15WD</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f4" sourceRef="deadline" targetRef="escalate" />
            <userTask id="escalate" name="上级督办" />
            """);
        var reminders = new List<DateTimeOffset>();
        Handlers.Add("notify.urge", (_, _) =>
        {
            reminders.Add(Clock.GetUtcNow());
            return ValueTask.CompletedTask;
        });
        var id = await StartAsync();

        await AdvanceAsync("P10WD");
        Assert.Equal(3, reminders.Count);
        Assert.Equal(["review"], await OpenTasksAsync(id));
        await AdvanceAsync("P5WD");

        Assert.Equal(["escalate"], await OpenTasksAsync(id));
        Assert.Equal(UserTaskStatus.Canceled, (await Queries.GetTasksAsync(id, Ct)).Single(t => t.ElementId == "review").Status);
        // Reminders on the next three working days after Monday 2026-03-02: Tue, Wed, Thu.
        Assert.Equal([3, 4, 5], reminders.Select(r => r.ToOffset(TimeSpan.FromHours(8)).Day));
        Assert.Empty(await Queries.GetJobsAsync(id, Ct));
    }

    [Fact]
    public async Task Timer_race_on_an_event_based_gateway()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <eventBasedGateway id="gw" />
            <sequenceFlow id="f2" sourceRef="gw" targetRef="report" />
            <sequenceFlow id="f3" sourceRef="gw" targetRef="late" />
            <intermediateCatchEvent id="report"><messageEventDefinition messageRef="mReport" /></intermediateCatchEvent>
            <intermediateCatchEvent id="late"><timerEventDefinition><timeDuration>PT30M</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f4" sourceRef="report" targetRef="ok" />
            <sequenceFlow id="f5" sourceRef="late" targetRef="escalate" />
            <userTask id="ok" /><userTask id="escalate" />
            """, rootElements: Messages);
        var onTime = await StartAsync();
        await AdvanceAsync("PT10M");
        await CorrelateAsync("检验报告");
        var late = await StartAsync();
        await AdvanceAsync("PT31M");

        Assert.Equal(["ok"], await OpenTasksAsync(onTime));
        Assert.Equal(["escalate"], await OpenTasksAsync(late));
        Assert.Empty(await Queries.GetJobsAsync(onTime, Ct));
        Assert.Empty(await Queries.GetSubscriptionsAsync(late, Ct));
    }

    [Fact]
    public async Task Intermediate_timer_waits_until_its_date()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>2026-03-04T10:00:00</timeDate></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="go" />
            <userTask id="go" />
            """);
        var id = await StartAsync();

        var job = Assert.Single(await Queries.GetJobsAsync(id, Ct));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)), job.DueAt);
        await AdvanceAsync("P2D");
        Assert.Equal(["wait"], await WaitingAsync(id));
        await AdvanceAsync("PT1H");
        Assert.Equal(["go"], await OpenTasksAsync(id));
    }
}
