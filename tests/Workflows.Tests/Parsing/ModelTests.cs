using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Parsing;

/// <summary>What the typed, indexed model holds after reading a file.</summary>
public class ModelTests
{
    private static BpmnDocument Read(string xml)
    {
        var result = BpmnParser.Parse(xml);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Document!;
    }

    [Fact]
    public void User_task_carries_assignment_form_and_due_date()
    {
        var document = Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="accept" />
                <userTask id="accept" name="受理" ah:assignee="${initiator}" ah:candidateGroups="regulator, county-330106"
                          ah:candidateUsers="zhang,li" ah:formKey="use-registration" ah:dueIn="P15WD" />
                <sequenceFlow id="f2" sourceRef="accept" targetRef="end" />
                <endEvent id="end" />
            """));

        var task = Assert.IsType<BpmnTask>(document.Processes[0].FindNode("accept"));
        Assert.Equal(FlowNodeKind.UserTask, task.Kind);
        Assert.Equal("受理", task.Name);
        Assert.Equal("${initiator}", task.Assignee);
        Assert.Equal(["regulator", "county-330106"], task.CandidateGroups);
        Assert.Equal(["zhang", "li"], task.CandidateUsers);
        Assert.Equal("use-registration", task.FormKey);
        Assert.Equal("P15WD", task.DueIn);
        Assert.Equal(["f1"], task.Incoming.Select(f => f.Id));
        Assert.Equal(["f2"], task.Outgoing.Select(f => f.Id));
    }

    [Fact]
    public void Gateway_conditions_and_default_are_resolved()
    {
        var document = Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
                <exclusiveGateway id="gw" default="no" />
                <sequenceFlow id="yes" sourceRef="gw" targetRef="end"><conditionExpression xsi:type="tFormalExpression"><![CDATA[${approved == true}]]></conditionExpression></sequenceFlow>
                <sequenceFlow id="no" sourceRef="gw" targetRef="end" />
                <endEvent id="end" />
            """));

        var gateway = Assert.IsType<Gateway>(document.Processes[0].FindNode("gw"));
        Assert.Equal("no", gateway.DefaultFlow?.Id);
        Assert.True(gateway.IsSplit);
        var yes = document.Processes[0].FlowsById["yes"];
        Assert.Equal("${approved == true}", yes.Condition);
        Assert.False(yes.IsDefault);
        Assert.True(document.Processes[0].FlowsById["no"].IsDefault);
    }

    [Fact]
    public void Multi_instance_reads_collection_element_variable_and_completion()
    {
        var document = Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
                <userTask id="sign" name="会签" ah:assignee="${signer}">
                  <multiInstanceLoopCharacteristics isSequential="false" ah:collection="${signers}" ah:elementVariable="signer">
                    <completionCondition>${nrOfCompletedInstances / nrOfInstances >= 0.5}</completionCondition>
                  </multiInstanceLoopCharacteristics>
                </userTask>
                <sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
                <endEvent id="end" />
            """));

        var loop = Assert.IsType<BpmnTask>(document.Processes[0].FindNode("sign")).MultiInstance;
        Assert.NotNull(loop);
        Assert.False(loop.IsSequential);
        Assert.Equal("${signers}", loop.Collection);
        Assert.Equal("signer", loop.ElementVariable);
        Assert.Equal("${nrOfCompletedInstances / nrOfInstances >= 0.5}", loop.CompletionCondition);
    }

    [Fact]
    public void Boundary_events_timers_and_messages_are_linked()
    {
        var document = Read(Bpmn.Process(
            """
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <userTask id="review" />
                <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
                <endEvent id="end" />
                <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
                  <timerEventDefinition><timeCycle>R3/P1WD</timeCycle></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f3" sourceRef="remind" targetRef="urge" />
                <serviceTask id="urge" ah:type="notify.urge" />
                <boundaryEvent id="withdrawn" attachedToRef="review">
                  <messageEventDefinition messageRef="msgWithdraw" />
                </boundaryEvent>
                <sequenceFlow id="f4" sourceRef="withdrawn" targetRef="end" />
            """,
            rootElements: """<message id="msgWithdraw" name="撤回申请" />"""));

        var process = document.Processes[0];
        var review = Assert.IsType<BpmnTask>(process.FindNode("review"));
        Assert.Equal(["remind", "withdrawn"], review.BoundaryEvents.Select(b => b.Id));
        var remind = Assert.IsType<BpmnEvent>(process.FindNode("remind"));
        Assert.False(remind.CancelActivity);
        var timer = Assert.IsType<TimerEventDefinition>(remind.Definition);
        Assert.Equal(TimerKind.Cycle, timer.TimerKind);
        Assert.Equal("R3/P1WD", timer.Expression);
        var withdrawn = Assert.IsType<BpmnEvent>(process.FindNode("withdrawn"));
        Assert.True(withdrawn.CancelActivity);
        Assert.Equal("撤回申请", Assert.IsType<MessageEventDefinition>(withdrawn.Definition).MessageName);
        Assert.Same(review, withdrawn.AttachedTo);
    }

    [Fact]
    public void Subprocess_has_its_own_scope_and_nodes_are_indexed_process_wide()
    {
        var document = Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
                <subProcess id="sub" name="现场核查">
                  <startEvent id="subStart" />
                  <sequenceFlow id="s1" sourceRef="subStart" targetRef="check" />
                  <userTask id="check" />
                  <sequenceFlow id="s2" sourceRef="check" targetRef="subEnd" />
                  <endEvent id="subEnd" />
                </subProcess>
                <sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
                <endEvent id="end" />
            """));

        var process = document.Processes[0];
        var sub = Assert.IsType<SubProcess>(process.FindNode("sub"));
        Assert.Equal(["subStart", "check", "subEnd"], sub.Inner.Nodes.Select(n => n.Id));
        Assert.Same(sub.Inner, process.FindNode("check")!.Scope);
        Assert.Equal(["p", "sub"], process.Scopes().Select(s => s.Id));
        Assert.Equal(6, process.NodesById.Count);
        Assert.Equal(["f1", "f2", "s1", "s2"], process.FlowsById.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Call_activity_reads_version_and_variable_mappings()
    {
        var document = Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
                <callActivity id="call" calledElement="supervisory_inspection" ah:version="3">
                  <extensionElements>
                    <ah:in source="${deviceCode}" target="deviceCode" />
                    <ah:out source="${reportNo}" target="inspectionReport" />
                  </extensionElements>
                </callActivity>
                <sequenceFlow id="f2" sourceRef="call" targetRef="end" />
                <endEvent id="end" />
            """));

        var call = Assert.IsType<CallActivity>(document.Processes[0].FindNode("call"));
        Assert.Equal("supervisory_inspection", call.CalledElement);
        Assert.Equal("3", call.Version);
        Assert.Equal([new VariableMapping("${deviceCode}", "deviceCode")], call.InMappings);
        Assert.Equal([new VariableMapping("${reportNo}", "inspectionReport")], call.OutMappings);
    }

    [Theory]
    [InlineData("bpmn")]
    [InlineData("bpmn2")]
    [InlineData("semantic")]
    public void Prefixed_files_read_like_default_namespace_files(string prefix)
    {
        var xml = $"""
            <{prefix}:definitions xmlns:{prefix}="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
              <{prefix}:process id="p" isExecutable="true" camunda:historyTimeToLive="180">
                <{prefix}:startEvent id="start" />
                <{prefix}:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                <{prefix}:endEvent id="end" />
              </{prefix}:process>
            </{prefix}:definitions>
            """;

        var document = Read(xml);

        Assert.Equal(ModelFingerprint.Semantic(Read(Bpmn.Process("""
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                <endEvent id="end" />
            """))), ModelFingerprint.Semantic(document));
        Assert.Contains($"<{prefix}:process", BpmnWriter.Write(document), StringComparison.Ordinal);
        Assert.Contains("camunda:historyTimeToLive=\"180\"", BpmnWriter.Write(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_are_line_and_column_of_the_element()
    {
        var document = Read(Bpmn.Straight);

        var review = document.Processes[0].FindNode("review")!;
        var lines = Bpmn.Straight.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("<userTask", StringComparison.Ordinal));
        Assert.Equal(line + 1, review.Source.Line);
        Assert.Equal(lines[line].IndexOf("<userTask", StringComparison.Ordinal) + 2, review.Source.Column);
        Assert.Equal(review.Source.Column + "userTask ".Length, review.Source.AttributeNode("id")!.Column);
    }
}
