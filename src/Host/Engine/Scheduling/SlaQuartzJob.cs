using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Sla;
using Quartz;

namespace ApprovalHub.Host.Engine.Scheduling;

/// <summary>
/// Once per cluster (one trigger, clustered store): open tasks turn yellow and red as their
/// thresholds pass, and the per-unit, per-region SLA statistics are recomputed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SlaQuartzJob(Func<WorkflowDbContext> createContext, TimeProvider time, ILogger<SlaQuartzJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = createContext();
            var now = time.GetUtcNow();
            var moved = await SlaMaintenance.RefreshStatesAsync(db, now, cancellationToken);
            var statistics = await SlaMaintenance.RecomputeStatisticsAsync(db, now, cancellationToken);
            logger.SlaRefreshed(moved, statistics.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.SlaRefreshFailed(ex);
        }
    }
}
