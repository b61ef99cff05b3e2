using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Storage;

/// <summary>Read-side questions about instances: what the viewer, the CLI and tests ask.</summary>
public interface IWorkflowQueries
{
    ValueTask<InstanceState?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Instances with a business key (an application number, a device code), oldest first.</summary>
    ValueTask<IReadOnlyList<InstanceState>> FindByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken);

    /// <summary>Cases copied to a user, newest first; unread ones only unless <paramref name="includeRead"/>.</summary>
    ValueTask<IReadOnlyList<CarbonCopyRecord>> GetCarbonCopiesAsync(string userId, bool includeRead, CancellationToken cancellationToken, int max = 100);

    /// <summary>Instances of a process key (every version), oldest first, at most <paramref name="max"/>.</summary>
    ValueTask<IReadOnlyList<InstanceState>> FindByProcessAsync(string processKey, CancellationToken cancellationToken, int max = 1000);

    /// <summary>Instances called directly by an instance.</summary>
    ValueTask<IReadOnlyList<InstanceState>> GetChildrenAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>All task rows of an instance, open and closed.</summary>
    ValueTask<IReadOnlyList<UserTaskRecord>> GetTasksAsync(Guid instanceId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<IncidentRecord>> GetIncidentsAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>History of the instances, in the order it was written.</summary>
    ValueTask<IReadOnlyList<HistoryEvent>> GetHistoryAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken);

    /// <summary>Pending jobs (timers) of an instance.</summary>
    ValueTask<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Message subscriptions of an instance.</summary>
    ValueTask<IReadOnlyList<MessageSubscriptionRecord>> GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken);
}
