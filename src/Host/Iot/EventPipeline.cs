using System.Threading.Channels;
using ApprovalHub.Supervision.Alarms;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// Stores fault and event messages, then acknowledges them: the event row and the alarm it raises
/// are committed before the broker hears back (QoS 1), so a broker or host crash loses none.
/// Messages are split over a few workers by device, keeping each device's events in order.
/// </summary>
internal sealed class EventPipeline(
    AlarmLedger ledger,
    AlarmReactions reactions,
    DeviceDirectory devices,
    IotMetrics metrics,
    TimeProvider time,
    ILogger<EventPipeline> logger) : BackgroundService
{
    private const int Workers = 4;

    private readonly Channel<IngestedEvent>[] _lanes = [.. Enumerable.Range(0, Workers).Select(_ => Channel.CreateBounded<IngestedEvent>(10_000))];

    /// <summary>Queues a message for its device's lane (waits when the lane is full: back-pressure on the broker).</summary>
    public ValueTask EnqueueAsync(IngestedEvent message, CancellationToken cancellationToken) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(message.EquipmentCode) % Workers)].Writer.WriteAsync(message, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunAsync(lane.Reader, stoppingToken)));

    private async Task RunAsync(ChannelReader<IngestedEvent> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ProcessAsync(message, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A lane never stops: the message stays unacknowledged and comes back.
                    logger.AlarmProcessingFailed(message.EquipmentCode, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(IngestedEvent message, CancellationToken stoppingToken)
    {
        var device = await Retry(() => devices.FindAsync(message.EquipmentCode, stoppingToken).AsTask(), message, stoppingToken);
        if (device is null)
        {
            metrics.CountDropped(IotMetrics.Reasons.UnknownDevice);
            logger.MessageDropped(message.EquipmentCode, IotMetrics.Reasons.UnknownDevice, message.Message.Code);
            await message.AcknowledgeAsync(stoppingToken);
            return;
        }

        var outcome = await Retry(() => ledger.RecordEventAsync(device, message.Message, time.GetUtcNow(), stoppingToken), message, stoppingToken);
        await message.AcknowledgeAsync(stoppingToken);
        if (outcome.Duplicate)
        {
            metrics.CountDropped(IotMetrics.Reasons.Duplicate);
            return;
        }

        metrics.CountStored(1, "event", (time.GetUtcNow() - message.ReceivedAt).TotalMilliseconds);
        await reactions.ApplyAsync(outcome.Changes, device, stoppingToken);
    }

    // The database may be away for a while: keep the message (unacknowledged) and try again, so the
    // broker's queue, not a lost event, absorbs the outage.
    private async Task<T> Retry<T>(Func<Task<T>> work, IngestedEvent message, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.EventWriteFailed(message.EquipmentCode, message.Message.Id ?? "?", ex);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
