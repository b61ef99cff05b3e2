using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Runtime.Jobs;
using Quartz;

namespace ApprovalHub.Host.Engine.Scheduling;

/// <summary>
/// Quartz fires this on every node (each node has a trigger of its own): drain the engine's due
/// jobs under this node's name. The engine's job table holds every timer; Quartz holds only this
/// heartbeat, so losing Quartz state loses nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class EngineJobsQuartzJob(JobPump pump, ILogger<EngineJobsQuartzJob> logger) : IJob
{
    // A run stops draining after this, so the next trigger (and a shutdown) is never kept waiting long.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await pump.DrainAsync(Budget, cancellationToken);
            if (result.Failed > 0)
            {
                logger.JobsFailed(result.Failed, result.Claimed, pump.NodeId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: claimed jobs are released when their locks expire.
        }
        catch (Exception ex)
        {
            // The database may be away for a moment; the jobs wait in their table until it is back.
            logger.JobPollFailed(ex);
        }
    }
}
