namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// Where an alarm stands. The open states (pending, active, acknowledged) are the ones the
/// database allows once per (device, type); cleared and dismissed are final.
/// </summary>
public enum AlarmStatus
{
    /// <summary>待确认: seen, waiting out its false-alarm delay (door and stop alarms: 30–45 s) or threshold duration.</summary>
    Pending = 0,

    /// <summary>未确认告警: active, nobody has acknowledged it yet.</summary>
    Active = 1,

    /// <summary>已确认: active, acknowledged by a person.</summary>
    Acknowledged = 2,

    /// <summary>已解除: the device reported normal again.</summary>
    Cleared = 3,

    /// <summary>误报: the condition ended inside the false-alarm delay; never became active.</summary>
    Dismissed = 4,
}

/// <summary>How serious an alarm is; drives ordering and whether it opens a rescue case.</summary>
public enum AlarmSeverity
{
    /// <summary>提示: recorded, no case.</summary>
    Warning = 0,

    /// <summary>一般: recorded, no case.</summary>
    Minor = 1,

    /// <summary>严重: opens a case (unit 34).</summary>
    Major = 2,

    /// <summary>紧急 (困人, 冲顶, 超压 …): opens a case (unit 34).</summary>
    Critical = 3,
}

/// <summary>An alarm move that the lifecycle forbids (named with both states, never silently ignored).</summary>
public sealed class IllegalAlarmTransitionException(AlarmStatus from, AlarmStatus to)
    : InvalidOperationException($"An alarm cannot move from {from} to {to}.")
{
    /// <summary>The current state.</summary>
    public AlarmStatus From { get; } = from;

    /// <summary>The requested state.</summary>
    public AlarmStatus To { get; } = to;
}
