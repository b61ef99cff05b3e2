namespace ApprovalHub.Supervision.Iot;

/// <summary>
/// One telemetry message as stored: the device, its timestamp and the validated payload as JSON.
/// On PostgreSQL the table is partitioned by day on <see cref="Ts"/> (BRIN on time), written with
/// binary COPY; on SQLite it is a plain table.
/// </summary>
public sealed class TelemetrySample
{
    /// <summary>设备代码.</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>When the device measured it.</summary>
    public DateTimeOffset Ts { get; set; }

    /// <summary>When the host stored it (store latency = this minus the broker's receipt).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The message as JSON (schema version inside).</summary>
    public required string Data { get; set; }
}
