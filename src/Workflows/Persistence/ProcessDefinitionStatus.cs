namespace ApprovalHub.Workflows.Persistence;

/// <summary>Where a stored definition version stands in its life.</summary>
public enum ProcessDefinitionStatus
{
    /// <summary>Saved from the designer but not yet published: no process can start on it.</summary>
    Draft,

    /// <summary>Published: new instances start on the latest published version of a key.</summary>
    Published,
}
