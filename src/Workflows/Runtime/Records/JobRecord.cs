namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>What a job does when it falls due.</summary>
public enum JobKind
{
    /// <summary>A timer of a waiting token: catch event, boundary event, or an event-based gateway branch.</summary>
    Timer,

    /// <summary>
    /// A token that continues in a job of its own: an element marked <c>ah:async="true"</c>, or a
    /// service task whose handler failed and is retried after a back-off.
    /// </summary>
    Continuation,

    /// <summary>A timer start event of a published definition: starts a new instance (no instance yet).</summary>
    TimerStart,
}

/// <summary>
/// A row in the engine's job table: a timer, an asynchronous continuation or a timer start, due at
/// <see cref="DueAt"/>. Written in the same transaction as the instance state, so a job is never
/// lost and never exists without its instance; the scheduler only decides when to look at the
/// table. A node claims a due row by writing its name and a lock expiry; a node that dies leaves
/// the lock to expire, and another node picks the job up.
/// </summary>
public sealed class JobRecord
{
    public required Guid Id { get; init; }

    public required JobKind Kind { get; init; }

    /// <summary>The instance; null for a <see cref="JobKind.TimerStart"/>.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>The waiting token (for boundary timers: the token at the activity; for event gateways: the gateway's token); null for a timer start.</summary>
    public string? TokenId { get; init; }

    /// <summary>The element: the timer catch, boundary or start event, or the element a continuation executes.</summary>
    public required string ElementId { get; init; }

    /// <summary>For a timer start: the definition version to start.</summary>
    public Guid? DefinitionId { get; init; }

    /// <summary>For a timer start: the process key, so publishing a new version replaces the old version's timers.</summary>
    public string? ProcessKey { get; init; }

    /// <summary>For a continuation: which attempt this run is (1 for the first).</summary>
    public int Attempt { get; set; } = 1;

    public required DateTimeOffset DueAt { get; set; }

    /// <summary>For cycles: firings left after this one (null: unbounded).</summary>
    public int? RepeatsLeft { get; set; }

    /// <summary>For cycles: the interval text (<c>P1WD</c>) used to schedule the next firing.</summary>
    public string? Interval { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Runs left when the job itself fails (the database or the node, not a handler: handler
    /// failures are retried by the engine as continuations). At 0 the job stops and an incident
    /// names it; nothing deletes it.
    /// </summary>
    public int Retries { get; set; } = DefaultRetries;

    /// <summary>Runs a failing job gets before it raises an incident.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The node holding the job while it runs.</summary>
    public string? LockOwner { get; set; }

    public DateTimeOffset? LockExpiresAt { get; set; }

    public string? LastError { get; set; }

    public JobRecord Clone() => (JobRecord)MemberwiseClone();
}
