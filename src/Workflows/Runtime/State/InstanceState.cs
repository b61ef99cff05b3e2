namespace ApprovalHub.Workflows.Runtime.State;

/// <summary>
/// The complete execution state of one process instance: its scopes, tokens and variables. This is
/// what a command loads, changes and commits in one transaction with a row version.
/// </summary>
public sealed class InstanceState
{
    /// <summary>The instance id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The deployed definition (one version of one process key).</summary>
    public required Guid DefinitionId { get; init; }

    /// <summary>The process key (the BPMN process id).</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The version of the definition the instance runs on; it never changes.</summary>
    public required int Version { get; init; }

    /// <summary>The business key (an application number, a device code) people search by.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Lifecycle status.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>For a called instance: the caller.</summary>
    public Guid? ParentInstanceId { get; init; }

    /// <summary>For a called instance: the caller's token waiting at the call activity.</summary>
    public string? ParentTokenId { get; init; }

    /// <summary>Who started it (the start command's initiator): "cases I started" queues search by it. Null for timers, messages and called instances.</summary>
    public string? StartedBy { get; set; }

    /// <summary>When it started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended, if it has.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The row version; a commit succeeds only if nobody committed in between.</summary>
    public long Revision { get; set; }

    /// <summary>Open scopes; the process scope is first.</summary>
    public List<ScopeState> Scopes { get; init; } = [];

    /// <summary>Live tokens.</summary>
    public List<TokenState> Tokens { get; init; } = [];

    /// <summary>Counter for short ids of tokens and scopes.</summary>
    public int NextId { get; set; }

    /// <summary>True while the instance can still move.</summary>
    public bool IsActive => Status == InstanceStatus.Active;

    /// <summary>A new short id, unique within the instance.</summary>
    public string NewId(char prefix) => prefix + (NextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A deep copy of the structure; variable values are shared (they are immutable).</summary>
    public InstanceState Clone() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        ProcessKey = ProcessKey,
        Version = Version,
        BusinessKey = BusinessKey,
        Status = Status,
        ParentInstanceId = ParentInstanceId,
        ParentTokenId = ParentTokenId,
        StartedBy = StartedBy,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        Revision = Revision,
        Scopes = Scopes.ConvertAll(s => s.Clone()),
        Tokens = Tokens.ConvertAll(t => t.Clone()),
        NextId = NextId,
    };
}
