using ApprovalHub.Supervision.Inspections;

namespace ApprovalHub.Supervision.Records;

/// <summary>检验记录: one inspection or self-test of a device (专题库: inspections).</summary>
public sealed class InspectionRecord
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The inspection body (or, for a self-test, the testing body).</summary>
    public long? InspectionOrganisationId { get; set; }

    /// <summary>Which kind of inspection.</summary>
    public InspectionKind Kind { get; set; }

    /// <summary>Date of the inspection.</summary>
    public DateOnly InspectedOn { get; set; }

    /// <summary>Conclusion.</summary>
    public InspectionResult Result { get; set; }

    /// <summary>The validity it grants (检验有效期至), if it passed.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Report number.</summary>
    public string? ReportNumber { get; set; }
}
