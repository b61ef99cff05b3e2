using System.Text.Json.Serialization;

namespace ApprovalHub.Supervision.Iot.Messages;

/// <summary>
/// <c>ah/v1/devices/{设备代码}/telemetry</c>, schema version 1 (docs/mqtt.md). One message carries the
/// fields of its device's category; the others stay absent. Unknown fields are an error, so a
/// device speaking another schema is noticed instead of half-read.
/// </summary>
public sealed record TelemetryMessage
{
    /// <summary>Schema version; 1.</summary>
    [JsonPropertyName("v")]
    public int Version { get; init; }

    /// <summary>When the device measured (ISO 8601 with offset).</summary>
    [JsonPropertyName("ts")]
    public DateTimeOffset Ts { get; init; }

    // Lifts (电梯, GB/T 24476 real-time status as in domain.md §8.3).

    /// <summary>Current floor (car_position).</summary>
    [JsonPropertyName("floor")]
    public int? Floor { get; init; }

    /// <summary>0 none, 1 up, 2 down (car_direction).</summary>
    [JsonPropertyName("direction")]
    public int? Direction { get; init; }

    /// <summary>Door fully closed (door_status).</summary>
    [JsonPropertyName("doorClosed")]
    public bool? DoorClosed { get; init; }

    /// <summary>Car speed, m/s.</summary>
    [JsonPropertyName("speed")]
    public double? Speed { get; init; }

    /// <summary>Cumulative runs (present_counter_value).</summary>
    [JsonPropertyName("runCount")]
    public long? RunCount { get; init; }

    /// <summary>Lift: load in % of rated load; crane: load in tonnes.</summary>
    [JsonPropertyName("load")]
    public double? Load { get; init; }

    /// <summary>Someone in the car (passenger_status).</summary>
    [JsonPropertyName("peoplePresent")]
    public bool? PeoplePresent { get; init; }

    /// <summary>0 out of service, 1 normal, 2 inspection, 3 fire recall, 4 firefighter, 5 emergency power, 6 earthquake, 7 unknown.</summary>
    [JsonPropertyName("serviceMode")]
    public int? ServiceMode { get; init; }

    // Boilers (锅炉).

    /// <summary>Steam or water pressure, MPa.</summary>
    [JsonPropertyName("pressure")]
    public double? Pressure { get; init; }

    /// <summary>The boiler's maximum allowed working pressure, MPa, when the controller reports it.</summary>
    [JsonPropertyName("pressureMax")]
    public double? PressureMax { get; init; }

    /// <summary>Water or steam temperature, °C.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Drum water level, mm relative to normal.</summary>
    [JsonPropertyName("waterLevel")]
    public double? WaterLevel { get; init; }

    // Cranes (起重机械).

    /// <summary>Rated load, tonnes, when the controller reports it.</summary>
    [JsonPropertyName("ratedLoad")]
    public double? RatedLoad { get; init; }

    /// <summary>Wind speed, m/s.</summary>
    [JsonPropertyName("windSpeed")]
    public double? WindSpeed { get; init; }

    /// <summary>Limit switches (true = tripped): hoistHeight, longTravel, crossTravel, loadLimiter.</summary>
    [JsonPropertyName("limitSwitches")]
    public IReadOnlyDictionary<string, bool>? LimitSwitches { get; init; }
}
