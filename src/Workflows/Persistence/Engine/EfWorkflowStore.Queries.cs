using ApprovalHub.Workflows.Persistence.Configurations;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Engine;

// IWorkflowQueries: what the viewer, the CLI and tests ask. Every list has a stable order.
public sealed partial class EfWorkflowStore
{
    /// <inheritdoc />
    public ValueTask<InstanceState?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        LoadInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InstanceState>> FindByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(businessKey);
        await using var db = _createContext();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.BusinessKey == businessKey)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(InstanceStateJson.ToState);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CarbonCopyRecord>> GetCarbonCopiesAsync(string userId, bool includeRead, CancellationToken cancellationToken, int max = 100)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var db = _createContext();
        var query = db.CarbonCopies.AsNoTracking().Where(c => c.UserId == userId);
        if (!includeRead)
        {
            query = query.Where(c => c.ReadAt == null);
        }

        return await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(max).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InstanceState>> FindByProcessAsync(string processKey, CancellationToken cancellationToken, int max = 1000)
    {
        ArgumentNullException.ThrowIfNull(processKey);
        await using var db = _createContext();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == processKey)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(InstanceStateJson.ToState);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InstanceState>> GetChildrenAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.ParentInstanceId == instanceId)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(InstanceStateJson.ToState);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<UserTaskRecord>> GetTasksAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IncidentRecord>> GetIncidentsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Incidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HistoryEvent>> GetHistoryAsync(
        IReadOnlyCollection<Guid> instanceIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        if (instanceIds.Count == 0)
        {
            return [];
        }

        var ids = instanceIds.ToList();
        await using var db = _createContext();
        return await db.History.AsNoTracking()
            .Where(h => ids.Contains(h.InstanceId))
            .OrderBy(h => EF.Property<long>(h, HistoryEventConfiguration.Sequence))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Jobs.AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MessageSubscriptionRecord>> GetSubscriptionsAsync(
        Guid instanceId,
        CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Subscriptions.AsNoTracking()
            .Where(s => s.InstanceId == instanceId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
    }
}
