using System.Collections.Concurrent;
using System.Threading.Channels;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Iot;
using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// Batches telemetry into the database (binary COPY on PostgreSQL) and acknowledges each message
/// after its batch committed; then applies the threshold rules. A node remembers the last verdict
/// per device and rule and only asks the database when it changes, so steady telemetry costs no
/// alarm queries; the database's unique index still decides between nodes.
/// </summary>
internal sealed class TelemetryPipeline(
    TelemetryStore store,
    AlarmLedger ledger,
    AlarmReactions reactions,
    DeviceDirectory devices,
    IotMetrics metrics,
    IOptions<IotOptions> options,
    TimeProvider time,
    ILogger<TelemetryPipeline> logger) : BackgroundService
{
    private readonly Channel<IngestedTelemetry> _queue = Channel.CreateBounded<IngestedTelemetry>(
        new BoundedChannelOptions(100_000) { SingleReader = true });

    private readonly ConcurrentDictionary<(string Code, string Type), bool> _verdicts = new();

    /// <summary>Queues a message (waits when the queue is full: back-pressure on the broker).</summary>
    public ValueTask EnqueueAsync(IngestedTelemetry message, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(message, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var batch = new List<IngestedTelemetry>(o.TelemetryBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Fill the batch until it is full or the oldest row has waited the flush interval.
                var deadline = time.GetUtcNow() + o.TelemetryFlushInterval;
                while (batch.Count < o.TelemetryBatchSize)
                {
                    if (_queue.Reader.TryRead(out var item))
                    {
                        batch.Add(item);
                        continue;
                    }

                    var left = deadline - time.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(left);
                    try
                    {
                        if (!await _queue.Reader.WaitToReadAsync(wait.Token))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }
                }

                await FlushAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FlushAsync(List<IngestedTelemetry> batch, CancellationToken stoppingToken)
    {
        var rows = new List<TelemetrySample>(batch.Count);
        var known = new List<(IngestedTelemetry Item, DeviceFacts Device)>(batch.Count);
        var facts = await WithRetryAsync(() => devices.FindManyAsync(batch.Select(b => b.EquipmentCode), stoppingToken).AsTask(), batch.Count, stoppingToken);
        foreach (var item in batch)
        {
            if (!facts.TryGetValue(item.EquipmentCode, out var device))
            {
                metrics.CountDropped(IotMetrics.Reasons.UnknownDevice);
                await item.AcknowledgeAsync(stoppingToken);
                continue;
            }

            known.Add((item, device));
        }

        // Unacknowledged, the rows stay the broker's; retry until the database is back.
        await WithRetryAsync(async () =>
        {
            var writtenAt = time.GetUtcNow();
            rows.Clear();
            rows.AddRange(known.Select(k => new TelemetrySample { EquipmentCode = k.Item.EquipmentCode, Ts = k.Item.Message.Ts, ReceivedAt = writtenAt, Data = k.Item.Json }));
            await store.WriteAsync(rows, stoppingToken);
            return true;
        }, known.Count, stoppingToken);

        // The whole batch is committed: its acknowledgements go out together.
        var now = time.GetUtcNow();
        await Task.WhenAll(known.Select(k => k.Item.AcknowledgeAsync(stoppingToken)));
        foreach (var (item, _) in known)
        {
            metrics.CountStored(1, "telemetry", (now - item.ReceivedAt).TotalMilliseconds);
        }

        foreach (var (item, device) in known)
        {
            await ApplyThresholdsAsync(item, device, stoppingToken);
        }
    }

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> work, int count, CancellationToken stoppingToken)
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
                logger.TelemetryWriteFailed(count, ex);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task ApplyThresholdsAsync(IngestedTelemetry item, DeviceFacts device, CancellationToken stoppingToken)
    {
        foreach (var rule in ledger.Rules.Thresholds(device.Category))
        {
            if (rule.Trigger is not ThresholdTrigger threshold || threshold.IsBeyond(item.Message) is not { } beyond)
            {
                continue;
            }

            var key = (device.EquipmentCode, rule.Type);
            if (_verdicts.TryGetValue(key, out var last) && last == beyond)
            {
                continue;
            }

            try
            {
                var change = await ledger.ObserveThresholdAsync(device, rule, beyond, item.Message.Ts, stoppingToken);
                _verdicts[key] = beyond;
                if (change is not null)
                {
                    await reactions.ApplyAsync([change], device, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.AlarmProcessingFailed(device.EquipmentCode, ex);
            }
        }
    }
}
