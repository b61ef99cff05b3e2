using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>
/// The operations officials use on tasks — claim, transfer, delegate, urge, copy, return,
/// withdraw, add and remove a signer — as engine commands, with their refusals. Every store.
/// </summary>
public abstract class TaskOperationTests(IStoreFactory factory) : EngineTest(factory)
{
    private static readonly string[] CountyGroup = ["regulator.county"];

    // 申请 → 受理 (county) → 审核 (city) → 办结
    private const string Approval = """
        <startEvent id="start" ah:initiator="initiator" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
        <userTask id="apply" name="申请" ah:assignee="${initiator}" />
        <sequenceFlow id="f2" sourceRef="apply" targetRef="accept" />
        <userTask id="accept" name="受理" ah:candidateGroups="regulator.county" />
        <sequenceFlow id="f3" sourceRef="accept" targetRef="review" />
        <userTask id="review" name="审核" ah:candidateGroups="regulator.city" />
        <sequenceFlow id="f4" sourceRef="review" targetRef="end" />
        <endEvent id="end" />
        """;

    private async Task<Guid> StartApprovalAsync()
    {
        DeployBody(Approval);
        var started = await Engine.StartAsync(new StartProcessRequest("p") { Initiator = "enterprise-1", Variables = Vars(new { regionCode = "330106" }) }, Ct);
        return started.InstanceId;
    }

    private async Task<UserTaskRecord> OpenAsync(Guid instance, string elementId) =>
        (await OpenTaskRowsAsync(instance)).Single(t => t.ElementId == elementId);

