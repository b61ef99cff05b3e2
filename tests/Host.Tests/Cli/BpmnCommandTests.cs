using System.Diagnostics;
using System.Text.Json;
using ApprovalHub.Host.Cli;

namespace ApprovalHub.Host.Tests.Cli;

/// <summary>
/// <c>bpmn validate</c>: exit 0 without errors, 1 with errors whatever the input, 2 for a wrong
/// command line. Any other code would be a crash.
/// </summary>
public sealed class BpmnCommandTests : IDisposable
{
    private const string Valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d">
          <process id="use_registration" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="accept" />
            <userTask id="accept" name="受理" ah:candidateGroups="regulator" />
            <sequenceFlow id="f2" sourceRef="accept" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("ah-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BpmnCommand.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_valid_file_exits_0_and_says_ok()
    {
        var file = Write("ok.bpmn", Valid);

        var (exit, output, _) = await RunAsync("validate", file);

        Assert.Equal(BpmnCommand.Valid, exit);
        Assert.Contains("ok.bpmn: ok, 0 error(s), 0 warning(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_errors_exits_1_and_prints_compiler_style_lines()
    {
        var file = Write("bad.bpmn", Valid.Replace("targetRef=\"end\"", "targetRef=\"nowhere\"", StringComparison.Ordinal));

        var (exit, output, _) = await RunAsync("validate", file);

        Assert.Equal(BpmnCommand.Invalid, exit);
        Assert.Contains($"{file}:7:", output, StringComparison.Ordinal);
        Assert.Contains("error BPMN011", output, StringComparison.Ordinal);
        Assert.Contains("[f2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_file_among_good_ones_exits_1()
    {
        var good = Write("good.bpmn", Valid);
        var broken = Write("half.bpmn", Valid[..200]);

        var (exit, output, _) = await RunAsync("validate", good, broken);

        Assert.Equal(BpmnCommand.Invalid, exit);
        Assert.Contains("good.bpmn: ok", output, StringComparison.Ordinal);
        Assert.Contains("half.bpmn: FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_lists_files_and_diagnostics()
    {
        var good = Write("good.bpmn", Valid);
        var hostile = Write("dtd.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>");

        var (exit, output, _) = await RunAsync("validate", "--json", good, hostile);

        Assert.Equal(BpmnCommand.Invalid, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.True(files[0].GetProperty("valid").GetBoolean());
        Assert.Equal("use_registration", files[0].GetProperty("processes")[0].GetString());
        Assert.False(files[1].GetProperty("valid").GetBoolean());
        var diagnostic = files[1].GetProperty("diagnostics")[0];
        Assert.Equal("BPMN004", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public async Task A_missing_file_is_a_diagnostic_not_a_crash()
    {
        var (exit, output, _) = await RunAsync("validate", Path.Combine(_folder, "absent.bpmn"));

        Assert.Equal(BpmnCommand.Invalid, exit);
        Assert.Contains("BPMN001", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("validate")]
    [InlineData("validate", "--yaml", "x.bpmn")]
    [InlineData("compile", "x.bpmn")]
    public async Task A_wrong_command_line_exits_2_with_usage(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(BpmnCommand.Usage, exit);
        Assert.Contains("usage: bpmn validate", error, StringComparison.Ordinal);
    }

    /// <summary>The real executable, as analysts and CI call it, on hostile input.</summary>
    [Fact]
    public async Task The_host_executable_exits_1_on_hostile_files()
    {
        var garbage = Path.Combine(_folder, "garbage.bpmn");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 % 256))], TestContext.Current.CancellationToken);
        var deep = Write("deep.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                                      + string.Concat(Enumerable.Repeat("<a>", 50_000)) + "</definitions>");
        var host = Path.Combine(AppContext.BaseDirectory, "ApprovalHub.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { host, "bpmn", "validate", garbage, deep },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("BPMN001", output, StringComparison.Ordinal);
        Assert.Contains("BPMN005", output, StringComparison.Ordinal);
    }
}
