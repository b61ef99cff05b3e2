using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Conformance;

/// <summary>
/// The BPMN MIWG reference models and their bpmn.io exports (../shared/conformance/miwg): every file
/// must parse, fully or with precise diagnostics, and survive a round trip with nothing lost.
/// The results table is in docs/conformance.md.
/// </summary>
public class MiwgConformanceTests
{
    /// <summary>Codes that mean the file itself is broken; a reference model must never get one.</summary>
    private static readonly HashSet<string> StructuralCodes =
    [
        DiagnosticCodes.MalformedXml, DiagnosticCodes.NotBpmn, DiagnosticCodes.FileTooLarge, DiagnosticCodes.DtdProhibited,
        DiagnosticCodes.NestingTooDeep, DiagnosticCodes.DuplicateId, DiagnosticCodes.DanglingReference, DiagnosticCodes.MissingId,
        DiagnosticCodes.NoProcess, DiagnosticCodes.WrongReferenceKind, DiagnosticCodes.FlowCrossesScope, DiagnosticCodes.IllegalFlowDirection,
    ];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Miwg, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Miwg, file));
        }

        return data;
    }

    [Fact]
    public void The_suite_has_all_64_files()
    {
        Assert.Equal(64, Files().Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reference_model_parses_without_structural_errors(string file)
    {
        var result = BpmnParser.ParseFile(Path.Combine(RepositoryPaths.Miwg, file));

        Assert.NotNull(result.Document);
        Assert.NotEmpty(result.Document.Processes);
        var structural = result.Diagnostics.Where(d => StructuralCodes.Contains(d.Code)).Select(d => d.ToString()).ToList();
        Assert.Empty(structural);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.True(d.Line > 0 && d.Column > 0, $"{d} has no position");
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Unsupported_elements_are_named_precisely(string file)
    {
        var result = BpmnParser.ParseFile(Path.Combine(RepositoryPaths.Miwg, file));

        foreach (var unsupported in result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unsupported))
        {
            Assert.NotNull(unsupported.ElementId);
            Assert.Contains("nsupported", unsupported.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Round_trip_keeps_every_element_attribute_extension_and_shape(string file)
    {
        var original = BpmnParser.ParseFile(Path.Combine(RepositoryPaths.Miwg, file));
        Assert.NotNull(original.Document);

        var written = BpmnWriter.Write(original.Document);
        var reread = BpmnParser.Parse(written);

        Assert.NotNull(reread.Document);
        Assert.Equal(ModelFingerprint.Tree(original.Document.Root), ModelFingerprint.Tree(reread.Document.Root));
        Assert.Equal(ModelFingerprint.Semantic(original.Document), ModelFingerprint.Semantic(reread.Document));
        Assert.Equal(original.Document.DiagramElementCount, reread.Document.DiagramElementCount);
        Assert.Equal(
            original.Diagnostics.Select(d => (d.Code, d.ElementId)),
            reread.Diagnostics.Select(d => (d.Code, d.ElementId)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Writing_twice_gives_identical_bytes(string file)
    {
        var original = BpmnParser.ParseFile(Path.Combine(RepositoryPaths.Miwg, file));
        var once = BpmnWriter.Write(original.Document!);
        var twice = BpmnWriter.Write(BpmnParser.Parse(once).Document!);

        Assert.Equal(once, twice);
    }
}
