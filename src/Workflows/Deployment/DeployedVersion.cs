namespace ApprovalHub.Workflows.Deployment;

/// <summary>The outcome of a deployment for one executable process of the file.</summary>
/// <param name="ProcessKey">The BPMN process id.</param>
/// <param name="Name">The process name.</param>
/// <param name="Version">The version created, or the existing version that has the same content.</param>
/// <param name="Outcome">Created or unchanged.</param>
/// <param name="DefinitionId">The id of the stored version.</param>
public sealed record DeployedVersion(string ProcessKey, string? Name, int Version, DeploymentOutcome Outcome, Guid DefinitionId);
