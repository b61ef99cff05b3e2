using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// Device search: every filter is optional and combined with AND; the result is keyset-paged by id
/// (pass the previous page's <see cref="DevicePage.NextAfter"/> as <see cref="After"/>).
/// </summary>
public sealed record SearchDevices(AccessScope Scope) : IQuery<DevicePage>
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>设备代码 or 注册代码, exact.</summary>
    public string? Code { get; init; }

    /// <summary>使用登记证编号, exact.</summary>
    public string? CertificateNumber { get; init; }

    /// <summary>救援识别码, exact.</summary>
    public string? RescueCode { get; init; }

    /// <summary>A region code (any level): devices under it.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Category.</summary>
    public EquipmentCategory? Category { get; init; }

    /// <summary>Catalog class or variety code (<c>3100</c>, <c>3110</c>).</summary>
    public string? CatalogCode { get; init; }

    /// <summary>Status.</summary>
    public EquipmentStatus? Status { get; init; }

    /// <summary>True: only 超期未检 devices in use; false: only those not overdue.</summary>
    public bool? Overdue { get; init; }

    /// <summary>An organisation in any role on the device (user, maintenance, inspection, manufacturer).</summary>
    public long? OrganisationId { get; init; }

    /// <summary>The last id of the previous page.</summary>
    public long? After { get; init; }

    /// <summary>Page size, 1–<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>A device by registry id; null when it does not exist or lies outside the scope.</summary>
public sealed record GetDevice(AccessScope Scope, long Id) : IQuery<DeviceDetails?>;

/// <summary>A device by 设备代码; null when it does not exist or lies outside the scope.</summary>
public sealed record GetDeviceByCode(AccessScope Scope, string Code) : IQuery<DeviceDetails?>;

