using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Traceability;

/// <summary>
/// What anyone who scans a device's QR code may see (一码追溯): registration, use unit, inspection
/// and maintenance state, rescue code and hotline, alarm flag. No person, no ID number, no address
/// beyond what the use sign already shows.
/// </summary>
public sealed record PublicDeviceFacts
{
    /// <summary>设备代码.</summary>
    public required string EquipmentCode { get; init; }

    /// <summary>Category name (电梯).</summary>
    public required string CategoryName { get; init; }

    /// <summary>Registration status.</summary>
    public EquipmentStatus Status { get; init; }

    /// <summary>Status in Chinese (在用).</summary>
    public required string StatusName { get; init; }

    /// <summary>使用登记证编号.</summary>
    public string? UseCertificateNumber { get; init; }

    /// <summary>使用单位 name.</summary>
    public string? UseUnit { get; init; }

    /// <summary>Result of the last inspection (合格).</summary>
    public string? LastInspectionResult { get; init; }

    /// <summary>Date of the last inspection.</summary>
    public DateOnly? LastInspectedOn { get; init; }

    /// <summary>Next due date.</summary>
    public DateOnly? NextDueOn { get; init; }

    /// <summary>超期未检.</summary>
    public bool Overdue { get; init; }

    /// <summary>维保单位 name.</summary>
    public string? MaintenanceUnit { get; init; }

    /// <summary>Date of the last maintenance.</summary>
    public DateOnly? LastMaintainedOn { get; init; }

    /// <summary>救援识别码.</summary>
    public string? RescueCode { get; init; }

    /// <summary>Rescue hotline for the device's region.</summary>
    public required string Hotline { get; init; }

    /// <summary>True while an alarm is open.</summary>
    public bool AlarmActive { get; init; }
}

/// <summary>The public facts of the device with 设备代码 <paramref name="Code"/>; null when unknown.</summary>
public sealed record GetPublicDeviceFacts(string Code) : IQuery<PublicDeviceFacts?>;

internal sealed class PublicDeviceFactsHandler(RegistryDbContext db, TimeProvider timeProvider, IOptions<RegistryOptions> options)
    : IQueryHandler<GetPublicDeviceFacts, PublicDeviceFacts?>
{
    public async ValueTask<PublicDeviceFacts?> Handle(GetPublicDeviceFacts query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();

        // One projection: only public columns ever leave the database.
        var row = await db.Devices.AsNoTracking()
            .Where(d => d.EquipmentCode == code)
            .Select(d => new
            {
                d.EquipmentCode, d.Category, d.Status, d.UseCertificateNumber, d.LastInspectionResult, d.LastInspectedOn, d.NextDueOn,
                d.InspectionValidUntil, d.LastMaintainedOn, d.RescueCode, d.RegionCode, d.AlarmActive,
                UseUnit = db.Organisations.Where(o => o.Id == d.UserOrganisationId).Select(o => o.Name).FirstOrDefault(),
                MaintenanceUnit = db.Organisations.Where(o => o.Id == d.MaintenanceOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        return new PublicDeviceFacts
        {
            EquipmentCode = row.EquipmentCode,
            CategoryName = row.Category.ChineseName(),
            Status = row.Status,
            StatusName = row.Status.ChineseName(),
            UseCertificateNumber = row.UseCertificateNumber,
            UseUnit = row.UseUnit,
            LastInspectionResult = row.LastInspectionResult?.ChineseName(),
            LastInspectedOn = row.LastInspectedOn,
            NextDueOn = row.NextDueOn,
            Overdue = row.Status == EquipmentStatus.InUse && InspectionSchedule.IsOverdue(row.InspectionValidUntil, timeProvider.Today()),
            MaintenanceUnit = row.MaintenanceUnit,
            LastMaintainedOn = row.LastMaintainedOn,
            RescueCode = row.RescueCode,
            Hotline = options.Value.HotlineFor(row.RegionCode),
            AlarmActive = row.AlarmActive,
        };
    }
}
