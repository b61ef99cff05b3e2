using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Messages;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// One alarm rule of a category: what raises the alarm (<see cref="Trigger"/>), how long the
/// condition must last before it counts (<see cref="ConfirmAfter"/>: the false-alarm delay of door and
/// stop alarms, or a threshold's duration), what clears it, and how serious it is.
/// </summary>
public sealed record AlarmRule
{
    /// <summary>Stable type, unique per rule set (<c>lift.entrapment</c>); one open alarm per (device, type).</summary>
    public required string Type { get; init; }

    /// <summary>Chinese name shown to people (困人).</summary>
    public required string NameZh { get; init; }

    /// <summary>The categories the rule applies to.</summary>
    public required IReadOnlySet<EquipmentCategory> Categories { get; init; }

    /// <summary>Severity of the alarm.</summary>
    public AlarmSeverity Severity { get; init; }

    /// <summary>What raises the alarm.</summary>
    public required AlarmTrigger Trigger { get; init; }

    /// <summary>How long the condition must persist before the alarm becomes active (zero: at once).</summary>
    public TimeSpan ConfirmAfter { get; init; }

    /// <summary>Event codes that clear it (besides its own codes sent with <c>state: cleared</c>).</summary>
    public IReadOnlySet<string> ClearCodes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when an active alarm of this rule opens a rescue/handling case (unit 34).</summary>
    public bool OpensCase => Severity >= AlarmSeverity.Major;
}

/// <summary>What raises an alarm.</summary>
public abstract record AlarmTrigger;

/// <summary>Any of these event codes raises it.</summary>
public sealed record EventTrigger(IReadOnlySet<string> Codes) : AlarmTrigger;

/// <summary>
/// The same event code <paramref name="Count"/> times within <paramref name="Window"/> (反复开关门,
/// repeated door faults): the repetition is the alarm, a single event is not.
/// </summary>
public sealed record RepeatTrigger(IReadOnlySet<string> Codes, int Count, TimeSpan Window) : AlarmTrigger;

/// <summary>
/// A telemetry value beyond a limit (<see cref="AlarmRule.ConfirmAfter"/> is then how long it must
/// stay beyond: boiler pressure above its maximum for 10 s). Back within the limit clears it.
/// </summary>
/// <param name="Metric">Name of the value in the telemetry schema, also stored as the alarm's fault code.</param>
/// <param name="Read">Reads the value; null when the message does not carry it.</param>
/// <param name="Limit">The limit for this message (from the message, e.g. pressureMax, or a default).</param>
/// <param name="Above">True: beyond means above the limit; false: below it.</param>
public sealed record ThresholdTrigger(
    string Metric,
    Func<TelemetryMessage, double?> Read,
    Func<TelemetryMessage, double> Limit,
    bool Above = true) : AlarmTrigger
{
    /// <summary>True beyond the limit, false within, null when the message lacks the value.</summary>
    public bool? IsBeyond(TelemetryMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Read(message) is not { } value)
        {
            return null;
        }

        var limit = Limit(message);
        return Above ? value > limit : value < limit;
    }
}
