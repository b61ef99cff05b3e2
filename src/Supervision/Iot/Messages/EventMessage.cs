using System.Text.Json.Serialization;

namespace ApprovalHub.Supervision.Iot.Messages;

/// <summary><c>ah/v1/devices/{设备代码}/events</c>, schema version 1 (docs/mqtt.md): one fault or event code.</summary>
public sealed record EventMessage
{
    /// <summary>Schema version; 1.</summary>
    [JsonPropertyName("v")]
    public int Version { get; init; }

    /// <summary>The device's id of this message (1–64 characters), the same on every redelivery.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("ts")]
    public DateTimeOffset Ts { get; init; }

    /// <summary>The fault or event code ("11" 困人, "40" 恢复自动运行, "B01" 超压 …).</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary><c>raised</c> (default) or <c>cleared</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Floor at the time, for lifts.</summary>
    [JsonPropertyName("floor")]
    public int? Floor { get; init; }

    /// <summary>Free text from the terminal, at most 200 characters.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}

/// <summary>Source-generated, strict JSON for the device messages.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TelemetryMessage))]
[JsonSerializable(typeof(EventMessage))]
public sealed partial class IotJsonContext : JsonSerializerContext;
