using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Workflows.Deployment;

/// <summary>
/// Reasons to refuse a file that parses cleanly but cannot be stored. They use the
/// <see cref="BpmnDiagnostic"/> shape so callers show them like parser diagnostics.
/// </summary>
public static class DeploymentDiagnostics
{
    /// <summary>The file has no process with <c>isExecutable="true"</c>: there is nothing to run.</summary>
    public const string NothingExecutable = "DEPLOY001";

    /// <summary>A process id is longer than the stored key allows.</summary>
    public const string KeyTooLong = "DEPLOY002";

    /// <summary>A draft saved under a key whose file has no process with that id.</summary>
    public const string DraftKeyMismatch = "DEPLOY003";

    internal static BpmnDiagnostic NoExecutableProcess() => new(
        NothingExecutable,
        DiagnosticSeverity.Error,
        "The file has no executable process, so there is nothing to deploy. Mark the process isExecutable=\"true\".",
        null,
        0,
        0);

    internal static BpmnDiagnostic ProcessKeyTooLong(string processId) => new(
        KeyTooLong,
        DiagnosticSeverity.Error,
        $"The process id is {processId.Length} characters long; at most {Persistence.ProcessDefinitionRecord.MaxKeyLength} are allowed. Use a shorter id.",
        processId[..Math.Min(processId.Length, 64)],
        0,
        0);
}
