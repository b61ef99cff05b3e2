using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Sla;

/// <summary>
/// The SLA job's work: move open tasks to yellow and red as their thresholds pass, and recompute
/// the per-unit, per-region statistics. Set-based statements, so 100k open tasks cost two
/// indexed updates and one grouping, not a loop.
/// </summary>
public static class SlaMaintenance
{
    /// <summary>Moves open tasks up to Warning or Overdue; returns how many rows changed.</summary>
    public static async Task<int> RefreshStatesAsync(WorkflowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Tasks
            .Where(t => t.Status == UserTaskStatus.Open && t.DueAt != null && t.DueAt < now && t.SlaState < SlaState.Overdue)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaState, SlaState.Overdue), cancellationToken);
        var warning = await db.Tasks
            .Where(t => t.Status == UserTaskStatus.Open && t.WarnAt != null && t.WarnAt <= now && t.SlaState < SlaState.Warning)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaState, SlaState.Warning), cancellationToken);
        return overdue + warning;
    }

    /// <summary>Replaces the statistics snapshot in one transaction.</summary>
    public static async Task<IReadOnlyList<SlaStatisticRecord>> RecomputeStatisticsAsync(WorkflowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Tasks
            .Where(t => t.DueAt != null && t.Status != UserTaskStatus.Canceled)
            .GroupBy(t => new { t.ProcessKey, t.RegionCode })
            .Select(g => new
            {
                g.Key.ProcessKey,
                g.Key.RegionCode,
                OpenNormal = g.Count(t => t.Status == UserTaskStatus.Open && t.SlaState == SlaState.Normal),
                OpenWarning = g.Count(t => t.Status == UserTaskStatus.Open && t.SlaState == SlaState.Warning),
                OpenOverdue = g.Count(t => t.Status == UserTaskStatus.Open && t.SlaState == SlaState.Overdue),
                OpenEscalated = g.Count(t => t.Status == UserTaskStatus.Open && t.SlaState == SlaState.Escalated),
                Completed = g.Count(t => t.Status == UserTaskStatus.Completed),
                CompletedOnTime = g.Count(t => t.Status == UserTaskStatus.Completed && t.EndedAt <= t.DueAt),
            })
            .ToListAsync(cancellationToken);
        var snapshot = rows.ConvertAll(r => new SlaStatisticRecord
        {
            ProcessKey = r.ProcessKey,
            RegionCode = r.RegionCode ?? string.Empty,
            OpenNormal = r.OpenNormal,
            OpenWarning = r.OpenWarning,
            OpenOverdue = r.OpenOverdue,
            OpenEscalated = r.OpenEscalated,
            Completed = r.Completed,
            CompletedOnTime = r.CompletedOnTime,
            ComputedAt = now,
        });

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SlaStatistics.ExecuteDeleteAsync(ct);
            db.SlaStatistics.AddRange(snapshot);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return snapshot;
    }
}
