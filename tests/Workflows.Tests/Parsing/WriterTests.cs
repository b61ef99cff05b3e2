using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Parsing;

public class WriterTests
{
    [Fact]
    public void Written_file_is_the_input_byte_for_byte_apart_from_the_declaration()
    {
        // Layout between elements is kept; only spacing inside a start tag is normalised by XML writers.
        const string body = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d">
              <bpmn:process id="p" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <bpmn:userTask id="review" name="审核" ah:candidateGroups="regulator">
                  <bpmn:documentation>县级监管部门审核</bpmn:documentation>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var result = BpmnParser.Parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);

        var written = BpmnWriter.Write(result.Document!);

        Assert.Equal(body, written[written.IndexOf("<bpmn:definitions", StringComparison.Ordinal)..].TrimEnd());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdata_comments_unknown_extensions_and_escapes_survive()
    {
        var xml = Bpmn.Process("""
                <!-- 审批人为县级监管 -->
                <startEvent id="start"><extensionElements><vendor:meta xmlns:vendor="urn:vendor" level="3">a &amp; b</vendor:meta></extensionElements></startEvent>
                <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
                <exclusiveGateway id="gw" default="no" />
                <sequenceFlow id="yes" name="通过 &lt;A&gt;" sourceRef="gw" targetRef="end"><conditionExpression><![CDATA[${a < b && c}]]></conditionExpression></sequenceFlow>
                <sequenceFlow id="no" sourceRef="gw" targetRef="end" />
                <endEvent id="end" />
            """);

        var written = BpmnWriter.Write(BpmnParser.Parse(xml).Document!);

        Assert.Contains("<!-- 审批人为县级监管 -->", written, StringComparison.Ordinal);
        Assert.Contains("<![CDATA[${a < b && c}]]>", written, StringComparison.Ordinal);
        Assert.Contains("<vendor:meta xmlns:vendor=\"urn:vendor\" level=\"3\">a &amp; b</vendor:meta>", written, StringComparison.Ordinal);
        Assert.Contains("name=\"通过 &lt;A&gt;\"", written, StringComparison.Ordinal);
        Assert.Equal("通过 <A>", BpmnParser.Parse(written).Document!.Processes[0].FlowsById["yes"].Name);
    }

    [Fact]
    public void Attribute_with_newline_round_trips()
    {
        var xml = Bpmn.Process("""
                <startEvent id="start" name="第一行&#10;第二行" />
            """, executable: false);

        var reread = BpmnParser.Parse(BpmnWriter.Write(BpmnParser.Parse(xml).Document!));

        Assert.Equal("第一行\n第二行", reread.Document!.Processes[0].FindNode("start")!.Name);
    }
}
