using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Traceability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Certificates;

/// <summary>
/// Hands out 使用登记证编号 and issues the electronic certificate (PDF with the 使用标志 and QR
/// code) inside the caller's transaction.
/// </summary>
public sealed class UseCertificateIssuer(RegistryDbContext db, IOptions<RegistryOptions> options, CertificateFonts fonts, TimeProvider timeProvider)
{
    /// <summary>
    /// A new number for <paramref name="device"/>: its category character and variety digits, the
    /// province, the city letter of its region, the next serial of that series this year.
    /// </summary>
    public async Task<string> AllocateNumberAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var format = options.Value.UseCertificate;
        var catalog = CatalogCode.Parse(device.CatalogCode);
        var character = format.CharacterFor(device.Category)
                        ?? throw new InvalidOperationException($"Registry:UseCertificate:Characters has no character for {device.Category.ChineseName()}.");
        var city = format.CityLetterFor(device.RegionCode)
                   ?? throw new InvalidOperationException($"Registry:UseCertificate:CityLetters has no letter for the city of region {device.RegionCode}.");
        var year = timeProvider.Today().Year % 100;
        var series = $"use-certificate:{character}{catalog.Value[1..3]}{format.Province}{city}:{year:00}";
        while (true)
        {
            // Numbers already on file (imported or seeded) are skipped, not reissued.
            var serial = await db.NextNumberAsync(series, cancellationToken);
            var number = UseCertificateNumber.Create(character, catalog, format.Province, city, checked((int)serial), year).Value;
            if (!await db.Devices.AnyAsync(d => d.UseCertificateNumber == number, cancellationToken))
            {
                return number;
            }
        }
    }

    /// <summary>
    /// Issues the e-certificate <paramref name="number"/> for <paramref name="device"/> (and, for a
    /// registration per unit, the <paramref name="furtherCodes"/> under the same number); earlier
    /// certificates of the device are superseded today.
    /// </summary>
    public async Task<ElectronicCertificate> IssueAsync(Device device, string number, IReadOnlyList<string> furtherCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var font = fonts.Current;
        var now = timeProvider.GetUtcNow();
        var today = timeProvider.Today();
        foreach (var earlier in await db.ElectronicCertificates
                     .Where(c => c.DeviceId == device.Id && c.Kind == ElectronicCertificateKind.UseRegistration && c.SupersededOn == null)
                     .ToListAsync(cancellationToken))
        {
            earlier.SupersededOn = today;
        }

        var organisationIds = new[] { device.UserOrganisationId, device.MaintenanceOrganisationId ?? 0 };
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var cityCode = RegionCodes.AncestorAt(device.RegionCode, RegionLevel.City);
        var cityName = await db.Regions.Where(r => r.Code == cityCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? cityCode;
        var settings = options.Value;
        var sign = new UseSign
        {
            CertificateNumber = number,
            EquipmentCode = device.EquipmentCode,
            Category = device.Category.ChineseName(),
            CatalogCode = device.CatalogCode,
            UserOrganisation = names.GetValueOrDefault(device.UserOrganisationId) ?? $"单位 {device.UserOrganisationId}",
            Address = device.Address,
            RegistrationAuthority = $"{cityName}市场监督管理局",
            NextInspectionOn = device.NextDueOn,
            MaintenanceOrganisation = device.MaintenanceOrganisationId is { } maintainer ? names.GetValueOrDefault(maintainer) : null,
            RescueCode = device.RescueCode,
            Hotline = settings.HotlineFor(device.RegionCode),
            PublicUrl = DeviceQrCode.PublicUrl(settings.PublicBaseUrl is { Length: > 0 } configured ? configured : RegistryOptions.FallbackPublicBaseUrl, device.EquipmentCode),
            IssuedOn = today,
            FurtherEquipmentCodes = furtherCodes,
        };

        var certificate = new ElectronicCertificate
        {
            Kind = ElectronicCertificateKind.UseRegistration,
            Number = number,
            OrganisationId = device.UserOrganisationId,
            DeviceId = device.Id,
            IssuedOn = today,
            Pdf = UseCertificatePdf.Render(sign, font, now),
            SignDetails = sign.ToJson(),
        };
        db.ElectronicCertificates.Add(certificate);
        return certificate;
    }
}
