namespace ApprovalHub.Supervision.Iot;

/// <summary>
/// One fault or event message a device sent (故障/事件), stored before the broker gets its QoS 1
/// acknowledgement. (EquipmentCode, MessageId) is unique: a redelivered message is stored once.
/// </summary>
public sealed class FaultEvent
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>设备代码 (from the topic, which the broker checked against the device's identity).</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>The device's own id of the message (<c>id</c> in the payload): what makes a redelivery recognisable.</summary>
    public required string MessageId { get; set; }

    /// <summary>The event code (GB/T 24476 as platforms use it: "11" 困人, "40" 恢复自动运行 …).</summary>
    public required string Code { get; set; }

    /// <summary>Raised, or cleared by the device itself.</summary>
    public FaultEventState State { get; set; }

    /// <summary>When the device says it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When the host stored it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The alarm the event raised, repeated or cleared, if any.</summary>
    public Guid? AlarmId { get; set; }
}

/// <summary>Whether an event message reports a condition starting or ending.</summary>
public enum FaultEventState
{
    /// <summary>The condition began (the default).</summary>
    Raised = 0,

    /// <summary>The device reports the condition over.</summary>
    Cleared = 1,
}
