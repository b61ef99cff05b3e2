using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Storage;

/// <summary>
/// Everything one command changes, committed by the store in one transaction: instance states
/// (checked against their row version), task rows, message subscriptions, inbox messages,
/// incidents and history. A command that fails leaves nothing behind.
/// </summary>
public sealed class ChangeSet
{
    /// <summary>Instances written by the command, with the revision each had when it was loaded (0 for new ones).</summary>
    public Dictionary<Guid, InstanceWrite> Instances { get; } = [];

    /// <summary>Task rows created by the command.</summary>
    public List<UserTaskRecord> NewTasks { get; } = [];

    /// <summary>Task rows that existed before and were changed (completed, canceled, reassigned).</summary>
    public Dictionary<Guid, UserTaskRecord> UpdatedTasks { get; } = [];

    /// <summary>Task rows canceled by the engine that were stored before this command, with when.</summary>
    public Dictionary<Guid, DateTimeOffset> CanceledTasks { get; } = [];

    /// <summary>Tasks whose escalation timer fired: their SLA state becomes escalated.</summary>
    public HashSet<Guid> EscalatedTasks { get; } = [];

    /// <summary>Jobs (timers) created.</summary>
    public List<JobRecord> NewJobs { get; } = [];

    /// <summary>Jobs that existed before and were changed (rescheduled cycles).</summary>
    public Dictionary<Guid, JobRecord> UpdatedJobs { get; } = [];

    /// <summary>Jobs removed: all those of a token of an instance.</summary>
    public HashSet<(Guid InstanceId, string TokenId)> DeletedJobTokens { get; } = [];

    /// <summary>Jobs removed by id (fired for the last time).</summary>
    public HashSet<Guid> DeletedJobs { get; } = [];

    /// <summary>Subscriptions created.</summary>
    public List<MessageSubscriptionRecord> NewSubscriptions { get; } = [];

    /// <summary>Subscriptions removed: all those of a token of an instance.</summary>
    public HashSet<(Guid InstanceId, string TokenId)> DeletedSubscriptionTokens { get; } = [];

    /// <summary>Messages put in the inbox.</summary>
    public List<InboxMessageRecord> NewInbox { get; } = [];

    /// <summary>Inbox messages delivered (removed).</summary>
    public HashSet<Guid> ConsumedInbox { get; } = [];

    /// <summary>Cases copied to people (抄送).</summary>
    public List<CarbonCopyRecord> NewCarbonCopies { get; } = [];

    /// <summary>Incidents raised.</summary>
    public List<IncidentRecord> NewIncidents { get; } = [];

    /// <summary>Incidents an operator retried (stored with their resolution).</summary>
    public List<IncidentRecord> ResolvedIncidents { get; } = [];

    /// <summary>
    /// The job this command runs, if any. The store removes its row only if the row still carries
    /// the same lock owner, else the commit is a conflict: two nodes never both commit one job.
    /// </summary>
    public JobFiring? Firing { get; set; }

    /// <summary>Process keys whose timer-start jobs are removed (a new version was published).</summary>
    public HashSet<string> DeletedStartJobKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>History entries, in order.</summary>
    public List<HistoryEvent> History { get; } = [];

    /// <summary>Adds or replaces the write of an instance.</summary>
    public void Write(InstanceState state, long loadedRevision) =>
        Instances[state.Id] = new InstanceWrite(state, loadedRevision);

    /// <summary>Removes the subscriptions of a token: pending ones now, stored ones at commit (before inserts).</summary>
    public void DeleteSubscriptions(Guid instanceId, string tokenId)
    {
        NewSubscriptions.RemoveAll(s => s.InstanceId == instanceId && s.TokenId == tokenId);
        DeletedSubscriptionTokens.Add((instanceId, tokenId));
    }

    /// <summary>Removes the jobs of a token: pending ones now, stored ones at commit (before inserts).</summary>
    public void DeleteJobs(Guid instanceId, string tokenId)
    {
        NewJobs.RemoveAll(j => j.InstanceId == instanceId && j.TokenId == tokenId);
        foreach (var updated in UpdatedJobs.Values.Where(j => j.InstanceId == instanceId && j.TokenId == tokenId).ToList())
        {
            UpdatedJobs.Remove(updated.Id);
        }

        DeletedJobTokens.Add((instanceId, tokenId));
    }

    /// <summary>A task created in this command, or null.</summary>
    public UserTaskRecord? FindNewTask(Guid taskId)
    {
        foreach (var task in NewTasks)
        {
            if (task.Id == taskId)
            {
                return task;
            }
        }

        return null;
    }
}

/// <summary>The job a command runs and the lock owner it was claimed by (null: not claimed, as on a virtual clock).</summary>
public sealed record JobFiring(Guid JobId, string? LockOwner);

/// <summary>An instance state to store, with the revision it must still have in the store.</summary>
/// <param name="State">The new state; its <see cref="InstanceState.Revision"/> is the one to write.</param>
/// <param name="ExpectedRevision">The stored revision it was loaded at; 0 for an insert.</param>
public sealed record InstanceWrite(InstanceState State, long ExpectedRevision);

/// <summary>Another command changed the same instance or task first; the command is retried from a fresh load.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException()
        : this("The instance was changed by another command.")
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
