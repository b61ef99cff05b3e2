using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;

namespace ApprovalHub.Supervision.Registry;

/// <summary>One row of a device search.</summary>
public sealed record DeviceSummary(
    long Id,
    string EquipmentCode,
    string? UseCertificateNumber,
    string? RescueCode,
    string CatalogCode,
    EquipmentCategory Category,
    EquipmentStatus Status,
    string RegionCode,
    string Address,
    long UserOrganisationId,
    DateOnly? InspectionValidUntil,
    bool Overdue);

/// <summary>A page of a keyset-paged search: pass <see cref="NextAfter"/> as <c>after</c> for the next page.</summary>
public sealed record DevicePage(IReadOnlyList<DeviceSummary> Items, long? NextAfter);

/// <summary>An organisation as a device shows it.</summary>
public sealed record OrganisationRef(long Id, string Name, string CreditCode);

/// <summary>Everything the registry knows about a device, with the derived deadlines.</summary>
public sealed record DeviceDetails
{
    /// <summary>Registry id.</summary>
    public required long Id { get; init; }

    /// <summary>设备代码.</summary>
    public required string EquipmentCode { get; init; }

    /// <summary>注册代码, where known.</summary>
    public string? RegistrationCode { get; init; }

    /// <summary>使用登记证编号.</summary>
    public string? UseCertificateNumber { get; init; }

    /// <summary>救援识别码.</summary>
    public string? RescueCode { get; init; }

    /// <summary>Catalog code.</summary>
    public required string CatalogCode { get; init; }

    /// <summary>Category.</summary>
    public EquipmentCategory Category { get; init; }

    /// <summary>Status.</summary>
    public EquipmentStatus Status { get; init; }

    /// <summary>Status in Chinese.</summary>
    public required string StatusName { get; init; }

    /// <summary>Statuses the device may move to.</summary>
    public required IReadOnlyList<EquipmentStatus> AllowedStatuses { get; init; }

    /// <summary>Region code.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Address.</summary>
    public required string Address { get; init; }

    /// <summary>使用单位.</summary>
    public OrganisationRef? UserOrganisation { get; init; }

    /// <summary>维保单位.</summary>
    public OrganisationRef? MaintenanceOrganisation { get; init; }

    /// <summary>制造单位.</summary>
    public OrganisationRef? ManufacturerOrganisation { get; init; }

    /// <summary>Last inspection body.</summary>
    public OrganisationRef? InspectionOrganisation { get; init; }

    /// <summary>Manufacture date.</summary>
    public DateOnly? ManufacturedOn { get; init; }

    /// <summary>Installation pass date.</summary>
    public DateOnly? InstalledOn { get; init; }

    /// <summary>First use.</summary>
    public DateOnly? FirstUsedOn { get; init; }

    /// <summary>Safety grade.</summary>
    public int? SafetyGrade { get; init; }

    /// <summary>Inspection validity end.</summary>
    public DateOnly? InspectionValidUntil { get; init; }

    /// <summary>The last day to apply for inspection (one month before the validity ends).</summary>
    public DateOnly? ApplyForInspectionBy { get; init; }

    /// <summary>超期未检.</summary>
    public bool Overdue { get; init; }

    /// <summary>Last inspection date.</summary>
    public DateOnly? LastInspectedOn { get; init; }

    /// <summary>Last inspection result.</summary>
    public InspectionResult? LastInspectionResult { get; init; }

    /// <summary>Next due date.</summary>
    public DateOnly? NextDueOn { get; init; }

    /// <summary>Last maintenance.</summary>
    public DateOnly? LastMaintainedOn { get; init; }

    /// <summary>Alarm open.</summary>
    public bool AlarmActive { get; init; }
}