    [Fact]
    public async Task Claim_needs_a_candidate_and_refuses_a_second_claimer()
    {
        var id = await StartApprovalAsync();
        await CompleteAsync(id, "apply", user: "enterprise-1");
        var accept = await OpenAsync(id, "accept");

        var stranger = await Assert.ThrowsAsync<WorkflowException>(() => Engine.ClaimTaskAsync(accept.Id, "someone", ["enterprise"], Ct));
        Assert.Equal(WorkflowErrorKind.Forbidden, stranger.Kind);
        await Engine.ClaimTaskAsync(accept.Id, "officer-a", CountyGroup, Ct);
        var second = await Assert.ThrowsAsync<WorkflowException>(() => Engine.ClaimTaskAsync(accept.Id, "officer-b", CountyGroup, Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, second.Kind);
        Assert.Contains("officer-a", second.Message, StringComparison.Ordinal);

        await Engine.UnclaimTaskAsync(accept.Id, "officer-a", Ct);
        await Engine.ClaimTaskAsync(accept.Id, "officer-b", CountyGroup, Ct);
        Assert.Equal("officer-b", (await OpenAsync(id, "accept")).Assignee);
        var history = await Queries.GetHistoryAsync([id], Ct);
        Assert.Equal(
            [HistoryEventType.TaskClaimed, HistoryEventType.TaskUnclaimed, HistoryEventType.TaskClaimed],
            history.Where(h => h.Type is HistoryEventType.TaskClaimed or HistoryEventType.TaskUnclaimed).Select(h => h.Type));
    }

    [Fact]
    public async Task Transfer_hands_over_and_delegation_comes_back_to_the_owner_who_decides()
    {
        var id = await StartApprovalAsync();
        await CompleteAsync(id, "apply", user: "enterprise-1");
        var accept = await OpenAsync(id, "accept");
        await Engine.ClaimTaskAsync(accept.Id, "officer-a", CountyGroup, Ct);

        var noComment = await Assert.ThrowsAsync<WorkflowException>(() => Engine.TransferTaskAsync(accept.Id, "officer-a", "officer-b", " ", Ct));
        Assert.Equal(WorkflowErrorKind.Invalid, noComment.Kind);
        var notHolder = await Assert.ThrowsAsync<WorkflowException>(() => Engine.TransferTaskAsync(accept.Id, "officer-c", "officer-b", "休假", Ct));
        Assert.Equal(WorkflowErrorKind.Forbidden, notHolder.Kind);
        await Engine.TransferTaskAsync(accept.Id, "officer-a", "officer-b", "休假,转同事办理", Ct);
        Assert.Equal("officer-b", (await OpenAsync(id, "accept")).Assignee);

        await Engine.DelegateTaskAsync(accept.Id, "officer-b", "expert-1", "请核对制造许可证", Ct);
        var delegated = await OpenAsync(id, "accept");
        Assert.Equal(("expert-1", "officer-b", DelegationState.Pending), (delegated.Assignee, delegated.Owner, delegated.DelegationState));
        var blocked = await Assert.ThrowsAsync<WorkflowException>(() => Engine.CompleteTaskAsync(accept.Id, null, "expert-1", Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, blocked.Kind);

        await Engine.ResolveTaskAsync(accept.Id, "expert-1", Vars(new { licenceChecked = true }), "许可证有效", Ct);
        var back = await OpenAsync(id, "accept");
        Assert.Equal(("officer-b", DelegationState.Resolved), (back.Assignee, back.DelegationState));
        Assert.True((await VarAsync(id, "licenceChecked"))!.GetValue<bool>());
        await Engine.CompleteTaskAsync(accept.Id, null, "officer-b", Ct);
        Assert.Equal(["review"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Urge_counts_and_copies_reach_the_recipients_queue()
    {
        var id = await StartApprovalAsync();
        await CompleteAsync(id, "apply", user: "enterprise-1");
        var accept = await OpenAsync(id, "accept");

        await Engine.UrgeTaskAsync(accept.Id, "enterprise-1", "请尽快受理", Ct);
        await Engine.UrgeTaskAsync(accept.Id, "enterprise-1", null, Ct);
        await Engine.CarbonCopyAsync(id, accept.Id, "officer-a", ["chief-1", "chief-1", "archive"], "供参阅", Ct);

        Assert.Equal(2, (await OpenAsync(id, "accept")).UrgeCount);
        var copy = Assert.Single(await Queries.GetCarbonCopiesAsync("chief-1", includeRead: false, Ct));
        Assert.Equal((id, "p", "330106", "officer-a"), (copy.InstanceId, copy.ProcessKey, copy.RegionCode, copy.SentBy));
        Assert.Single(await Queries.GetCarbonCopiesAsync("archive", includeRead: false, Ct));
        Assert.Empty(await Queries.GetCarbonCopiesAsync("officer-a", includeRead: true, Ct));
        await Assert.ThrowsAsync<WorkflowException>(() => Engine.CarbonCopyAsync(id, null, "officer-a", [], null, Ct));
    }

    [Fact]
    public async Task Return_sends_the_case_to_an_earlier_step_and_refuses_a_later_or_foreign_one()
    {
        var id = await StartApprovalAsync();
        await CompleteAsync(id, "apply", user: "enterprise-1");
        await CompleteAsync(id, "accept", user: "officer-a");
        var review = await OpenAsync(id, "review");
        await Engine.ClaimTaskAsync(review.Id, "city-1", ["regulator.city"], Ct);

        var forward = await Assert.ThrowsAsync<WorkflowException>(() => Engine.ReturnTaskAsync(review.Id, "city-1", "end", "x", Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, forward.Kind);
        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Engine.ReturnTaskAsync(review.Id, "city-1", "apply", "", Ct));
        Assert.Equal(WorkflowErrorKind.Invalid, noReason.Kind);

        var returned = await Engine.ReturnTaskAsync(review.Id, "city-1", "apply", "检验报告缺页,请补正", Ct);

        var reopened = Assert.Single(returned.CreatedTasks);
        Assert.Equal("apply", reopened.ElementId);
        Assert.Equal("enterprise-1", (await OpenAsync(id, "apply")).Assignee);
        Assert.Equal(UserTaskStatus.Canceled, (await Queries.GetTasksAsync(id, Ct)).Single(t => t.Id == review.Id).Status);
        var entry = Assert.Single(await Queries.GetHistoryAsync([id], Ct), h => h.Type == HistoryEventType.TaskReturned);
        Assert.Equal(("review", "city-1"), (entry.ElementId, entry.UserId));
        Assert.Contains("检验报告缺页", entry.Detail, StringComparison.Ordinal);

        await CompleteAsync(id, "apply", user: "enterprise-1");
        Assert.Equal(["accept"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Withdraw_works_until_the_next_step_acts()
    {
        var id = await StartApprovalAsync();
        var apply = await OpenAsync(id, "apply");
        await Engine.CompleteTaskAsync(apply.Id, null, "enterprise-1", Ct);

        var notMine = await Assert.ThrowsAsync<WorkflowException>(() => Engine.WithdrawAsync(apply.Id, "officer-a", null, Ct));
        Assert.Equal(WorkflowErrorKind.Forbidden, notMine.Kind);
        var withdrawn = await Engine.WithdrawAsync(apply.Id, "enterprise-1", "材料传错了", Ct);
        Assert.Equal("apply", Assert.Single(withdrawn.CreatedTasks).ElementId);
        Assert.Equal(["apply"], await OpenTasksAsync(id));

        var again = await OpenAsync(id, "apply");
        await Engine.CompleteTaskAsync(again.Id, null, "enterprise-1", Ct);
        await Engine.ClaimTaskAsync((await OpenAsync(id, "accept")).Id, "officer-a", CountyGroup, Ct);

        var late = await Assert.ThrowsAsync<WorkflowException>(() => Engine.WithdrawAsync(again.Id, "enterprise-1", null, Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, late.Kind);
        Assert.Contains("already acted", late.Message, StringComparison.Ordinal);
    }

    private const string Countersign = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
        <userTask id="sign" name="会签" ah:assignee="${signer}">
          <multiInstanceLoopCharacteristics isSequential="false" ah:collection="${signers}" ah:elementVariable="signer" />
        </userTask>
        <sequenceFlow id="f2" sourceRef="sign" targetRef="after" />
        <userTask id="after" />
        """;

    [Fact]
    public async Task Signers_are_added_to_and_removed_from_a_running_countersign()
    {
        DeployBody(Countersign);
        var id = await StartAsync(vars: new { signers = new[] { "a", "b" } });
        var taskOfA = (await OpenTaskRowsAsync(id)).Single(t => t.Assignee == "a");

        var added = await Engine.AddSignerAsync(taskOfA.Id, "a", "c", "需安全科会签", Ct);
        Assert.Equal("sign", Assert.Single(added.CreatedTasks).ElementId);
        Assert.Equal(["a", "b", "c"], (await OpenTaskRowsAsync(id)).Select(t => t.Assignee).Order(StringComparer.Ordinal));

        await Engine.CompleteTaskAsync(taskOfA.Id, null, "a", Ct);
        var taskOfB = (await OpenTaskRowsAsync(id)).Single(t => t.Assignee == "b");
        await Engine.RemoveSignerAsync(taskOfB.Id, "a", "b 出差", Ct);
        Assert.Equal(["c"], (await OpenTaskRowsAsync(id)).Select(t => t.Assignee));

        var taskOfC = (await OpenTaskRowsAsync(id)).Single();
        await Engine.CompleteTaskAsync(taskOfC.Id, null, "c", Ct);
        Assert.Equal(["after"], await OpenTasksAsync(id));
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
    }

    [Fact]
    public async Task Removing_the_last_pending_signer_completes_the_countersign()
    {
        DeployBody(Countersign);
        var id = await StartAsync(vars: new { signers = new[] { "a", "b" } });
        await Engine.CompleteTaskAsync((await OpenTaskRowsAsync(id)).Single(t => t.Assignee == "a").Id, null, "a", Ct);

        await Engine.RemoveSignerAsync((await OpenTaskRowsAsync(id)).Single(t => t.Assignee == "b").Id, "a", "b 调岗", Ct);

        Assert.Equal(["after"], await OpenTasksAsync(id));
        var solo = await StartAsync(vars: new { signers = new[] { "solo" } });
        var soloTask = Assert.Single(await OpenTaskRowsAsync(solo));
        var nobodyLeft = await Assert.ThrowsAsync<WorkflowException>(() => Engine.RemoveSignerAsync(soloTask.Id, "a", null, Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, nobodyLeft.Kind);
        var single = await StartApprovalFreeSignerAsync();
        var lone = await Assert.ThrowsAsync<WorkflowException>(() => Engine.AddSignerAsync(single, "x", "y", null, Ct));
        Assert.Equal(WorkflowErrorKind.Conflict, lone.Kind);
    }

    private async Task<Guid> StartApprovalFreeSignerAsync()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="one" />
            <userTask id="one" />
            """, id: "plain");
        var started = await Engine.StartAsync(new StartProcessRequest("plain"), Ct);
        return Assert.Single(started.Tasks).TaskId;
    }
}
