using System.Diagnostics.Metrics;
using ApprovalHub.Workflows;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// Ingestion counters on the ApprovalHub meter (exported with the rest over OTLP), with running
/// totals that tests and the startup log can read without a listener.
/// </summary>
public sealed class IotMetrics
{
    private static readonly Counter<long> Received = ApprovalHubTelemetry.Meter.CreateCounter<long>(
        "approvalhub.iot.messages_received", "{message}", "MQTT messages the host received from devices.");

    private static readonly Counter<long> Stored = ApprovalHubTelemetry.Meter.CreateCounter<long>(
        "approvalhub.iot.messages_stored", "{message}", "Device messages committed to the database.");

    private static readonly Counter<long> Dropped = ApprovalHubTelemetry.Meter.CreateCounter<long>(
        "approvalhub.iot.messages_dropped", "{message}", "Device messages dropped, by reason (malformed, oversized, unauthorised, unknown_device, duplicate).");

    private static readonly Counter<long> Alarms = ApprovalHubTelemetry.Meter.CreateCounter<long>(
        "approvalhub.iot.alarm_changes", "{change}", "Alarm changes by kind (raised, pending, repeated, activated, cleared, dismissed).");

    private static readonly Histogram<double> StoreLatency = ApprovalHubTelemetry.Meter.CreateHistogram<double>(
        "approvalhub.iot.store_latency", "ms", "From the host receiving a message to its commit.");

    private long _received;
    private long _stored;
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);

    /// <summary>Reasons a message is dropped.</summary>
    public static class Reasons
    {
        /// <summary>Not JSON of the schema, a bad topic, a bad value.</summary>
        public const string Malformed = "malformed";

        /// <summary>Bigger than Iot:MaxPayloadBytes.</summary>
        public const string Oversized = "oversized";

        /// <summary>A device publishing outside its own topics, or with bad credentials (embedded broker).</summary>
        public const string Unauthorised = "unauthorised";

        /// <summary>The code is not in the registry.</summary>
        public const string UnknownDevice = "unknown_device";

        /// <summary>An event stored before (a redelivery).</summary>
        public const string Duplicate = "duplicate";
    }

    /// <summary>Messages received.</summary>
    public long ReceivedTotal => Interlocked.Read(ref _received);

    /// <summary>Messages stored.</summary>
    public long StoredTotal => Interlocked.Read(ref _stored);

    /// <summary>Messages dropped for <paramref name="reason"/>.</summary>
    public long DroppedTotal(string reason)
    {
        lock (_dropped)
        {
            return _dropped.GetValueOrDefault(reason);
        }
    }

    internal void CountReceived()
    {
        Interlocked.Increment(ref _received);
        Received.Add(1);
    }

    internal void CountStored(int count, string kind, double latencyMs)
    {
        Interlocked.Add(ref _stored, count);
        Stored.Add(count, new KeyValuePair<string, object?>("kind", kind));
        StoreLatency.Record(latencyMs, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void CountDropped(string reason)
    {
        lock (_dropped)
        {
            _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;
        }

        Dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    internal static void CountAlarm(string kind) => Alarms.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
