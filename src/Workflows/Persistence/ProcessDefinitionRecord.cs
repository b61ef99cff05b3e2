namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// One stored version of one BPMN process (<c>bpmn:process</c> with <c>isExecutable="true"</c>).
/// A version is immutable once stored: running instances stay on it, and a change is a new version.
/// </summary>
public sealed class ProcessDefinitionRecord
{
    /// <summary>Longest accepted process key (the BPMN process id).</summary>
    public const int MaxKeyLength = 255;

    /// <summary>Longest stored display name.</summary>
    public const int MaxNameLength = 500;

    /// <summary>Longest stored source file path.</summary>
    public const int MaxSourceFileLength = 1024;

    /// <summary>Longest stored "deployed by" value.</summary>
    public const int MaxDeployedByLength = 200;

    /// <summary>Primary key.</summary>
    public Guid Id { get; init; }

    /// <summary>The BPMN process id, e.g. <c>use_registration</c>: what instances are started by.</summary>
    public required string ProcessKey { get; init; }

    /// <summary>1, 2, 3, … per <see cref="ProcessKey"/>; unique together with it.</summary>
    public int Version { get; init; }

    /// <summary>The process name from the file, e.g. 使用登记.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of the normalized XML (<see cref="Deployment.DefinitionContent"/>):
    /// deploying the same content again does not create a version.
    /// </summary>
    public required string ContentHash { get; init; }

    /// <summary>The whole BPMN file, diagram included, so the designer can show this version.</summary>
    public required string Xml { get; init; }

    /// <summary>Where the XML came from (<c>units/use-registration.bpmn</c>), when it came from a file.</summary>
    public string? SourceFile { get; init; }

    /// <summary>When this version was stored (UTC).</summary>
    public DateTimeOffset DeployedAt { get; init; }

    /// <summary>Who stored it: a user name, or a system actor such as <c>demo</c>.</summary>
    public required string DeployedBy { get; init; }

    /// <summary>Draft or published.</summary>
    public ProcessDefinitionStatus Status { get; set; }

    /// <summary>
    /// Optimistic concurrency token, renewed by <see cref="WorkflowDbContext"/> on every update, so
    /// two operators changing the same version (e.g. its status) cannot overwrite each other.
    /// </summary>
    public Guid ConcurrencyStamp { get; set; }
}
