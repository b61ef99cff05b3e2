using System.Text.Json;
using ApprovalHub.Host.Cli;

namespace ApprovalHub.Host.Tests.Cli;

/// <summary><c>bpmn run</c>: one JSON line after the start and after each script step, then a final line.</summary>
public sealed class BpmnRunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ah-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shared(string name) =>
        Path.GetFullPath(Path.Combine(Support.RepositoryFiles.Root, "..", "shared", "bench", name));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, List<JsonElement> Lines, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BpmnCommand.RunAsync(["run", .. args], stdout, stderr, TestContext.Current.CancellationToken);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (exit, lines, stderr.ToString());
    }

    private static string[] Ids(JsonElement line, string name) => [.. line.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Straight_through_prints_the_start_line_and_the_final_line()
    {
        var (exit, lines, _) = await RunAsync(Shared("straight.bpmn"));

        Assert.Equal(0, exit);
        Assert.Equal(2, lines.Count);
        Assert.Equal(0, lines[0].GetProperty("step").GetInt32());
        Assert.Equal("completed", lines[0].GetProperty("status").GetString());
        Assert.Equal(["start", "s1", "s2", "s3", "end"], Ids(lines[1], "completed"));
        Assert.Equal(JsonValueKind.Object, lines[1].GetProperty("vars").ValueKind);
        Assert.Equal(["step", "status", "tasks", "waiting", "incidents"], lines[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Approval_script_completes_tasks_with_variables()
    {
        var script = Write("script.json", """[{"complete":"apply","vars":{"approved":true}},{"complete":"approve"}]""");

        var (exit, lines, _) = await RunAsync(Shared("approval.bpmn"), "--script", script);

        Assert.Equal(0, exit);
        Assert.Equal(4, lines.Count);
        Assert.Equal(["apply"], Ids(lines[0], "tasks"));
        Assert.Equal(["approve"], Ids(lines[1], "tasks"));
        Assert.Equal("completed", lines[2].GetProperty("status").GetString());
        Assert.Equal(["start", "apply", "decision", "approve", "end"], Ids(lines[3], "completed"));
        Assert.True(lines[3].GetProperty("vars").GetProperty("approved").GetBoolean());
    }

    private const string Waiting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d">
          <message id="m" name="检验报告" />
          <process id="p" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="report" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="sign" />
            <intermediateCatchEvent id="report" ah:correlationKey="${code}"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            <userTask id="sign">
              <multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
            </userTask>
            <userTask id="review" />
            <sequenceFlow id="f4" sourceRef="report" targetRef="review" />
            <boundaryEvent id="late" attachedToRef="review"><timerEventDefinition><timeDuration>P3WD</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f5" sourceRef="late" targetRef="escalated" />
            <endEvent id="escalated" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Messages_multi_instance_tasks_and_timers_show_in_the_lines()
    {
        var file = Write("wait.bpmn", Waiting);
        var script = Write("script.json", """
            [{"message":"检验报告","key":"D1","vars":{"result":"合格"}},
             {"complete":"sign"},
             {"advance":"P3WD"}]
            """);

        var (exit, lines, _) = await RunAsync(file, "--vars", """{"code":"D1"}""", "--script", script);

        Assert.Equal(0, exit);
        Assert.Equal(["sign", "sign"], Ids(lines[0], "tasks"));
        Assert.Equal(["report"], Ids(lines[0], "waiting"));
        Assert.Equal(["review", "sign", "sign"], Ids(lines[1], "tasks"));
        Assert.Empty(Ids(lines[1], "waiting"));
        Assert.Equal(["review", "sign"], Ids(lines[2], "tasks"));
        Assert.Equal(["sign"], Ids(lines[3], "tasks"));
        Assert.Equal("合格", lines[4].GetProperty("vars").GetProperty("result").GetString());
        Assert.Contains("late", Ids(lines[4], "completed"));
    }

    [Fact]
    public async Task Cancel_step_terminates_and_incidents_are_reported()
    {
        var broken = Write("broken.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <process id="p" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
                <parallelGateway id="fork" />
                <sequenceFlow id="f2" sourceRef="fork" targetRef="gw" />
                <sequenceFlow id="f3" sourceRef="fork" targetRef="task" />
                <userTask id="task" />
                <exclusiveGateway id="gw" />
                <sequenceFlow id="a" sourceRef="gw" targetRef="task2"><conditionExpression>${x == 1}</conditionExpression></sequenceFlow>
                <sequenceFlow id="b" sourceRef="gw" targetRef="task2"><conditionExpression>${x == 2}</conditionExpression></sequenceFlow>
                <userTask id="task2" />
              </process>
            </definitions>
            """);
        var script = Write("script.json", """[{"cancel":true}]""");

        var (exit, lines, err) = await RunAsync(broken, "--vars", """{"x":3}""", "--script", script);

        Assert.Equal(0, exit);
        Assert.Equal("incident", lines[0].GetProperty("status").GetString());
        Assert.Equal(["gw"], Ids(lines[0], "incidents"));
        Assert.Equal("terminated", lines[1].GetProperty("status").GetString());
        Assert.Empty(Ids(lines[1], "tasks"));
        Assert.Contains("incident at gw", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_cannot_apply_exits_1_and_says_why()
    {
        var script = Write("script.json", """[{"complete":"approve"}]""");

        var (exit, lines, err) = await RunAsync(Shared("approval.bpmn"), "--script", script);

        Assert.Equal(1, exit);
        Assert.Single(lines);
        Assert.Contains("no open task 'approve'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_errors_is_not_run()
    {
        var bad = Write("bad.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" isExecutable=\"true\"/></definitions>");

        var (exit, lines, err) = await RunAsync(bad);

        Assert.Equal(1, exit);
        Assert.Empty(lines);
        Assert.Contains("BPMN020", err, StringComparison.Ordinal);
    }
}
