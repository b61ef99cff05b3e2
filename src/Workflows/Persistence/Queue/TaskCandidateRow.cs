namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>Whether a <see cref="TaskCandidateRow"/> names a user or a group.</summary>
public enum CandidateKind
{
    /// <summary>A candidate user (by the id the engine was given: the user name).</summary>
    User = 0,

    /// <summary>A candidate group (<c>regulator.county</c>, <c>inspector</c>).</summary>
    Group = 1,
}

/// <summary>
/// One candidate of an open, unassigned task, as a row (<c>wf_task_candidates</c>): the work queue
/// asks "tasks a user or one of their groups may claim" of one narrow index instead of reading the
/// JSON candidate lists of every task. The rows of a task are written when it opens and rewritten
/// whenever it changes: a claimed task has none (it is its assignee's), an unclaimed one gets them
/// back, a closed one loses them, so the table holds exactly the claimable tasks.
/// </summary>
/// <remarks>
/// The task's region, process, deadline and creation time are copied here (they never change), so
/// the default queue — count, deadline order, a page — is answered from this table's index alone;
/// filters on columns that change (SLA state) or that only the task has (keyword) join the task.
/// </remarks>
/// <remarks>
/// A task that names no candidate at all is open to everyone in scope (<see cref="Runtime.TaskCandidates"/>);
/// it gets one group row <see cref="Anyone"/>, so the same join finds it.
/// </remarks>
public sealed class TaskCandidateRow
{
    /// <summary>The group value that stands for "no candidate named: anyone in scope".</summary>
    public const string Anyone = "*";

    /// <summary>Longest user or group id stored.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Longest region code (GB/T 2260 street codes have 12 digits).</summary>
    public const int MaxRegionLength = 12;

    public required Guid TaskId { get; init; }

    public required CandidateKind Kind { get; init; }

    public required string Value { get; init; }

    /// <summary>The task's region (<see cref="Runtime.Records.UserTaskRecord.RegionCode"/>): regulators' scope, as a prefix range.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The task's process key: the unit and step filters.</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The task's deadline: the default order.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the task opened: the other order.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
