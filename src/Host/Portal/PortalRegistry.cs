using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Portal;

/// <summary>
/// The portal's view of the registry (<see cref="IPortalRegistry"/>): only what belongs to the
/// organisations the caller acts for, whatever else their scope may cover (a regulator or an
/// administrator opening the portal sees no devices of "theirs").
/// </summary>
/// <remarks>A singleton, as the Blazor circuit outlives any DbContext: each call opens its own scope.</remarks>
internal sealed class PortalRegistry(IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<RegistryOptions> options) : IPortalRegistry
{
    /// <summary>条例 第三十一条: an elevator is maintained at least every 15 days (domain.md §7).</summary>
    public const int LiftMaintenanceDays = 15;

    /// <summary>TSG 07-2019 via domain.md §4: a production licence is renewed at least 6 months before it expires [S].</summary>
    public const int LicenceRenewalMonths = 6;

    public async Task<PortalDevicePage> DevicesAsync(ClaimsPrincipal user, PortalDeviceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, PortalDeviceQuery.MaxPageSize);
        var organisations = Organisations(user);
        if (organisations.Length == 0)
        {
            return new PortalDevicePage([], page, size, 0);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var today = timeProvider.Today();
        var schedule = new InspectionSchedule(options.Value.Inspection);

        // Dates are compared with parameters worked out here, so the same SQL runs on SQLite and PostgreSQL.
        var maintainedSince = today.AddDays(-LiftMaintenanceDays);
        var validUntilSoon = today.AddDays(PortalDeviceQuery.SoonDays).AddMonths(options.Value.Inspection.ApplyMonthsBefore);
        var devices = db.Devices.AsNoTracking().Where(d => organisations.Contains(d.UserOrganisationId)
            || (d.MaintenanceOrganisationId != null && organisations.Contains(d.MaintenanceOrganisationId.Value)));
        if (query.Q is { Length: > 0 } q)
        {
            var text = q.Trim();
            devices = devices.Where(d => d.EquipmentCode == text.ToUpperInvariant() || d.UseCertificateNumber == text || d.Address.Contains(text));
        }

        devices = query.Filter switch
        {
            PortalDeviceFilter.Overdue => devices.Where(d => d.Status == EquipmentStatus.InUse
                && (d.InspectionValidUntil < today || (d.Category == EquipmentCategory.Lift && (d.LastMaintainedOn == null || d.LastMaintainedOn < maintainedSince)))),
            PortalDeviceFilter.DueSoon => devices.Where(d => d.Status == EquipmentStatus.InUse
                && (d.InspectionValidUntil <= validUntilSoon || (d.Category == EquipmentCategory.Lift && (d.LastMaintainedOn == null || d.LastMaintainedOn < maintainedSince)))),
            _ => devices,
        };

        var total = await devices.CountAsync(cancellationToken);
        var rows = await devices
            .OrderBy(d => d.InspectionValidUntil == null).ThenBy(d => d.InspectionValidUntil).ThenBy(d => d.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(d => new { d.EquipmentCode, d.Category, d.Status, d.Address, d.UseCertificateNumber, d.InspectionValidUntil, d.LastMaintainedOn })
            .ToListAsync(cancellationToken);
        var numbers = rows.Select(r => r.UseCertificateNumber).OfType<string>().ToList();
        var withPdf = numbers.Count == 0
            ? []
            : (await db.ElectronicCertificates.AsNoTracking()
                .Where(c => c.Kind == ElectronicCertificateKind.UseRegistration && c.Pdf != null && numbers.Contains(c.Number) && organisations.Contains(c.OrganisationId))
                .Select(c => c.Number).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var items = rows.Select(r =>
        {
            var inUse = r.Status == EquipmentStatus.InUse;
            DateOnly? maintenanceDue = r.Category == EquipmentCategory.Lift && inUse ? (r.LastMaintainedOn ?? today).AddDays(LiftMaintenanceDays) : null;
            return new PortalDevice(
                r.EquipmentCode, r.Category, r.Status, r.Address, r.UseCertificateNumber,
                r.UseCertificateNumber is { } number && withPdf.Contains(number) ? PdfUrl(number) : null,
                r.InspectionValidUntil,
                r.InspectionValidUntil is { } end ? schedule.ApplyBy(end) : null,
                inUse && InspectionSchedule.IsOverdue(r.InspectionValidUntil, today),
                r.LastMaintainedOn,
                maintenanceDue,
                maintenanceDue is { } due && (r.LastMaintainedOn is null || due < today));
        }).ToList();
        return new PortalDevicePage(items, page, size, total);
    }

    public async Task<PortalCertificates> CertificatesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var organisations = Organisations(user);
        if (organisations.Length == 0)
        {
            return new PortalCertificates([], []);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        // Expired within the last year still shows: it is what most needs doing.
        var since = timeProvider.Today().AddYears(-1);
        var licences = await db.Licences.AsNoTracking()
            .Where(l => organisations.Contains(l.OrganisationId) && l.CancelledOn == null && l.ExpiresOn >= since)
            .OrderBy(l => l.ExpiresOn).Take(200)
            .Select(l => new { l.Number, l.Scope, l.IssuedOn, l.ExpiresOn })
            .ToListAsync(cancellationToken);
        var certificates = await (
                from c in db.OperatorCertificates.AsNoTracking()
                join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                where p.OrganisationId != null && organisations.Contains(p.OrganisationId.Value) && !c.Revoked && c.ExpiresOn >= since
                orderby c.ExpiresOn, c.Id
                select new { c.Number, p.Name, c.ItemCode, c.ExpiresOn })
            .Take(500)
            .ToListAsync(cancellationToken);
        var rules = options.Value.Certificates;
        return new PortalCertificates(
            [.. licences.Select(l => new PortalLicence(l.Number, l.Scope, l.IssuedOn, l.ExpiresOn, l.ExpiresOn.AddMonths(-LicenceRenewalMonths)))],
            [.. certificates.Select(c => new PortalOperatorCertificate(
                c.Number, c.Name, c.ItemCode, c.ItemCode is null ? null : Supervision.People.OperatorItems.Current.GetValueOrDefault(c.ItemCode),
                c.ExpiresOn, rules.ApplyBy(c.ExpiresOn)))]);
    }

    public async Task<string?> CertificatePdfUrlAsync(ClaimsPrincipal user, string certificateNumber, CancellationToken cancellationToken)
    {
        var organisations = Organisations(user);
        if (organisations.Length == 0 || string.IsNullOrWhiteSpace(certificateNumber))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var exists = await db.ElectronicCertificates.AsNoTracking().AnyAsync(c => c.Kind == ElectronicCertificateKind.UseRegistration
            && c.Number == certificateNumber && c.Pdf != null && organisations.Contains(c.OrganisationId), cancellationToken);
        return exists ? PdfUrl(certificateNumber) : null;
    }

    // The organisations the caller acts for; the certificate API checks the same scope again on download.
    private static long[] Organisations(ClaimsPrincipal user) => [.. CallerScopes.From(user).OrganisationIds];

    private static string PdfUrl(string number) => $"/api/certificates/{Uri.EscapeDataString(number)}/pdf";
}
