using ApprovalHub.Supervision.Codes;

namespace ApprovalHub.Supervision.Iot.Messages;

/// <summary>The topic tree (docs/mqtt.md): <c>ah/v1/devices/{设备代码}/telemetry</c> and <c>…/events</c>.</summary>
public static class IotTopics
{
    /// <summary>The prefix of every device topic.</summary>
    public const string DevicesPrefix = "ah/v1/devices/";

    /// <summary>The shared-subscription group of the host nodes.</summary>
    public const string SharedGroup = "approvalhub";

    /// <summary>The telemetry topic of a device.</summary>
    public static string Telemetry(string equipmentCode) => $"{DevicesPrefix}{equipmentCode}/telemetry";

    /// <summary>The events topic of a device.</summary>
    public static string Events(string equipmentCode) => $"{DevicesPrefix}{equipmentCode}/events";

    /// <summary>
    /// What every node subscribes to. Telemetry, the load, is shared by the group (each message to one
    /// node). Events, rare and safety-critical, go to every node's own persistent session: Mosquitto
    /// keeps a plain subscription's queue across its own restart but drops what it had queued for a
    /// shared one, and a stopped node's share would wait for that node. Every node stores each event;
    /// the (device, message id) key keeps one and the others see a duplicate.
    /// </summary>
    public static IReadOnlyList<string> HostFilters(string group) =>
        [$"{DevicesPrefix}+/events", $"$share/{group}/{DevicesPrefix}+/telemetry"];

    /// <summary>The filters without a shared group (a broker without shared subscriptions, one node).</summary>
    public static IReadOnlyList<string> Filters { get; } = [$"{DevicesPrefix}+/events", $"{DevicesPrefix}+/telemetry"];

    /// <summary>Splits a device topic; false for anything else (wrong depth, unknown kind, malformed code).</summary>
    public static bool TryParse(string? topic, out string equipmentCode, out IotMessageKind kind)
    {
        equipmentCode = string.Empty;
        kind = default;
        if (topic is null || !topic.StartsWith(DevicesPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(DevicesPrefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var code = rest[..slash].ToString();
        var suffix = rest[(slash + 1)..];
        if (suffix.SequenceEqual("telemetry"))
        {
            kind = IotMessageKind.Telemetry;
        }
        else if (suffix.SequenceEqual("events"))
        {
            kind = IotMessageKind.Event;
        }
        else
        {
            return false;
        }

        // Exactly the canonical code: the broker's ACL compares it with the user name byte for byte.
        if (!EquipmentCode.TryParse(code, out var parsed, out _) || parsed.Value != code)
        {
            return false;
        }

        equipmentCode = code;
        return true;
    }
}

/// <summary>The two message kinds.</summary>
public enum IotMessageKind
{
    /// <summary>Measurements.</summary>
    Telemetry = 0,

    /// <summary>Fault and event codes.</summary>
    Event = 1,
}
