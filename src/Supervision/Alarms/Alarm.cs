namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// One alarm of one device (告警): raised by an event or a threshold rule, confirmed after its
/// false-alarm delay, acknowledged by a person, cleared when the device reports normal. At most
/// one open alarm per (device, type) exists, enforced by a unique partial index, so concurrent
/// messages on several nodes cannot raise two. A repeat while open counts on the same alarm.
/// </summary>
public sealed class Alarm
{
    /// <summary>Id; also the business key of the case the alarm opens (<c>iot.alarm</c> correlation key).</summary>
    public Guid Id { get; set; }

    /// <summary>设备代码.</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>Registry device id.</summary>
    public long DeviceId { get; set; }

    /// <summary>Street-level region of the device.</summary>
    public required string RegionCode { get; set; }

    /// <summary>使用单位.</summary>
    public long UserOrganisationId { get; set; }

    /// <summary>维保单位, where the device has one.</summary>
    public long? MaintenanceOrganisationId { get; set; }

    /// <summary>The rule's type (<see cref="AlarmRule.Type"/>, e.g. <c>lift.entrapment</c>).</summary>
    public required string Type { get; set; }

    /// <summary>The event code that raised it, or the metric of a threshold rule.</summary>
    public required string FaultCode { get; set; }

    /// <summary>Severity from the rule.</summary>
    public AlarmSeverity Severity { get; set; }

    /// <summary>Lifecycle state.</summary>
    public AlarmStatus Status { get; private set; }

    /// <summary>When the condition was first seen.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>While pending: when it becomes active unless cleared first.</summary>
    public DateTimeOffset? ConfirmDueAt { get; set; }

    /// <summary>When it became active.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>When a person acknowledged it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; set; }

    /// <summary>When it was cleared or dismissed; null while open (the unique index covers exactly these rows).</summary>
    public DateTimeOffset? ClearedAt { get; set; }

    /// <summary>Why it ended (the clearing event code, "normal", "false alarm").</summary>
    public string? ClearReason { get; set; }

    /// <summary>How many times the condition was reported while open (1 at first).</summary>
    public int Occurrences { get; set; } = 1;

    /// <summary>The last report.</summary>
    public DateTimeOffset LastOccurredAt { get; set; }

    /// <summary>The case (root instance of step 9, which calls unit 34), once started.</summary>
    public Guid? CaseInstanceId { get; set; }

    /// <summary>When the case started.</summary>
    public DateTimeOffset? CaseStartedAt { get; set; }

    /// <summary>When a node took on starting the case; a claim older than a few minutes may be taken over.</summary>
    public DateTimeOffset? CaseClaimedAt { get; set; }

    /// <summary>True while pending, active or acknowledged.</summary>
    public bool IsOpen => Status is AlarmStatus.Pending or AlarmStatus.Active or AlarmStatus.Acknowledged;

    /// <summary>A new alarm, pending when the rule has a delay, otherwise active at once.</summary>
    public static Alarm Raise(AlarmRule rule, DeviceFacts device, string faultCode, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(device);
        var pending = rule.ConfirmAfter > TimeSpan.Zero;
        return new Alarm
        {
            Id = Guid.CreateVersion7(at),
            EquipmentCode = device.EquipmentCode,
            DeviceId = device.DeviceId,
            RegionCode = device.RegionCode,
            UserOrganisationId = device.UserOrganisationId,
            MaintenanceOrganisationId = device.MaintenanceOrganisationId,
            Type = rule.Type,
            FaultCode = faultCode,
            Severity = rule.Severity,
            Status = pending ? AlarmStatus.Pending : AlarmStatus.Active,
            RaisedAt = at,
            ConfirmDueAt = pending ? at + rule.ConfirmAfter : null,
            ActivatedAt = pending ? null : at,
            LastOccurredAt = at,
        };
    }

    /// <summary>Pending → active once the delay has passed.</summary>
    public void Activate(DateTimeOffset at)
    {
        MoveTo(AlarmStatus.Active);
        ActivatedAt = at;
        ConfirmDueAt = null;
    }

    /// <summary>Active → acknowledged.</summary>
    public void Acknowledge(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        MoveTo(AlarmStatus.Acknowledged);
        AcknowledgedBy = by;
        AcknowledgedAt = at;
    }

    /// <summary>The condition ended: a pending alarm was a false alarm (误报), an active one is cleared.</summary>
    public void End(string reason, DateTimeOffset at)
    {
        MoveTo(Status == AlarmStatus.Pending ? AlarmStatus.Dismissed : AlarmStatus.Cleared);
        ClearReason = reason;
        ClearedAt = at;
        ConfirmDueAt = null;
    }

    private void MoveTo(AlarmStatus to)
    {
        var allowed = (Status, to) switch
        {
            (AlarmStatus.Pending, AlarmStatus.Active or AlarmStatus.Dismissed) => true,
            (AlarmStatus.Active, AlarmStatus.Acknowledged or AlarmStatus.Cleared) => true,
            (AlarmStatus.Acknowledged, AlarmStatus.Cleared) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new IllegalAlarmTransitionException(Status, to);
        }

        Status = to;
    }
}
