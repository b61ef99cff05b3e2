namespace ApprovalHub.Workflows.Persistence;

/// <summary>One stored version, without its XML.</summary>
/// <param name="Id">Primary key.</param>
/// <param name="ProcessKey">The BPMN process id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Name">The process name.</param>
/// <param name="ContentHash">SHA-256 of the normalized XML.</param>
/// <param name="SourceFile">The file it was deployed from, if any.</param>
/// <param name="Status">Draft or published.</param>
/// <param name="DeployedAt">When it was stored (UTC).</param>
/// <param name="DeployedBy">Who stored it.</param>
public sealed record ProcessDefinitionVersion(
    Guid Id,
    string ProcessKey,
    int Version,
    string? Name,
    string ContentHash,
    string? SourceFile,
    ProcessDefinitionStatus Status,
    DateTimeOffset DeployedAt,
    string DeployedBy);
