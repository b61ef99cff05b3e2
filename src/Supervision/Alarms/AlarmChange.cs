namespace ApprovalHub.Supervision.Alarms;

/// <summary>What a message did to an alarm.</summary>
public enum AlarmChangeKind
{
    /// <summary>A new alarm, active at once.</summary>
    Raised = 0,

    /// <summary>A new alarm waiting out its delay.</summary>
    Pending = 1,

    /// <summary>The condition was reported again while the alarm is open (same case).</summary>
    Repeated = 2,

    /// <summary>A pending alarm's delay passed: now active.</summary>
    Activated = 3,

    /// <summary>An active alarm ended: the device reports normal.</summary>
    Cleared = 4,

    /// <summary>A pending alarm ended inside its delay (误报).</summary>
    Dismissed = 5,
}

/// <summary>One change, with the alarm as it is after it and the rule behind it.</summary>
public sealed record AlarmChange(AlarmChangeKind Kind, Alarm Alarm, AlarmRule Rule);

/// <summary>The result of storing one event message.</summary>
/// <param name="Duplicate">True when the message had been stored before (a redelivery): nothing changed.</param>
/// <param name="Changes">Alarm changes, in order.</param>
public sealed record EventOutcome(bool Duplicate, IReadOnlyList<AlarmChange> Changes);
