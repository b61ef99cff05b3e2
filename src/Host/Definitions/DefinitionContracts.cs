using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;

namespace ApprovalHub.Host.Definitions;

/// <summary>The latest version of a process key.</summary>
public sealed record DefinitionSummaryResponse(
    string Key,
    string? Name,
    int LatestVersion,
    ProcessDefinitionStatus Status,
    DateTimeOffset DeployedAt,
    string DeployedBy,
    int VersionCount)
{
    internal static DefinitionSummaryResponse From(ProcessDefinitionSummary summary) => new(
        summary.ProcessKey, summary.Name, summary.LatestVersion, summary.Status, summary.DeployedAt, summary.DeployedBy, summary.VersionCount);
}

/// <summary>One stored version of a process key.</summary>
public sealed record DefinitionVersionResponse(
    Guid Id,
    string Key,
    int Version,
    string? Name,
    string ContentHash,
    string? SourceFile,
    ProcessDefinitionStatus Status,
    DateTimeOffset DeployedAt,
    string DeployedBy)
{
    internal static DefinitionVersionResponse From(ProcessDefinitionVersion version) => new(
        version.Id, version.ProcessKey, version.Version, version.Name, version.ContentHash, version.SourceFile,
        version.Status, version.DeployedAt, version.DeployedBy);
}

/// <summary>A finding about a BPMN file, with where it is.</summary>
/// <param name="Code">Stable code, e.g. <c>BPMN001</c>.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Message">What is wrong, in plain words.</param>
/// <param name="ElementId">The element concerned, when there is one.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record DiagnosticResponse(string Code, DiagnosticSeverity Severity, string Message, string? ElementId, int Line, int Column)
{
    internal static DiagnosticResponse From(BpmnDiagnostic diagnostic) => new(
        diagnostic.Code, diagnostic.Severity, diagnostic.Message, diagnostic.ElementId, diagnostic.Line, diagnostic.Column);
}

/// <summary>The outcome of <c>POST /api/definitions/validate</c>.</summary>
/// <param name="Valid">True when the file has no errors and could be deployed.</param>
/// <param name="Diagnostics">Every diagnostic, ordered by position.</param>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<DiagnosticResponse> Diagnostics);

/// <summary>What a deployment did for one process.</summary>
public sealed record DeployedProcessResponse(string Key, string? Name, int Version, DeploymentOutcome Outcome)
{
    internal static DeployedProcessResponse From(DeployedVersion process) => new(process.ProcessKey, process.Name, process.Version, process.Outcome);
}

/// <summary>The outcome of <c>POST /api/definitions</c>.</summary>
/// <param name="Processes">One entry per executable process of the file.</param>
/// <param name="Diagnostics">Warnings and infos; a deployed file has no errors.</param>
public sealed record DeploymentResponse(IReadOnlyList<DeployedProcessResponse> Processes, IReadOnlyList<DiagnosticResponse> Diagnostics);
