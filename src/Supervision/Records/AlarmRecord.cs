namespace ApprovalHub.Supervision.Records;

/// <summary>告警: an alarm raised by a device or a person (专题库: alarms).</summary>
public sealed class AlarmRecord
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>When it was raised.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>Fault or event code (GB/T 24476 as used by platforms: 11 困人 …).</summary>
    public required string FaultCode { get; set; }

    /// <summary>What happened, in words.</summary>
    public required string Description { get; set; }

    /// <summary>When it was cleared, or null while active.</summary>
    public DateTimeOffset? ClearedAt { get; set; }
}
