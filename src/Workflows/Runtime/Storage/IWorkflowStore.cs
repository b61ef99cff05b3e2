using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Storage;

/// <summary>
/// Where instance state, task rows, subscriptions, inbox, incidents and history live: in memory,
/// SQLite or PostgreSQL. Loads return copies the command may change; <see cref="CommitAsync"/>
/// writes a <see cref="ChangeSet"/> atomically or throws <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>An instance's state, or null.</summary>
    ValueTask<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>A task row, or null.</summary>
    ValueTask<UserTaskRecord?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>Subscriptions of instances (not start events) matching a message name and key.</summary>
    ValueTask<IReadOnlyList<MessageSubscriptionRecord>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken);

    /// <summary>The oldest unexpired inbox message with this name and key, or null.</summary>
    ValueTask<InboxMessageRecord?> FindInboxMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A job row, or null.</summary>
    ValueTask<JobRecord?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Jobs due at or before <paramref name="now"/>, earliest first, locked or not (the virtual clock's view).</summary>
    ValueTask<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs for <paramref name="owner"/> until
    /// <paramref name="lockedUntil"/>, earliest first: jobs with runs left whose lock is free or
    /// expired, and never a job of an instance another claim holds. Concurrent claimers get
    /// disjoint sets (row locks with SKIP LOCKED on PostgreSQL, the single writer on SQLite).
    /// </summary>
    ValueTask<IReadOnlyList<JobRecord>> ClaimDueJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockedUntil, int max, CancellationToken cancellationToken);

    /// <summary>The task rows of an instance, oldest first.</summary>
    ValueTask<IReadOnlyList<UserTaskRecord>> LoadTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>An incident, or null.</summary>
    ValueTask<IncidentRecord?> LoadIncidentAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>Writes the changes in one transaction.</summary>
    ValueTask CommitAsync(ChangeSet changes, CancellationToken cancellationToken);
}
