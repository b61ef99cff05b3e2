using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Parsing;

/// <summary>
/// One small bad file per diagnostic code (Samples/Diagnostics/BPMNnnn-*.bpmn). Each file says in a
/// comment what it must produce: <c>&lt;!-- expect: error BPMN010 8:15 review --&gt;</c> (severity,
/// code, line:column, element id), and optionally <c>&lt;!-- options: maxDepth=4 --&gt;</c>. The file
/// must produce exactly the expected codes: small files are precise, and nothing else fires.
/// </summary>
public partial class DiagnosticCodeTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Samples, "Diagnostics");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Every_diagnostic_code_has_a_sample()
    {
        var covered = Directory.EnumerateFiles(Folder, "*.bpmn")
            .SelectMany(f => ExpectLine().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();

        var missing = DiagnosticCodes.All.Except(covered).ToList();
        Assert.True(missing.Count == 0, "no sample for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_produces_exactly_its_expected_diagnostics(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var expectations = ExpectLine().Matches(text).ToList();
        Assert.NotEmpty(expectations);
        var options = ReadOptions(text);

        var result = BpmnParser.Parse(text, options);

        foreach (var expectation in expectations)
        {
            var code = expectation.Groups["code"].Value;
            var severity = Enum.Parse<DiagnosticSeverity>(expectation.Groups["severity"].Value, ignoreCase: true);
            var match = result.Diagnostics.Where(d => d.Code == code && d.Severity == severity).ToList();
            Assert.True(match.Count > 0, $"{file}: expected {severity} {code}; got:\n{string.Join('\n', result.Diagnostics)}");
            if (expectation.Groups["line"].Success)
            {
                var line = int.Parse(expectation.Groups["line"].Value, CultureInfo.InvariantCulture);
                var column = int.Parse(expectation.Groups["column"].Value, CultureInfo.InvariantCulture);
                Assert.Contains(match, d => d.Line == line && d.Column == column
                    && (!expectation.Groups["element"].Success || d.ElementId == expectation.Groups["element"].Value));
            }
        }

        Assert.All(result.Diagnostics, d => Assert.True(d.Line > 0 && d.Column > 0, $"{d} has no position"));
        var expectedCodes = expectations.Select(e => e.Groups["code"].Value).ToHashSet();
        var unexpected = result.Diagnostics.Where(d => !expectedCodes.Contains(d.Code)).ToList();
        Assert.True(unexpected.Count == 0, $"{file}: unexpected diagnostics:\n{string.Join('\n', unexpected)}");
    }

    private static BpmnParserOptions ReadOptions(string text)
    {
        var options = BpmnParserOptions.Default;
        foreach (Match option in OptionLine().Matches(text))
        {
            var value = int.Parse(option.Groups["value"].Value, CultureInfo.InvariantCulture);
            options = option.Groups["name"].Value switch
            {
                "maxChars" => options with { MaxCharacters = value },
                "maxDepth" => options with { MaxDepth = value },
                var other => throw new InvalidOperationException($"unknown sample option {other}"),
            };
        }

        return options;
    }

    [GeneratedRegex(@"<!-- expect: (?<severity>error|warning|info) (?<code>BPMN\d{3})(?: (?<line>\d+):(?<column>\d+))?(?: (?<element>\S+))? -->")]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"<!-- options: (?<name>\w+)=(?<value>\d+) -->")]
    private static partial Regex OptionLine();
}
