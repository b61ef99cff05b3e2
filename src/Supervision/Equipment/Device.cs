using ApprovalHub.Supervision.Inspections;

namespace ApprovalHub.Supervision.Equipment;

/// <summary>
/// One registered piece of special equipment (设备): its codes, place, organisations, dates, status
/// and inspection state. The columns the public QR page and the search read are kept on this row
/// (last inspection, last maintenance, alarm flag) so those reads are one indexed lookup.
/// </summary>
public sealed class Device
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>设备代码 (18 characters), unique; also the code in the device's QR URL.</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>The legacy 20-digit 注册代码, where known.</summary>
    public string? RegistrationCode { get; set; }

    /// <summary>使用登记证编号, once registered.</summary>
    public string? UseCertificateNumber { get; set; }

    /// <summary>6-digit 救援识别码 (lifts).</summary>
    public string? RescueCode { get; set; }

    /// <summary>The 2014 catalog code (category/class/variety), a string: codes contain letters.</summary>
    public required string CatalogCode { get; set; }

    /// <summary>The catalog category, kept next to the code for rollups.</summary>
    public EquipmentCategory Category { get; set; }

    /// <summary>Registration status.</summary>
    public EquipmentStatus Status { get; set; }

    /// <summary>Street-level region code (12 digits) where the device stands.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Address of the place of use.</summary>
    public required string Address { get; set; }

    /// <summary>使用单位.</summary>
    public long UserOrganisationId { get; set; }

    /// <summary>维保单位, where the category has one.</summary>
    public long? MaintenanceOrganisationId { get; set; }

    /// <summary>制造单位.</summary>
    public long? ManufacturerOrganisationId { get; set; }

    /// <summary>The inspection body of the last inspection.</summary>
    public long? InspectionOrganisationId { get; set; }

    /// <summary>Date of manufacture.</summary>
    public DateOnly? ManufacturedOn { get; set; }

    /// <summary>Date the installation passed (the base of the lift schedule).</summary>
    public DateOnly? InstalledOn { get; set; }

    /// <summary>Date of first use.</summary>
    public DateOnly? FirstUsedOn { get; set; }

    /// <summary>安全状况等级 1–5 (pressure vessels), if graded.</summary>
    public int? SafetyGrade { get; set; }

    /// <summary>检验有效期至: the end of the current inspection validity.</summary>
    public DateOnly? InspectionValidUntil { get; set; }

    /// <summary>Date of the last inspection.</summary>
    public DateOnly? LastInspectedOn { get; set; }

    /// <summary>Result of the last inspection.</summary>
    public InspectionResult? LastInspectionResult { get; set; }

    /// <summary>When the next inspection (or, for lifts, self-test) falls due.</summary>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>Date of the last maintenance visit.</summary>
    public DateOnly? LastMaintainedOn { get; set; }

    /// <summary>True while an alarm is open.</summary>
    public bool AlarmActive { get; set; }

    /// <summary>Changes the status, or throws <see cref="IllegalStatusTransitionException"/> naming both states.</summary>
    public void MoveTo(EquipmentStatus status)
    {
        EquipmentLifecycle.EnsureAllowed(Status, status);
        Status = status;
    }
}
