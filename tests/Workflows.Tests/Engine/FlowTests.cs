using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>Start and end events, plain tasks, user tasks, versions.</summary>
public abstract class FlowTests(IStoreFactory stores) : EngineTest(stores)
{
    [Fact]
    public async Task None_start_to_none_end_completes_in_one_command()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <task id="work" />
            <sequenceFlow id="f2" sourceRef="work" targetRef="manual" />
            <manualTask id="manual" />
            <sequenceFlow id="f3" sourceRef="manual" targetRef="end" />
            <endEvent id="end" />
            """);

        var id = await StartAsync();

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["start", "work", "manual", "end"], await CompletedAsync(id));
    }

    [Fact]
    public async Task User_task_row_carries_assignment_form_and_working_day_due_date()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="accept" />
            <userTask id="accept" name="受理" ah:assignee="${applicant}" ah:candidateGroups="regulator,county-330106"
                      ah:formKey="use-registration" ah:dueIn="P15WD" ah:priority="5" />
            <sequenceFlow id="f2" sourceRef="accept" targetRef="end" />
            <endEvent id="end" />
            """);

        var id = await StartAsync(vars: new { applicant = "wang" }, businessKey: "SY-2026-0001");

        var task = Assert.Single(await OpenTaskRowsAsync(id));
        Assert.Equal("accept", task.ElementId);
        Assert.Equal("受理", task.Name);
        Assert.Equal("wang", task.Assignee);
        Assert.Equal(["regulator", "county-330106"], task.CandidateGroups);
        Assert.Equal("use-registration", task.FormKey);
        Assert.Equal(5, task.Priority);
        Assert.Equal("SY-2026-0001", task.BusinessKey);
        Assert.Equal("p", task.ProcessKey);
        Assert.Equal(1, task.ProcessVersion);
        // Monday 2026-03-02 + 15 working days = Monday 2026-03-23 (no holidays in March 2026).
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.FromHours(8)), task.DueAt);
    }

    [Fact]
    public async Task Completing_a_task_sets_variables_and_moves_on()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" />
            <sequenceFlow id="f2" sourceRef="apply" targetRef="review" />
            <userTask id="review" />
            <sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync();

        await CompleteAsync(id, "apply", new { deviceCode = "31103301062026000001", floors = 18 });

        Assert.Equal(["review"], await OpenTasksAsync(id));
        Assert.Equal("31103301062026000001", (await VarAsync(id, "deviceCode"))!.GetValue<string>());
        Assert.Equal(18, (await VarAsync(id, "floors"))!.GetValue<int>());
        await CompleteAsync(id, "review");
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task A_completed_task_cannot_be_completed_again()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" />
            <sequenceFlow id="f2" sourceRef="apply" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync();
        var task = Assert.Single(await OpenTaskRowsAsync(id));
        await Engine.CompleteTaskAsync(task.Id, null, "a", Ct);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Engine.CompleteTaskAsync(task.Id, null, "b", Ct));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        var row = Assert.Single(await Queries.GetTasksAsync(id, Ct));
        Assert.Equal(UserTaskStatus.Completed, row.Status);
        Assert.Equal("a", row.CompletedBy);
    }

    [Fact]
    public async Task Unknown_task_and_unknown_process_are_not_found()
    {
        var task = await Assert.ThrowsAsync<WorkflowException>(() => Engine.CompleteTaskAsync(Guid.NewGuid(), null, null, Ct));
        var process = await Assert.ThrowsAsync<WorkflowException>(() => StartAsync("nope"));

        Assert.Equal(WorkflowErrorKind.NotFound, task.Kind);
        Assert.Equal(WorkflowErrorKind.NotFound, process.Kind);
    }

    [Fact]
    public async Task Implicit_end_when_a_node_has_no_outgoing_flow()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="last" />
            <task id="last" />
            """);

        var id = await StartAsync();

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task Terminate_end_event_ends_every_branch()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="slow" />
            <userTask id="slow" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="fast" />
            <userTask id="fast" />
            <sequenceFlow id="f4" sourceRef="fast" targetRef="kill" />
            <endEvent id="kill"><terminateEventDefinition /></endEvent>
            <sequenceFlow id="f5" sourceRef="slow" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync();

        await CompleteAsync(id, "fast");

        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Empty(await OpenTasksAsync(id));
        Assert.Contains(await Queries.GetTasksAsync(id, Ct), t => t.ElementId == "slow" && t.Status == UserTaskStatus.Canceled);
    }

    [Fact]
    public async Task Cancel_ends_the_instance_and_its_tasks()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" />
            """);
        var id = await StartAsync();

        await Engine.CancelAsync(id, "admin", "申请人撤回", Ct);

        Assert.Equal(InstanceStatus.Canceled, await StatusAsync(id));
        Assert.Equal(UserTaskStatus.Canceled, Assert.Single(await Queries.GetTasksAsync(id, Ct)).Status);
        var again = await Assert.ThrowsAsync<WorkflowException>(() => Engine.CancelAsync(id, "admin", null, Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Instances_stay_on_their_version_and_a_version_can_be_pinned()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="v1task" />
            <userTask id="v1task" />
            """);
        var onV1 = await StartAsync();
        var redeployed = DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="v1task" />
            <userTask id="v1task" />
            """);
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="v2task" />
            <userTask id="v2task" />
            """);

        var onLatest = await StartAsync();
        var pinned = await StartAsync(version: 1);

        Assert.Equal(1, redeployed.Version);
        Assert.Equal(["v1task"], await OpenTasksAsync(onV1));
        Assert.Equal(["v2task"], await OpenTasksAsync(onLatest));
        Assert.Equal(["v1task"], await OpenTasksAsync(pinned));
        Assert.Equal(2, (await InstanceAsync(onLatest)).Version);
        await CompleteAsync(onV1, "v1task");
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(onV1));
    }

    [Fact]
    public async Task Set_variables_changes_the_process_scope()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" />
            """);
        var id = await StartAsync(vars: new { level = 1 });

        await Engine.SetVariablesAsync(id, Vars(new { level = 2, note = "复核" })!, "admin", Ct);

        Assert.Equal(2, (await VarAsync(id, "level"))!.GetValue<int>());
        Assert.Equal("复核", (await VarAsync(id, "note"))!.GetValue<string>());
    }

    /// <summary>
    /// Two people complete the two branches of one instance at the same moment: one command loses
    /// the race on the instance's row version, is retried from a fresh load, and the join fires once.
    /// </summary>
    [Fact]
    public async Task Concurrent_commands_on_one_instance_are_serialised_by_the_row_version()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
            <userTask id="a" /><userTask id="b" />
            <sequenceFlow id="f4" sourceRef="a" targetRef="join" />
            <sequenceFlow id="f5" sourceRef="b" targetRef="join" />
            <parallelGateway id="join" />
            <sequenceFlow id="f6" sourceRef="join" targetRef="after" />
            <userTask id="after" />
            """);
        for (var round = 0; round < 20; round++)
        {
            var id = await StartAsync();
            var tasks = await OpenTaskRowsAsync(id);

            await Task.WhenAll(tasks.Select(t => Task.Run(() => Engine.CompleteTaskAsync(t.Id, Vars(new { by = t.ElementId }), t.ElementId, Ct))));

            Assert.Equal(["after"], await OpenTasksAsync(id));
            Assert.Single((await InstanceAsync(id)).Tokens);
        }
    }

    [Fact]
    public async Task Commands_say_which_tasks_they_opened()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <userTask id="apply" name="申请" />
            <sequenceFlow id="f2" sourceRef="apply" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="a" />
            <sequenceFlow id="f4" sourceRef="fork" targetRef="b" />
            <userTask id="a" /><userTask id="b" />
            """);

        var started = await Engine.StartAsync(new StartProcessRequest("p"), Ct);
        var apply = Assert.Single(started.Tasks);
        var completion = await Engine.CompleteTaskAsync(apply.TaskId, null, "wang", Ct);

        Assert.Equal("apply", apply.ElementId);
        Assert.Equal("申请", apply.Name);
        Assert.Equal(started.InstanceId, apply.InstanceId);
        Assert.Equal(["a", "b"], completion.CreatedTasks.Select(t => t.ElementId).Order(StringComparer.Ordinal));
        Assert.Equal(
            (await OpenTaskRowsAsync(started.InstanceId)).Select(t => t.Id).Order(),
            completion.CreatedTasks.Select(t => t.TaskId).Order());
    }
}
