namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// One row of <c>ck_alarm_records</c>: which registry alarm record (<c>reg_alarms</c>) an IoT alarm
/// (<c>iot_alarms</c>) wrote, so redeliveries and later moves update that record instead of adding
/// one, and when the alarm was acknowledged (the registry record knows only raised and cleared; the
/// response time runs from raised to acknowledged).
/// </summary>
public sealed class IotAlarmRecord
{
    /// <summary>The IoT alarm's id ("D" format, lower case).</summary>
    public required string AlarmId { get; set; }

    /// <summary>The registry record's id.</summary>
    public long RecordId { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>When a person acknowledged the alarm, if anyone has.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
