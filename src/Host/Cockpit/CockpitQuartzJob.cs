using ApprovalHub.Supervision.Risk;
using Quartz;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// The nightly full recompute, once per cluster (one trigger on the clustered store): scores,
/// warnings and their cases, region figures and trends, in set-based SQL.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CockpitQuartzJob(IRiskRecalculator recalculator, ILogger<CockpitQuartzJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await recalculator.RecomputeAllAsync("nightly", cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Already recorded in ck_runs with its error; the figures stay those of the last good run.
            logger.NightlyFailed(ex);
        }
    }
}
