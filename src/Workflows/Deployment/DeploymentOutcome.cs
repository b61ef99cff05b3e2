namespace ApprovalHub.Workflows.Deployment;

/// <summary>What a deployment did for one process.</summary>
public enum DeploymentOutcome
{
    /// <summary>A new version was stored.</summary>
    Created,

    /// <summary>The latest published version has the same content; nothing was stored.</summary>
    Unchanged,
}
