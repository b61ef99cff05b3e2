using System.ComponentModel.DataAnnotations;

namespace ApprovalHub.Host.Iot;

/// <summary>Where devices connect and how the host ingests (<c>Iot:*</c>; docs/mqtt.md, "Configuration").</summary>
public sealed class IotOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Iot";

    /// <summary>Run ingestion (and the embedded broker) in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Embedded</c> (an MQTTnet broker in this process, the default) or <c>External</c> (Mosquitto, EMQX…).</summary>
    [Required]
    public string Broker { get; set; } = "Embedded";

    /// <summary>The broker's address: where the embedded broker listens, or the external broker.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The broker's port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>The host's MQTT user on an external broker (Mosquitto password file entry).</summary>
    public string? Username { get; set; }

    /// <summary>Its password.</summary>
    public string? Password { get; set; }

    /// <summary>The host's client id: stable per node so its persistent session survives restarts. Default: approvalhub-{machine}.</summary>
    public string? ClientId { get; set; }

    /// <summary>The shared-subscription group every node joins (<c>$share/{group}/…</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string SharedGroup { get; set; } = "approvalhub";

    /// <summary>How long the broker keeps the host's session (and queues QoS 1 messages for it) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Largest payload accepted; bigger ones are counted and dropped.</summary>
    [Range(64, 1_048_576)]
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>Messages the broker may send before the host acknowledges (MQTT 5 receive maximum).</summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 20_000;

    /// <summary>Telemetry rows per COPY (or SQLite transaction).</summary>
    [Range(1, 100_000)]
    public int TelemetryBatchSize { get; set; } = 5_000;

    /// <summary>Longest a telemetry row waits for its batch.</summary>
    public TimeSpan TelemetryFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Days of telemetry kept; older daily partitions are dropped.</summary>
    [Range(1, 3650)]
    public int TelemetryRetentionDays { get; set; } = 30;

    /// <summary>How far a message's ts may lie from the host's clock before it is dropped as malformed.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often pending alarms are confirmed and orphaned alarms get their case.</summary>
    public TimeSpan AlarmSweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True for the embedded broker.</summary>
    public bool IsEmbedded => string.Equals(Broker, "Embedded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client id in effect.</summary>
    public string EffectiveClientId => string.IsNullOrWhiteSpace(ClientId) ? $"approvalhub-{Environment.MachineName}" : ClientId;
}