internal sealed class DeviceQueryHandlers(RegistryDbContext db, TimeProvider timeProvider, IOptions<RegistryOptions> options)
    : IQueryHandler<SearchDevices, DevicePage>, IQueryHandler<GetDevice, DeviceDetails?>, IQueryHandler<GetDeviceByCode, DeviceDetails?>
{
    public async ValueTask<DevicePage> Handle(SearchDevices query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (query.Limit is < 1 or > SearchDevices.MaxLimit)
        {
            errors.Add("limit", $"limit is between 1 and {SearchDevices.MaxLimit}, not {query.Limit}.");
        }

        if (query.RegionCode is not null && !Regions.RegionCodes.TryValidate(query.RegionCode, out var regionError))
        {
            errors.Add("region", regionError);
        }

        if (query.CatalogCode is not null && !Equipment.CatalogCode.TryParse(query.CatalogCode, out _, out var catalogError))
        {
            errors.Add("catalog", catalogError);
        }

        errors.ThrowIfAny();

        var devices = db.Devices.AsNoTracking().VisibleTo(query.Scope);
        if (query.Code is { Length: > 0 } code)
        {
            devices = devices.Where(d => d.EquipmentCode == code.ToUpperInvariant() || d.RegistrationCode == code);
        }

        if (query.CertificateNumber is { Length: > 0 } number)
        {
            devices = devices.Where(d => d.UseCertificateNumber == number);
        }

        if (query.RescueCode is { Length: > 0 } rescue)
        {
            devices = devices.Where(d => d.RescueCode == rescue);
        }

        if (query.RegionCode is { } region)
        {
            var prefix = Access.AccessScope.SignificantPrefix(region);
            devices = devices.Where(d => d.RegionCode.StartsWith(prefix));
        }

        if (query.Category is { } category)
        {
            devices = devices.Where(d => d.Category == category);
        }

        if (query.CatalogCode is { } catalogText)
        {
            var catalog = Equipment.CatalogCode.Parse(catalogText);
            devices = catalog.Level switch
            {
                CatalogLevel.Variety => devices.Where(d => d.CatalogCode == catalog.Value),
                CatalogLevel.Class => devices.Where(d => d.CatalogCode.StartsWith(catalog.Value.Substring(0, 2))),
                _ => devices.Where(d => d.Category == catalog.Category),
            };
        }

        if (query.Status is { } status)
        {
            devices = devices.Where(d => d.Status == status);
        }

        var today = timeProvider.Today();
        if (query.Overdue is { } overdue)
        {
            devices = overdue
                ? devices.Where(d => d.Status == EquipmentStatus.InUse && d.InspectionValidUntil < today)
                : devices.Where(d => !(d.Status == EquipmentStatus.InUse && d.InspectionValidUntil < today));
        }

        if (query.OrganisationId is { } organisation)
        {
            devices = devices.Where(d => d.UserOrganisationId == organisation || d.MaintenanceOrganisationId == organisation
                || d.InspectionOrganisationId == organisation || d.ManufacturerOrganisationId == organisation);
        }

        if (query.After is { } after)
        {
            devices = devices.Where(d => d.Id > after);
        }

        var rows = await devices.OrderBy(d => d.Id).Take(query.Limit + 1)
            .Select(d => new DeviceSummary(d.Id, d.EquipmentCode, d.UseCertificateNumber, d.RescueCode, d.CatalogCode, d.Category, d.Status,
                d.RegionCode, d.Address, d.UserOrganisationId, d.InspectionValidUntil,
                d.Status == EquipmentStatus.InUse && d.InspectionValidUntil < today))
            .ToListAsync(cancellationToken);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new DevicePage(rows, more ? rows[^1].Id : null);
    }

    public async ValueTask<DeviceDetails?> Handle(GetDevice query, CancellationToken cancellationToken) =>
        await DetailsAsync(db.Devices.Where(d => d.Id == query.Id), query.Scope, cancellationToken);

    public async ValueTask<DeviceDetails?> Handle(GetDeviceByCode query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        return await DetailsAsync(db.Devices.Where(d => d.EquipmentCode == code), query.Scope, cancellationToken);
    }

    private async Task<DeviceDetails?> DetailsAsync(IQueryable<Device> match, AccessScope scope, CancellationToken cancellationToken)
    {
        // One round trip: the device and its four organisations, LEFT JOINed on their primary key.
        // This is the hot path of the 96333 desk and the QR page.
        var organisations = db.Organisations.AsNoTracking();
        var row = await (
                from d in match.AsNoTracking().VisibleTo(scope)
                join u in organisations on d.UserOrganisationId equals u.Id into users
                from u in users.DefaultIfEmpty()
                join m in organisations on d.MaintenanceOrganisationId equals m.Id into maintainers
                from m in maintainers.DefaultIfEmpty()
                join f in organisations on d.ManufacturerOrganisationId equals f.Id into manufacturers
                from f in manufacturers.DefaultIfEmpty()
                join i in organisations on d.InspectionOrganisationId equals i.Id into inspectors
                from i in inspectors.DefaultIfEmpty()
                select new
                {
                    Device = d,
                    User = u == null ? null : new OrganisationRef(u.Id, u.Name, u.CreditCode),
                    Maintainer = m == null ? null : new OrganisationRef(m.Id, m.Name, m.CreditCode),
                    Manufacturer = f == null ? null : new OrganisationRef(f.Id, f.Name, f.CreditCode),
                    Inspector = i == null ? null : new OrganisationRef(i.Id, i.Name, i.CreditCode),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var named = new[] { row.User, row.Maintainer, row.Manufacturer, row.Inspector }.OfType<OrganisationRef>()
            .DistinctBy(o => o.Id).ToDictionary(o => o.Id);
        return ToDetails(row.Device, named, new InspectionSchedule(options.Value.Inspection), timeProvider.Today());
    }

    internal static DeviceDetails ToDetails(Device device, IReadOnlyDictionary<long, OrganisationRef> organisations, InspectionSchedule schedule, DateOnly today)
    {
        OrganisationRef? Find(long? id) => id is { } value && organisations.TryGetValue(value, out var found) ? found : null;
        return new DeviceDetails
        {
            Id = device.Id,
            EquipmentCode = device.EquipmentCode,
            RegistrationCode = device.RegistrationCode,
            UseCertificateNumber = device.UseCertificateNumber,
            RescueCode = device.RescueCode,
            CatalogCode = device.CatalogCode,
            Category = device.Category,
            Status = device.Status,
            StatusName = device.Status.ChineseName(),
            AllowedStatuses = EquipmentLifecycle.AllowedFrom(device.Status),
            RegionCode = device.RegionCode,
            Address = device.Address,
            UserOrganisation = Find(device.UserOrganisationId),
            MaintenanceOrganisation = Find(device.MaintenanceOrganisationId),
            ManufacturerOrganisation = Find(device.ManufacturerOrganisationId),
            InspectionOrganisation = Find(device.InspectionOrganisationId),
            ManufacturedOn = device.ManufacturedOn,
            InstalledOn = device.InstalledOn,
            FirstUsedOn = device.FirstUsedOn,
            SafetyGrade = device.SafetyGrade,
            InspectionValidUntil = device.InspectionValidUntil,
            ApplyForInspectionBy = device.InspectionValidUntil is { } end ? schedule.ApplyBy(end) : null,
            Overdue = device.Status == EquipmentStatus.InUse && InspectionSchedule.IsOverdue(device.InspectionValidUntil, today),
            LastInspectedOn = device.LastInspectedOn,
            LastInspectionResult = device.LastInspectionResult,
            NextDueOn = device.NextDueOn,
            LastMaintainedOn = device.LastMaintainedOn,
            AlarmActive = device.AlarmActive,
        };
    }
}
