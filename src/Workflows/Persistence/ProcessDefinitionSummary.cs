namespace ApprovalHub.Workflows.Persistence;

/// <summary>The latest version of one process key, with how many versions it has.</summary>
/// <param name="ProcessKey">The BPMN process id.</param>
/// <param name="Name">The name of the latest version.</param>
/// <param name="LatestVersion">The highest version number.</param>
/// <param name="Status">The status of the latest version.</param>
/// <param name="DeployedAt">When the latest version was stored (UTC).</param>
/// <param name="DeployedBy">Who stored the latest version.</param>
/// <param name="VersionCount">How many versions the key has.</param>
public sealed record ProcessDefinitionSummary(
    string ProcessKey,
    string? Name,
    int LatestVersion,
    ProcessDefinitionStatus Status,
    DateTimeOffset DeployedAt,
    string DeployedBy,
    int VersionCount);
