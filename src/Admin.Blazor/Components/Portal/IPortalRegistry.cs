using System.Security.Claims;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Admin.Blazor.Components.Portal;

/// <summary>
/// The registry as the enterprise portal shows it: the caller's devices with their due dates, and
/// the licences and operator certificates of the caller's organisation. The host implements it
/// over the registry, limited to the organisations the caller acts for; tests use a fake.
/// </summary>
public interface IPortalRegistry
{
    /// <summary>A page of the caller's devices, the most urgent due date first.</summary>
    Task<PortalDevicePage> DevicesAsync(ClaimsPrincipal user, PortalDeviceQuery query, CancellationToken cancellationToken);

    /// <summary>The licences and operator certificates of the caller's organisations, the soonest expiry first.</summary>
    Task<PortalCertificates> CertificatesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Where the caller downloads the e-certificate PDF of a use-registration certificate, or null when there is none they may see.</summary>
    Task<string?> CertificatePdfUrlAsync(ClaimsPrincipal user, string certificateNumber, CancellationToken cancellationToken);
}

/// <summary>Which of the caller's devices to list.</summary>
public enum PortalDeviceFilter
{
    /// <summary>Every device.</summary>
    All,

    /// <summary>Something falls due within <see cref="PortalDeviceQuery.SoonDays"/> days or is overdue.</summary>
    DueSoon,

    /// <summary>An inspection or maintenance date has passed.</summary>
    Overdue,
}

/// <summary>A page of the caller's devices.</summary>
public sealed record PortalDeviceQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Days ahead that count as "due soon".</summary>
    public const int SoonDays = 30;

    public PortalDeviceFilter Filter { get; init; } = PortalDeviceFilter.All;

    /// <summary>设备代码, 使用登记证编号 or address (contains).</summary>
    public string? Q { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A page of devices with the total for the pager.</summary>
public sealed record PortalDevicePage(IReadOnlyList<PortalDevice> Items, int Page, int PageSize, int Total);

/// <summary>One device with the dates its user unit must keep.</summary>
/// <param name="EquipmentCode">设备代码.</param>
/// <param name="Category">Category.</param>
/// <param name="Status">Registration status.</param>
/// <param name="Address">Where it is used.</param>
/// <param name="UseCertificateNumber">使用登记证编号.</param>
/// <param name="CertificatePdfUrl">Where its e-certificate PDF is downloaded, when the platform issued one.</param>
/// <param name="InspectionValidUntil">The end of the current inspection's validity.</param>
/// <param name="ApplyForInspectionBy">The last day to apply for the next inspection (one month before).</param>
/// <param name="InspectionOverdue">超期未检.</param>
/// <param name="LastMaintainedOn">The last maintenance visit.</param>
/// <param name="MaintenanceDueBy">The next maintenance visit's last day (elevators: every 15 days); null where no cycle applies.</param>
/// <param name="MaintenanceOverdue">True when <paramref name="MaintenanceDueBy"/> has passed.</param>
public sealed record PortalDevice(
    string EquipmentCode,
    EquipmentCategory Category,
    EquipmentStatus Status,
    string Address,
    string? UseCertificateNumber,
    string? CertificatePdfUrl,
    DateOnly? InspectionValidUntil,
    DateOnly? ApplyForInspectionBy,
    bool InspectionOverdue,
    DateOnly? LastMaintainedOn,
    DateOnly? MaintenanceDueBy,
    bool MaintenanceOverdue);

/// <summary>The certificates an organisation must keep valid.</summary>
public sealed record PortalCertificates(IReadOnlyList<PortalLicence> Licences, IReadOnlyList<PortalOperatorCertificate> OperatorCertificates);

/// <summary>A production licence (生产许可证).</summary>
public sealed record PortalLicence(string Number, string Scope, DateOnly IssuedOn, DateOnly ExpiresOn, DateOnly ApplyForRenewalBy);

/// <summary>An operator certificate (特种设备作业人员证) of someone employed by the organisation.</summary>
public sealed record PortalOperatorCertificate(string Number, string PersonName, string? ItemCode, string? ItemName, DateOnly ExpiresOn, DateOnly ApplyForRenewalBy);
