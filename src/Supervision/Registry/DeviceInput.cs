using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// A device as a clerk enters it (form or Excel row). Organisations are named by 统一社会信用代码,
/// which is what the paperwork carries.
/// </summary>
public sealed record DeviceInput
{
    /// <summary>设备代码 (required).</summary>
    public string? EquipmentCode { get; init; }

    /// <summary>Catalog code (required).</summary>
    public string? CatalogCode { get; init; }

    /// <summary>Region code, street (12 digits) or county (6 digits) (required).</summary>
    public string? RegionCode { get; init; }

    /// <summary>Address of the place of use (required).</summary>
    public string? Address { get; init; }

    /// <summary>使用单位 credit code (required).</summary>
    public string? UserUnitCreditCode { get; init; }

    /// <summary>维保单位 credit code.</summary>
    public string? MaintenanceUnitCreditCode { get; init; }

    /// <summary>制造单位 credit code.</summary>
    public string? ManufacturerCreditCode { get; init; }

    /// <summary>注册代码 (legacy).</summary>
    public string? RegistrationCode { get; init; }

    /// <summary>使用登记证编号.</summary>
    public string? UseCertificateNumber { get; init; }

    /// <summary>救援识别码 (lifts).</summary>
    public string? RescueCode { get; init; }

    /// <summary>Status; 在建 when omitted.</summary>
    public EquipmentStatus? Status { get; init; }

    /// <summary>Manufacture date.</summary>
    public DateOnly? ManufacturedOn { get; init; }

    /// <summary>Installation pass date.</summary>
    public DateOnly? InstalledOn { get; init; }

    /// <summary>First use.</summary>
    public DateOnly? FirstUsedOn { get; init; }

    /// <summary>Inspection validity end.</summary>
    public DateOnly? InspectionValidUntil { get; init; }

    /// <summary>安全状况等级 1–5.</summary>
    public int? SafetyGrade { get; init; }
}
