using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// Feeds IoT alarm changes (raised, acknowledged, cleared) to the <see cref="RiskChangeQueue"/>:
/// every <see cref="CockpitOptions.IotAlarmPollInterval"/> it asks for the devices whose alarms
/// changed since the last look (with a little overlap: recomputing a device twice is harmless), so
/// "alarms today" and the entrapment factor follow the sensors within the interval.
/// </summary>
internal sealed class IotAlarmFeed(
    RiskChangeQueue queue,
    Func<CockpitDbContext> contexts,
    TimeProvider time,
    IOptions<CockpitOptions> options,
    ILogger<IotAlarmFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IotAlarmPollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var since = time.GetUtcNow();
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                await using var db = contexts();
                var devices = await IotAlarmChanges.DevicesSinceAsync(db, since - TimeSpan.FromSeconds(5), stoppingToken);
                queue.Enqueue(devices.Select(id => new RiskChange(DeviceId: id)));
                since = now;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment; the next tick looks again from the same point.
                logger.IotAlarmPollFailed(ex);
            }
        }
    }
}
