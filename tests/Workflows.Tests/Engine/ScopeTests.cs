using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>Embedded subprocesses and call activities.</summary>
public abstract class ScopeTests(IStoreFactory stores) : EngineTest(stores)
{
    [Fact]
    public async Task Embedded_subprocess_runs_its_own_flow_then_continues()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="onSite" />
            <subProcess id="onSite" name="现场核查">
              <startEvent id="subStart" />
              <sequenceFlow id="s1" sourceRef="subStart" targetRef="fork" />
              <parallelGateway id="fork" />
              <sequenceFlow id="s2" sourceRef="fork" targetRef="photo" />
              <sequenceFlow id="s3" sourceRef="fork" targetRef="measure" />
              <userTask id="photo" /><userTask id="measure" />
              <sequenceFlow id="s4" sourceRef="photo" targetRef="subEnd1" />
              <sequenceFlow id="s5" sourceRef="measure" targetRef="subEnd2" />
              <endEvent id="subEnd1" /><endEvent id="subEnd2" />
            </subProcess>
            <sequenceFlow id="f2" sourceRef="onSite" targetRef="decide" />
            <userTask id="decide" />
            """);
        var id = await StartAsync();
        Assert.Equal(["measure", "photo"], await OpenTasksAsync(id));

        await CompleteAsync(id, "photo");
        Assert.Equal(["measure"], await OpenTasksAsync(id));
        await CompleteAsync(id, "measure");

        Assert.Equal(["decide"], await OpenTasksAsync(id));
        Assert.Single((await InstanceAsync(id)).Scopes);
    }

    [Fact]
    public async Task Terminate_inside_a_subprocess_ends_only_the_subprocess()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <subProcess id="sub">
              <startEvent id="subStart" />
              <sequenceFlow id="s1" sourceRef="subStart" targetRef="fork" />
              <parallelGateway id="fork" />
              <sequenceFlow id="s2" sourceRef="fork" targetRef="long" />
              <sequenceFlow id="s3" sourceRef="fork" targetRef="short" />
              <userTask id="long" /><userTask id="short" />
              <sequenceFlow id="s4" sourceRef="short" targetRef="stop" />
              <endEvent id="stop"><terminateEventDefinition /></endEvent>
            </subProcess>
            <sequenceFlow id="f2" sourceRef="sub" targetRef="after" />
            <userTask id="after" />
            """);
        var id = await StartAsync();

        await CompleteAsync(id, "short");

        Assert.Equal(["after"], await OpenTasksAsync(id));
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
    }

    private void DeployInspection(string taskId)
    {
        DeployBody($"""
            <startEvent id="cStart" />
            <sequenceFlow id="c1" sourceRef="cStart" targetRef="{taskId}" />
            <userTask id="{taskId}" ah:candidateGroups="inspector" />
            <sequenceFlow id="c2" sourceRef="{taskId}" targetRef="cEnd" />
            <endEvent id="cEnd" />
            """, id: "inspection");
    }

    private const string Caller = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
        <callActivity id="call" calledElement="inspection" ah:version="VERSION">
          <extensionElements>
            <ah:in source="${deviceCode}" target="device" />
            <ah:out source="${result}" target="inspectionResult" />
          </extensionElements>
        </callActivity>
        <sequenceFlow id="f2" sourceRef="call" targetRef="after" />
        <userTask id="after" />
        """;

    [Fact]
    public async Task Call_activity_starts_the_latest_version_and_maps_variables_both_ways()
    {
        DeployInspection("inspectV1");
        DeployInspection("inspectV2");
        DeployBody(Caller.Replace("VERSION", "latest", StringComparison.Ordinal));
        var id = await StartAsync(vars: new { deviceCode = "3110-0001", secret = "x" });

        Assert.Equal(["inspectV2"], await OpenTasksAsync(id));
        var child = Assert.Single(await Queries.GetChildrenAsync(id, Ct));
        Assert.Equal("3110-0001", child.Scopes[0].Variables["device"]!.GetValue<string>());
        Assert.False(child.Scopes[0].Variables.ContainsKey("secret"));

        await CompleteAsync(id, "inspectV2", new { result = "合格" });

        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(child.Id)).Status);
        Assert.Equal(["after"], await OpenTasksAsync(id));
        Assert.Equal("合格", (await VarAsync(id, "inspectionResult"))!.GetValue<string>());
    }

    [Fact]
    public async Task Call_activity_can_pin_a_version()
    {
        DeployInspection("inspectV1");
        DeployInspection("inspectV2");
        DeployBody(Caller.Replace("VERSION", "1", StringComparison.Ordinal));

        var id = await StartAsync(vars: new { deviceCode = "3110-0002" });

        Assert.Equal(["inspectV1"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Calling_a_process_that_is_not_deployed_is_an_incident()
    {
        DeployBody(Caller.Replace("VERSION", "latest", StringComparison.Ordinal));

        var id = await StartAsync(vars: new { deviceCode = "x" });

        Assert.Equal(IncidentKind.CalledProcessMissing, Assert.Single(await IncidentsAsync(id)).Kind);
    }

    [Fact]
    public async Task Canceling_the_caller_cancels_the_called_instance()
    {
        DeployInspection("inspect");
        DeployBody(Caller.Replace("VERSION", "latest", StringComparison.Ordinal));
        var id = await StartAsync(vars: new { deviceCode = "x" });
        var child = Assert.Single(await Queries.GetChildrenAsync(id, Ct));

        await Engine.CancelAsync(id, "admin", null, Ct);

        Assert.Equal(InstanceStatus.Canceled, (await InstanceAsync(child.Id)).Status);
        Assert.Equal(UserTaskStatus.Canceled, Assert.Single(await Queries.GetTasksAsync(child.Id, Ct)).Status);
    }
}
