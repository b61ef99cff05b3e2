namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// One row of <c>ck_complaints</c>: a complaint about a device that came in outside unit 30,
/// recorded through <see cref="ComplaintLedger"/> so the risk model can count it.
/// </summary>
public sealed class Complaint
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The device complained about.</summary>
    public long DeviceId { get; set; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The complaint's reference number (unique: recording one twice is harmless).</summary>
    public required string Reference { get; set; }
}
