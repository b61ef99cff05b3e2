using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Engine;

/// <summary>How the host looks for due timers.</summary>
internal sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Fire due timers in this process. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due timers. Default one second.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Fires timers that have fallen due, one command per job, so SLA deadlines, reminders and
/// event-gateway races happen in the running platform. This is the single-node runner of the
/// embedded default: the job rows are the only copy of a timer, so nothing is lost when the
/// process stops. Claiming jobs with row locks across several nodes, retries with back-off and
/// incidents for jobs that keep failing are the next step (the timer issue).
/// </summary>
internal sealed class DueJobPoller(
    WorkflowEngine engine,
    IWorkflowStore store,
    TimeProvider time,
    IOptions<JobOptions> options,
    ILogger<DueJobPoller> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment; the jobs wait in their table until it is back.
                logger.JobPollFailed(ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Fires each job due now; a job that fails is logged and left for the next round.</summary>
    internal async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.FindDueJobsAsync(time.GetUtcNow(), BatchSize, cancellationToken);
        var fired = 0;
        foreach (var job in due)
        {
            try
            {
                await engine.FireJobAsync(job.Id, cancellationToken);
                fired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.JobFailed(job.Id, job.ElementId, job.InstanceId, ex);
            }
        }

        return fired;
    }
}
