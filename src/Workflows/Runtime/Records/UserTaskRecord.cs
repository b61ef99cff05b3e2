namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>The state of a user task row.</summary>
public enum UserTaskStatus
{
    /// <summary>Waiting for someone to complete it.</summary>
    Open,

    /// <summary>Completed by a person.</summary>
    Completed,

    /// <summary>Removed by the engine (boundary event, cancellation, multi-instance completion condition).</summary>
    Canceled,
}

/// <summary>Whether a task is delegated (委派): the delegate works it, the owner completes it.</summary>
public enum DelegationState
{
    /// <summary>Not delegated.</summary>
    None = 0,

    /// <summary>With the delegate; only the delegate's resolve brings it back.</summary>
    Pending = 1,

    /// <summary>The delegate resolved it; it is back with the owner.</summary>
    Resolved = 2,
}

/// <summary>
/// Where a user task stands against its deadline. Ordered: a state only moves up, and queues sort
/// by it.
/// </summary>
public enum SlaState
{
    /// <summary>No deadline, or more than the warning threshold left.</summary>
    Normal = 0,

    /// <summary>Yellow: inside the warning threshold (by default the last working day).</summary>
    Warning = 1,

    /// <summary>Red: past the deadline.</summary>
    Overdue = 2,

    /// <summary>An escalation timer (<c>ah:escalates="true"</c>) fired on the task: the superior level knows.</summary>
    Escalated = 3,
}

/// <summary>
/// A user task as a queryable row: the projection a work queue reads with one indexed query,
/// written in the same transaction as the instance state.
/// </summary>
public sealed class UserTaskRecord
{
    /// <summary>Longest <see cref="SubjectCode"/> stored; a longer value is not a code and is not copied.</summary>
    public const int SubjectCodeMaxLength = 64;

    /// <summary>Longest <see cref="SubjectName"/> stored; a longer name is cut.</summary>
    public const int SubjectNameMaxLength = 200;

    public required Guid Id { get; init; }

    public required Guid InstanceId { get; init; }

    public required Guid DefinitionId { get; init; }

    public required string ProcessKey { get; init; }

    public required int ProcessVersion { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>The token waiting at the task.</summary>
    public required string TokenId { get; init; }

    /// <summary>The BPMN element id (userTask id).</summary>
    public required string ElementId { get; init; }

    public string? Name { get; init; }

    public string? Assignee { get; set; }

    /// <summary>For a delegated task: the person it belongs to, who gets it back when the delegate resolves it.</summary>
    public string? Owner { get; set; }

    /// <summary>Whether the task is with a delegate.</summary>
    public DelegationState DelegationState { get; set; }

    /// <summary>How often the applicant or a superior urged it (催办).</summary>
    public int UrgeCount { get; set; }

    public IReadOnlyList<string> CandidateUsers { get; set; } = [];

    public IReadOnlyList<string> CandidateGroups { get; set; } = [];

    public string? FormKey { get; init; }

    public int Priority { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The SLA deadline, from ah:dueIn.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the task turns yellow: the warning threshold before <see cref="DueAt"/>.</summary>
    public DateTimeOffset? WarnAt { get; set; }

    /// <summary>Normal, yellow, red or escalated; refreshed by the SLA job and set by escalation timers.</summary>
    public SlaState SlaState { get; set; }

    /// <summary>The case's region (GB/T 2260), from the process variable <c>regionCode</c>: scopes queues and SLA statistics.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The applicant organisation, from the process variable <c>organisationId</c>.</summary>
    public long? OrganisationId { get; init; }

    /// <summary>
    /// What the case is about, for queue search: a device code, a licence number. Copied from the process
    /// variable named by <see cref="TaskProjection.SubjectCodeVariable"/> when the task is created.
    /// </summary>
    public string? SubjectCode { get; init; }

    /// <summary>Whom the case is for, for queue search: the applicant's name (<see cref="TaskProjection.SubjectNameVariable"/>).</summary>
    public string? SubjectName { get; init; }

    /// <summary>
    /// Organisations taking part in the case besides the applicant (the inspection body asked to act,
    /// the device's user unit), from the process variable named by <see cref="TaskProjection.PartiesVariable"/>:
    /// organisation-scoped work queues show the task to them.
    /// </summary>
    public IReadOnlyList<long> PartyOrganisationIds { get; init; } = [];

    /// <summary>For multi-instance tasks: which instance (loopCounter).</summary>
    public int? LoopCounter { get; init; }

    public UserTaskStatus Status { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>Row version for concurrent claims and completions.</summary>
    public long Revision { get; set; }

    public UserTaskRecord Clone() => (UserTaskRecord)MemberwiseClone();
}
