namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>What happened, in the append-only history.</summary>
public enum HistoryEventType
{
    InstanceStarted,
    InstanceCompleted,
    InstanceTerminated,
    InstanceCanceled,
    NodeCompleted,
    NodeCanceled,
    TaskCreated,
    TaskCompleted,
    TaskCanceled,
    VariablesChanged,
    MessageCorrelated,
    ErrorThrown,
    IncidentRaised,
    IncidentResolved,
    ServiceTaskRetryScheduled,
    JobFired,
    TaskClaimed,
    TaskUnclaimed,
    TaskTransferred,
    TaskDelegated,
    TaskResolved,
    TaskUrged,
    TaskReturned,
    TaskWithdrawn,
    SignerAdded,
    SignerRemoved,
    CarbonCopied,

    /// <summary>The comment someone gave when completing a task (an official's opinion: "approve: 材料齐全"); recorded right after the completion.</summary>
    TaskCommented,

    /// <summary>An analyst moved the running instance to another version of its process.</summary>
    InstanceMigrated,
}

/// <summary>
/// One append-only history entry: who did what to which element, when. Feeds the audit trail,
/// the device timeline and the instance viewer.
/// </summary>
public sealed record HistoryEvent(
    Guid InstanceId,
    DateTimeOffset Timestamp,
    HistoryEventType Type,
    string? ElementId,
    string? UserId = null,
    string? Detail = null);
