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
/// One candidate of an open task, as a row (<c>wf_task_candidates</c>): the work queue asks "open
/// tasks a user or one of their groups may claim" with an indexed join instead of reading the JSON
/// candidate lists of every task. Written with the task, removed when the task is completed or
/// canceled, so the table holds open tasks only.
/// </summary>
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

    public required Guid TaskId { get; init; }

    public required CandidateKind Kind { get; init; }

    public required string Value { get; init; }
}
