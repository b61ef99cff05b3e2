using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// What <see cref="BpmnParser"/> made of a file: the model, when the XML could be read at all,
/// and every diagnostic. A file with errors still yields a model when its XML is well formed,
/// so the designer can show it with its problems marked.
/// </summary>
public sealed class BpmnParseResult
{
    internal BpmnParseResult(BpmnDocument? document, IReadOnlyList<BpmnDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The model, or null when the file is not well-formed BPMN XML.</summary>
    public BpmnDocument? Document { get; }

    /// <summary>All diagnostics, ordered by position in the file.</summary>
    public IReadOnlyList<BpmnDiagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error: the file cannot be deployed.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
