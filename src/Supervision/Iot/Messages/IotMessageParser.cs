using System.Text.Json;

namespace ApprovalHub.Supervision.Iot.Messages;

/// <summary>
/// Reads and checks device messages: strict JSON, schema version 1, values in range. Anything else
/// is a failure with a reason the ingestion counts; nothing throws.
/// </summary>
public static class IotMessageParser
{
    /// <summary>The schema version this host reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Parses a telemetry payload.</summary>
    public static bool TryParseTelemetry(ReadOnlySpan<byte> payload, out TelemetryMessage message, out string? error)
    {
        message = null!;
        if (!TryDeserialize(payload, IotJsonContext.Default.TelemetryMessage, out var parsed, out error))
        {
            return false;
        }

        error = CheckTelemetry(parsed);
        message = parsed;
        return error is null;
    }

    /// <summary>Parses an event payload.</summary>
    public static bool TryParseEvent(ReadOnlySpan<byte> payload, out EventMessage message, out string? error)
    {
        message = null!;
        if (!TryDeserialize(payload, IotJsonContext.Default.EventMessage, out var parsed, out error))
        {
            return false;
        }

        error = CheckEvent(parsed);
        message = parsed;
        return error is null;
    }

    /// <summary>True when an event message says the condition ended.</summary>
    public static bool IsCleared(EventMessage message) => string.Equals(message.State, "cleared", StringComparison.Ordinal);

    private static bool TryDeserialize<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, out T value, out string? error)
        where T : class
    {
        value = null!;
        try
        {
            var parsed = JsonSerializer.Deserialize(payload, info);
            if (parsed is null)
            {
                error = "the payload is JSON null";
                return false;
            }

            value = parsed;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON for the schema: {ex.Message}";
            return false;
        }
    }

    private static string? CheckTelemetry(TelemetryMessage m)
    {
        if (m.Version != SchemaVersion)
        {
            return $"schema version {m.Version} is not {SchemaVersion}";
        }

        if (m.Ts == default)
        {
            return "ts is missing";
        }

        return Range(m.Floor, -20, 300, "floor")
               ?? Range(m.Direction, 0, 2, "direction")
               ?? Range(m.Speed, 0, 30, "speed")
               ?? Range(m.RunCount, 0, long.MaxValue, "runCount")
               ?? Range(m.Load, 0, 10_000, "load")
               ?? Range(m.ServiceMode, 0, 7, "serviceMode")
               ?? Range(m.Pressure, 0, 100, "pressure")
               ?? Range(m.PressureMax, 0, 100, "pressureMax")
               ?? Range(m.Temperature, -60, 1_000, "temperature")
               ?? Range(m.WaterLevel, -10_000, 10_000, "waterLevel")
               ?? Range(m.RatedLoad, 0, 10_000, "ratedLoad")
               ?? Range(m.WindSpeed, 0, 100, "windSpeed")
               ?? (m.LimitSwitches is { Count: > 8 } ? "limitSwitches has more than 8 entries" : null);
    }

    private static string? CheckEvent(EventMessage m)
    {
        if (m.Version != SchemaVersion)
        {
            return $"schema version {m.Version} is not {SchemaVersion}";
        }

        if (m.Ts == default)
        {
            return "ts is missing";
        }

        if (m.Id is not { Length: >= 1 and <= 64 })
        {
            return "id must have 1 to 64 characters";
        }

        if (m.Code is not { Length: >= 1 and <= 8 } || !m.Code.All(char.IsAsciiLetterOrDigit))
        {
            return "code must have 1 to 8 letters or digits";
        }

        if (m.State is not (null or "raised" or "cleared"))
        {
            return "state must be raised or cleared";
        }

        if (m.Detail is { Length: > 200 })
        {
            return "detail has more than 200 characters";
        }

        return Range(m.Floor, -20, 300, "floor");
    }

    private static string? Range(double? value, double min, double max, string field) =>
        value is { } v && (double.IsNaN(v) || v < min || v > max) ? $"{field} {v} is outside {min}..{max}" : null;

    private static string? Range(long? value, long min, long max, string field) =>
        value is { } v && (v < min || v > max) ? $"{field} {v} is outside {min}..{max}" : null;
}
