namespace ApprovalHub.Workflows.Parsing;

/// <summary>How bad a <see cref="BpmnDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the definition still deploys and runs.</summary>
    Info,

    /// <summary>Probably a mistake, or something the engine will not execute in a non-executable process.</summary>
    Warning,

    /// <summary>The definition cannot be deployed until this is fixed.</summary>
    Error,
}

/// <summary>
/// One finding about a BPMN file, precise enough for a business analyst to act on: a stable code
/// (see docs/bpmn-diagnostics.md), the element it concerns and where it stands in the file.
/// </summary>
/// <param name="Code">Stable code such as <c>BPMN010</c>; tests and tooling match on it, never on the message.</param>
/// <param name="Severity">Whether deployment is blocked.</param>
/// <param name="Message">What is wrong and what to do, in plain words.</param>
/// <param name="ElementId">The id of the element concerned, when it has one.</param>
/// <param name="Line">1-based line in the file, 0 when unknown.</param>
/// <param name="Column">1-based column in the file, 0 when unknown.</param>
public sealed record BpmnDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? ElementId,
    int Line,
    int Column)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic the way compilers do: <c>file:line:col: error CODE: message [element]</c>.</summary>
    public string Format(string? source)
    {
        var where = source is null ? $"{Line}:{Column}" : $"{source}:{Line}:{Column}";
        var severity = Severity.ToString().ToLowerInvariant();
        var element = ElementId is null ? string.Empty : $" [{ElementId}]";
        return $"{where}: {severity} {Code}: {Message}{element}";
    }

    /// <inheritdoc />
    public override string ToString() => Format(null);
}
