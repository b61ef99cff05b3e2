namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>What a job does when it falls due.</summary>
public enum JobKind
{
    /// <summary>A timer of a waiting token: catch event, boundary event, or an event-based gateway branch.</summary>
    Timer,
}

/// <summary>
/// A row in the engine's job table: a timer that fires at <see cref="DueAt"/>. Written in the same
/// transaction as the instance state, so a timer is never lost and never exists without its
/// instance; the scheduler only decides when to look at the table.
/// </summary>
public sealed class JobRecord
{
    public required Guid Id { get; init; }

    public required JobKind Kind { get; init; }

    public required Guid InstanceId { get; init; }

    /// <summary>The waiting token (for boundary timers: the token at the activity; for event gateways: the gateway's token).</summary>
    public required string TokenId { get; init; }

    /// <summary>The timer element: the catch event or boundary event.</summary>
    public required string ElementId { get; init; }

    public required DateTimeOffset DueAt { get; set; }

    /// <summary>For cycles: firings left after this one (null: unbounded).</summary>
    public int? RepeatsLeft { get; set; }

    /// <summary>For cycles: the interval text (<c>P1WD</c>) used to schedule the next firing.</summary>
    public string? Interval { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Retries left before an incident.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The node holding the job while it runs.</summary>
    public string? LockOwner { get; set; }

    public DateTimeOffset? LockExpiresAt { get; set; }

    public string? LastError { get; set; }

    public JobRecord Clone() => (JobRecord)MemberwiseClone();
}
