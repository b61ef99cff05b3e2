using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Workflows.Deployment;

/// <summary>
/// What <see cref="DefinitionDeployer"/> did with a file: either every executable process is
/// stored (or found unchanged), or nothing is, and the diagnostics say why.
/// </summary>
public sealed class DeploymentResult
{
    private DeploymentResult(IReadOnlyList<BpmnDiagnostic> diagnostics, IReadOnlyList<DeployedVersion> processes, int conflictRetries)
    {
        Diagnostics = diagnostics;
        Processes = processes;
        ConflictRetries = conflictRetries;
    }

    /// <summary>True when the file was accepted; false when it has errors and nothing was stored.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>Every diagnostic of the file: errors when rejected, otherwise warnings and infos worth showing.</summary>
    public IReadOnlyList<BpmnDiagnostic> Diagnostics { get; }

    /// <summary>One entry per executable process, in file order; empty when rejected.</summary>
    public IReadOnlyList<DeployedVersion> Processes { get; }

    /// <summary>How many times the deployment lost a race for a version number and started over.</summary>
    public int ConflictRetries { get; }

    /// <summary>True when at least one process got a new version.</summary>
    public bool CreatedAny => Processes.Any(p => p.Outcome == DeploymentOutcome.Created);

    internal static DeploymentResult Rejected(IReadOnlyList<BpmnDiagnostic> diagnostics) => new(diagnostics, [], 0);

    internal static DeploymentResult Deployed(IReadOnlyList<BpmnDiagnostic> diagnostics, IReadOnlyList<DeployedVersion> processes, int conflictRetries) =>
        new(diagnostics, processes, conflictRetries);
}
