using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>会签 (all sign), 或签 (one signs), 依次审批 (in turn): multi-instance tasks and subprocesses.</summary>
public abstract class MultiInstanceTests(IStoreFactory stores) : EngineTest(stores)
{
    private static string Sign(bool sequential, string completion = "") => """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
        <userTask id="sign" name="会签" ah:assignee="${signer}">
          <multiInstanceLoopCharacteristics isSequential="SEQUENTIAL" ah:collection="${signers}" ah:elementVariable="signer">
            COMPLETION
          </multiInstanceLoopCharacteristics>
        </userTask>
        <sequenceFlow id="f2" sourceRef="sign" targetRef="after" />
        <userTask id="after" />
        """.Replace("SEQUENTIAL", sequential ? "true" : "false", StringComparison.Ordinal).Replace("COMPLETION", completion, StringComparison.Ordinal);

    [Fact]
    public async Task Parallel_multi_instance_creates_one_task_per_item_and_waits_for_all()
    {
        DeployBody(Sign(sequential: false));
        var id = await StartAsync(vars: new { signers = new[] { "zhao", "qian", "sun" } });

        var rows = await OpenTaskRowsAsync(id);
        Assert.Equal(["qian", "sun", "zhao"], rows.Select(t => t.Assignee).Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2], rows.Select(t => t.LoopCounter!.Value).Order());
        var body = (await InstanceAsync(id)).Scopes.Single(s => s.Kind == ScopeKind.MultiInstanceBody);
        Assert.Equal(3, body.Variables["nrOfInstances"]!.GetValue<int>());
        Assert.Equal(3, body.Variables["nrOfActiveInstances"]!.GetValue<int>());

        await CompleteAsync(id, "sign");
        await CompleteAsync(id, "sign");
        Assert.Equal(["sign"], await OpenTasksAsync(id));
        await CompleteAsync(id, "sign");

        Assert.Equal(["after"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Sequential_multi_instance_creates_the_next_task_when_one_completes()
    {
        DeployBody(Sign(sequential: true));
        var id = await StartAsync(vars: new { signers = new[] { "科员", "科长", "局长" } });

        var order = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var task = Assert.Single(await OpenTaskRowsAsync(id));
            order.Add(task.Assignee);
            await CompleteAsync(id, "sign");
        }

        Assert.Equal(["科员", "科长", "局长"], order);
        Assert.Equal(["after"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Completion_condition_ends_the_or_sign_and_cancels_the_other_tasks()
    {
        DeployBody(Sign(sequential: false, "<completionCondition>${nrOfCompletedInstances >= 1 &amp;&amp; approved}</completionCondition>"));
        var id = await StartAsync(vars: new { signers = new[] { "a", "b", "c" } });

        await CompleteAsync(id, "sign", new { approved = true });

        Assert.Equal(["after"], await OpenTasksAsync(id));
        var rows = await Queries.GetTasksAsync(id, Ct);
        Assert.Equal(2, rows.Count(t => t.ElementId == "sign" && t.Status == UserTaskStatus.Canceled));
    }

    [Fact]
    public async Task Cardinality_and_loop_counter_drive_a_multi_instance_subprocess()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="each" />
            <subProcess id="each">
              <multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>${floors}</loopCardinality></multiInstanceLoopCharacteristics>
              <startEvent id="s" />
              <sequenceFlow id="s1" sourceRef="s" targetRef="check" />
              <userTask id="check" ah:assignee="${'floor-' + (loopCounter + 1)}" />
            </subProcess>
            <sequenceFlow id="f2" sourceRef="each" targetRef="end" />
            <endEvent id="end" />
            """);
        var id = await StartAsync(vars: new { floors = 2 });

        Assert.Equal(["floor-1", "floor-2"], (await OpenTaskRowsAsync(id)).Select(t => t.Assignee).Order(StringComparer.Ordinal));
        await CompleteAsync(id, "check");
        await CompleteAsync(id, "check");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task An_empty_collection_skips_the_activity()
    {
        DeployBody(Sign(sequential: false));

        var id = await StartAsync(vars: new Dictionary<string, JsonNode?> { ["signers"] = new JsonArray() });

        Assert.Equal(["after"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task A_collection_that_is_not_a_list_is_an_incident()
    {
        DeployBody(Sign(sequential: false));

        var id = await StartAsync(vars: new { signers = "zhao" });

        Assert.Equal(IncidentKind.ExpressionFailure, Assert.Single(await IncidentsAsync(id)).Kind);
    }

    [Fact]
    public async Task A_boundary_timer_on_a_multi_instance_task_belongs_to_the_whole_activity()
    {
        DeployBody(Sign(sequential: false) + """
            <boundaryEvent id="late" attachedToRef="sign"><timerEventDefinition><timeDuration>P2WD</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f9" sourceRef="late" targetRef="escalate" />
            <userTask id="escalate" />
            """);
        var id = await StartAsync(vars: new { signers = new[] { "a", "b", "c" } });
        Assert.Single(await Queries.GetJobsAsync(id, Ct));

        await CompleteAsync(id, "sign");
        await AdvanceAsync("P2WD");

        Assert.Equal(["escalate"], await OpenTasksAsync(id));
        Assert.Equal(2, (await Queries.GetTasksAsync(id, Ct)).Count(t => t.Status == UserTaskStatus.Canceled));
        Assert.Single((await InstanceAsync(id)).Scopes);
    }
}
