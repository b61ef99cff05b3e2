using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>Service and script tasks, BPMN errors and their propagation, incidents, hostile expressions.</summary>
public abstract class TaskKindTests(IStoreFactory stores) : EngineTest(stores)
{
    [Fact]
    public async Task Service_task_calls_its_handler_with_an_idempotency_key_and_stores_the_result()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="issue" />
            <serviceTask id="issue" ah:type="registry.issueUseCertificate" ah:resultVariable="certificateNo" />
            <sequenceFlow id="f2" sourceRef="issue" targetRef="end" />
            <endEvent id="end" />
            """);
        ServiceTaskContext? seen = null;
        Handlers.Add("registry.issueUseCertificate", (context, _) =>
        {
            seen = context;
            context.SetVariable("issuedBy", JsonValue.Create("杭州市西湖区市场监督管理局"));
            context.Result = JsonValue.Create($"梯11浙A{context.GetVariable("seq")}");
            return ValueTask.CompletedTask;
        });

        var id = await StartAsync(vars: new { seq = "00012" }, businessKey: "SY-1");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal("梯11浙A00012", (await VarAsync(id, "certificateNo"))!.GetValue<string>());
        Assert.Equal("杭州市西湖区市场监督管理局", (await VarAsync(id, "issuedBy"))!.GetValue<string>());
        Assert.Equal($"{id:N}:issue:1", seen!.IdempotencyKey);
        Assert.Equal("SY-1", seen.BusinessKey);
    }

    [Fact]
    public async Task A_missing_handler_at_once_and_a_failing_one_after_its_retries_are_incidents_at_the_task()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="missing" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="failing" />
            <serviceTask id="missing" ah:type="nobody.home" />
            <serviceTask id="failing" ah:type="broken" />
            """);
        Handlers.Add("broken", (_, _) => throw new InvalidOperationException("registry unavailable"));

        var id = await StartAsync();

        // A missing handler is a configuration error: no retry cures it. A failing one is retried (10 s, 1 min).
        Assert.Equal(["missing"], (await IncidentsAsync(id)).Select(i => i.ElementId));
        await AdvanceAsync("PT2M");
        var incidents = (await IncidentsAsync(id)).OrderBy(i => i.ElementId, StringComparer.Ordinal).ToList();
        Assert.Equal(["failing", "missing"], incidents.Select(i => i.ElementId));
        Assert.Equal(3, incidents[0].Attempts);
        Assert.All(incidents, i => Assert.Equal(IncidentKind.HandlerFailure, i.Kind));
        Assert.Contains("registry unavailable", incidents[0].Message, StringComparison.Ordinal);
        Assert.All((await InstanceAsync(id)).Tokens, t => Assert.Equal(TokenStatus.Incident, t.Status));
    }

    [Fact]
    public async Task Script_task_sets_variables_and_its_result()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="calc" />
            <scriptTask id="calc" scriptFormat="javascript" ah:resultVariable="total">
              <script>execution.setVariable('grade', load > 1000 ? 'A' : 'B'); load * 2;</script>
            </scriptTask>
            <sequenceFlow id="f2" sourceRef="calc" targetRef="end" />
            <endEvent id="end" />
            """);

        var id = await StartAsync(vars: new { load = 1600 });

        Assert.Equal("A", (await VarAsync(id, "grade"))!.GetValue<string>());
        Assert.Equal("3200", (await VarAsync(id, "total"))!.ToJsonString());
    }

    [Fact]
    public async Task A_hostile_script_becomes_an_incident_not_a_hang()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="loop" />
            <scriptTask id="loop" scriptFormat="javascript"><script>while (true) {}</script></scriptTask>
            """);

        var id = await StartAsync();

        Assert.Equal(IncidentKind.ExpressionFailure, Assert.Single(await IncidentsAsync(id)).Kind);
    }

    private const string Checked = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
        <subProcess id="sub">
          <startEvent id="s" />
          <sequenceFlow id="s1" sourceRef="s" targetRef="verify" />
          <serviceTask id="verify" ah:type="registry.verifyLicence" />
          <sequenceFlow id="s2" sourceRef="verify" targetRef="sEnd" />
          <endEvent id="sEnd" />
        </subProcess>
        <sequenceFlow id="f2" sourceRef="sub" targetRef="approve" />
        <userTask id="approve" />
        <boundaryEvent id="noLicence" attachedToRef="sub"><errorEventDefinition errorRef="eLicence" /></boundaryEvent>
        <sequenceFlow id="f3" sourceRef="noLicence" targetRef="reject" />
        <userTask id="reject" name="不予受理" />
        """;

    [Fact]
    public async Task A_bpmn_error_from_a_handler_is_caught_by_the_enclosing_subprocess_boundary()
    {
        DeployBody(Checked, rootElements: """<error id="eLicence" errorCode="LICENCE_EXPIRED" />""");
        Handlers.Add("registry.verifyLicence", (_, _) => throw new BpmnErrorException("LICENCE_EXPIRED", "许可证已过期"));

        var id = await StartAsync();

        Assert.Equal(["reject"], await OpenTasksAsync(id));
        Assert.Single((await InstanceAsync(id)).Scopes);
    }

    [Fact]
    public async Task An_error_nobody_catches_is_an_incident()
    {
        DeployBody(Checked, rootElements: """<error id="eLicence" errorCode="LICENCE_EXPIRED" />""");
        Handlers.Add("registry.verifyLicence", (_, _) => throw new BpmnErrorException("DEVICE_UNKNOWN", "设备不存在"));

        var id = await StartAsync();

        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal(IncidentKind.UnhandledError, incident.Kind);
        Assert.Contains("DEVICE_UNKNOWN", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_end_event_in_a_called_process_reaches_the_call_activity_boundary()
    {
        DeployBody("""
            <startEvent id="cs" />
            <sequenceFlow id="c1" sourceRef="cs" targetRef="inspect" />
            <userTask id="inspect" />
            <sequenceFlow id="c2" sourceRef="inspect" targetRef="gw" />
            <exclusiveGateway id="gw" default="ok" />
            <sequenceFlow id="ok" sourceRef="gw" targetRef="cEnd" />
            <sequenceFlow id="bad" sourceRef="gw" targetRef="fail"><conditionExpression>${passed == false}</conditionExpression></sequenceFlow>
            <endEvent id="cEnd" />
            <endEvent id="fail"><errorEventDefinition errorRef="eFail" /></endEvent>
            """, id: "inspection", rootElements: """<error id="eFail" errorCode="INSPECTION_FAILED" />""");
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <callActivity id="call" calledElement="inspection" />
            <sequenceFlow id="f2" sourceRef="call" targetRef="register" />
            <userTask id="register" />
            <boundaryEvent id="failed" attachedToRef="call"><errorEventDefinition /></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="failed" targetRef="rectify" />
            <userTask id="rectify" name="整改" />
            """);
        var id = await StartAsync();
        var child = Assert.Single(await Queries.GetChildrenAsync(id, Ct));

        await CompleteAsync(id, "inspect", new { passed = false });

        Assert.Equal(["rectify"], await OpenTasksAsync(id));
        Assert.Equal(InstanceStatus.Terminated, (await InstanceAsync(child.Id)).Status);
    }
}
