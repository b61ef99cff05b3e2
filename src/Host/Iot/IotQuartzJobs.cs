using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace ApprovalHub.Host.Iot;

/// <summary>Cluster-wide, every <see cref="IotOptions.AlarmSweepInterval"/>: confirms pending alarms, opens missing cases.</summary>
[DisallowConcurrentExecution]
internal sealed class AlarmSweepQuartzJob(AlarmSweeper sweeper, ILogger<AlarmSweepQuartzJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await sweeper.RunOnceAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.SweepFailed(ex);
        }
    }
}

/// <summary>
/// Cluster-wide, hourly: creates the next days' telemetry partitions ahead of the writer and drops
/// those past <see cref="IotOptions.TelemetryRetentionDays"/>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TelemetryRetentionQuartzJob(TelemetryRetention retention, ILogger<TelemetryRetentionQuartzJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await retention.RunOnceAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.RetentionFailed(ex);
        }
    }
}

/// <summary>The retention work itself, callable without Quartz (tests, operators).</summary>
public sealed class TelemetryRetention(TelemetryStore store, IOptions<IotOptions> options, TimeProvider time, ILogger<TelemetryRetention> logger)
{
    /// <summary>Creates today's and the next two days' partitions and drops expired data; returns what was dropped.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await store.EnsurePartitionsAsync([today, today.AddDays(1), today.AddDays(2)], cancellationToken);
        var cutoff = now - TimeSpan.FromDays(options.Value.TelemetryRetentionDays);
        var dropped = await store.DropOlderThanAsync(cutoff, cancellationToken);
        logger.RetentionApplied(string.Join(", ", dropped), cutoff);
        return dropped;
    }
}
