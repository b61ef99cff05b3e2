using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>The searchable columns of an instance (<c>wf_instances</c> without its state document), for case lists.</summary>
public sealed record InstanceListRow
{
    public required Guid Id { get; init; }

    public required string ProcessKey { get; init; }

    public required int Version { get; init; }

    public string? BusinessKey { get; init; }

    public required InstanceStatus Status { get; init; }

    public Guid? ParentInstanceId { get; init; }

    public string? StartedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}

/// <summary>Composable instance lists that never read the state documents.</summary>
public static class InstanceLists
{
    /// <summary>Every instance as an <see cref="InstanceListRow"/>; filter and page it in the database (an initializer projection, so later filters translate).</summary>
    public static IQueryable<InstanceListRow> InstanceList(this WorkflowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Instances.Select(i => new InstanceListRow
        {
            Id = i.Id,
            ProcessKey = i.ProcessKey,
            Version = i.Version,
            BusinessKey = i.BusinessKey,
            Status = i.Status,
            ParentInstanceId = i.ParentInstanceId,
            StartedBy = i.StartedBy,
            StartedAt = i.StartedAt,
            EndedAt = i.EndedAt,
        });
    }
}
