using ApprovalHub.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>What the analysts' instance search filters on; every part is optional.</summary>
/// <param name="ProcessKey">Exactly this process key.</param>
/// <param name="Version">Exactly this version (with a key).</param>
/// <param name="Status">Running, completed, terminated or canceled.</param>
/// <param name="BusinessKey">Business keys starting with this text (application numbers are typed from the front).</param>
public sealed record InstanceFilter(string? ProcessKey = null, int? Version = null, InstanceStatus? Status = null, string? BusinessKey = null);

/// <summary>An instance as a row of a list: the indexed columns, not its state document.</summary>
public sealed record InstanceListItem(
    Guid Id,
    string ProcessKey,
    int Version,
    string? BusinessKey,
    InstanceStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? ParentInstanceId);

/// <summary>How many instances a version has: running ones and all.</summary>
public sealed record VersionInstanceCount(string ProcessKey, int Version, int Running, int Total);

/// <summary>
/// The read side of instances for the analysts' pages and the admin API. Queries read the indexed
/// columns of <c>wf_instances</c>, never the state document, so a page of results stays cheap.
/// </summary>
public static class InstanceSearch
{
    /// <summary>One page of instances matching <paramref name="filter"/>, newest first, and how many match in all.</summary>
    public static async Task<(IReadOnlyList<InstanceListItem> Items, int Total)> SearchInstancesAsync(
        this WorkflowDbContext db,
        InstanceFilter filter,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var query = db.Instances.AsNoTracking();
        if (filter.ProcessKey is { Length: > 0 } key)
        {
            query = query.Where(i => i.ProcessKey == key);
        }

        if (filter.Version is { } version)
        {
            query = query.Where(i => i.Version == version);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.BusinessKey is { Length: > 0 } businessKey)
        {
            query = query.Where(i => i.BusinessKey != null && i.BusinessKey.StartsWith(businessKey));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Skip(skip).Take(take)
            .Select(i => new InstanceListItem(i.Id, i.ProcessKey, i.Version, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt, i.ParentInstanceId))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The list rows of the given instances (those that exist), in no particular order.</summary>
    public static async Task<IReadOnlyList<InstanceListItem>> FindInstancesAsync(
        this WorkflowDbContext db,
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Distinct().ToList();
        return list.Count == 0
            ? []
            : await db.Instances.AsNoTracking()
                .Where(i => list.Contains(i.Id))
                .Select(i => new InstanceListItem(i.Id, i.ProcessKey, i.Version, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt, i.ParentInstanceId))
                .ToListAsync(cancellationToken);
    }

    /// <summary>Instances per version (running and all) of one key, or of every key when <paramref name="processKey"/> is null.</summary>
    public static async Task<IReadOnlyList<VersionInstanceCount>> CountInstancesByVersionAsync(
        this WorkflowDbContext db,
        string? processKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Instances.AsNoTracking();
        if (processKey is not null)
        {
            query = query.Where(i => i.ProcessKey == processKey);
        }

        var counts = await query
            .GroupBy(i => new { i.ProcessKey, i.Version })
            .Select(g => new { g.Key.ProcessKey, g.Key.Version, Running = g.Count(i => i.Status == InstanceStatus.Active), Total = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ConvertAll(c => new VersionInstanceCount(c.ProcessKey, c.Version, c.Running, c.Total));
    }
}
