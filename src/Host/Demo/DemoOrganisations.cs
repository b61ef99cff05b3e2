using System.Globalization;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Demo;

/// <summary>
/// The registry rows behind the demo accounts' organisations (<see cref="DemoUsers"/>): the generated
/// province numbers its organisations 1…N with random roles and cities, so without this the demo
/// enterprise would own nobody's devices and the demo inspection body would not be one. Written after
/// the generated seed, over whatever row had the id; idempotent.
/// </summary>
internal static class DemoOrganisations
{
    /// <summary>西湖区, where the demo user unit sits and the demo county regulator supervises.</summary>
    public const string County = "330106";

    /// <summary>How many 西湖区 devices the demo user unit operates.</summary>
    public const int UserUnitDevices = 12;

    public static async Task EnsureAsync(RegistryDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var street = await db.Regions.Where(r => r.Level == RegionLevel.Street && r.Code.StartsWith(County))
                         .OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(cancellationToken)
                     ?? County + "001000";
        await UpsertAsync(db, DemoUsers.InspectionBodyId, "演示检验检测机构（西湖区特种设备检验所）", OrganisationRoles.InspectionBody, street, "0571-87000001", cancellationToken);
        await UpsertAsync(db, DemoUsers.UserUnitId, "演示使用单位（杭州西湖示范物业有限公司）", OrganisationRoles.UserUnit, street, null, cancellationToken);
        await UpsertAsync(db, DemoUsers.ProducerId, "演示生产单位（浙江示范电梯有限公司）", OrganisationRoles.Manufacturer | OrganisationRoles.Installer | OrganisationRoles.MaintenanceUnit, street, "0571-87000003", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await EnsureLicenceAsync(db, DemoUsers.InspectionBodyId, "TS7330001", "特种设备检验检测", today, cancellationToken);
        await EnsureLicenceAsync(db, DemoUsers.ProducerId, "TS2330001", "特种设备制造 安装改造修理", today, cancellationToken);

        if (!await db.Devices.AnyAsync(d => d.UserOrganisationId == DemoUsers.UserUnitId, cancellationToken))
        {
            // Prefer devices in 西湖区 so that the demo county regulator supervises them; a small seed
            // may have few there, so the rest of 杭州 makes up the number.
            var devices = await db.Devices.Where(d => d.RegionCode.StartsWith(County)).OrderBy(d => d.Id).Take(UserUnitDevices).ToListAsync(cancellationToken);
            if (devices.Count < UserUnitDevices)
            {
                var taken = devices.Select(d => d.Id).ToList();
                devices.AddRange(await db.Devices.Where(d => d.RegionCode.StartsWith("3301") && !taken.Contains(d.Id))
                    .OrderBy(d => d.Id).Take(UserUnitDevices - devices.Count).ToListAsync(cancellationToken));
            }

            foreach (var device in devices)
            {
                device.UserOrganisationId = DemoUsers.UserUnitId;
                device.MaintenanceOrganisationId ??= DemoUsers.ProducerId;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task UpsertAsync(RegistryDbContext db, long id, string name, OrganisationRoles roles, string street, string? phone, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FindAsync([id], cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation { Id = id, CreditCode = string.Empty, Name = name, RegionCode = street };
            db.Organisations.Add(organisation);
        }

        // "DEMA" and the id keep these codes apart from the generated ones, which carry a base-31 id.
        organisation.CreditCode = CreditCode.Create(string.Create(CultureInfo.InvariantCulture, $"91{County}DEMA{id:00000}")).Value;
        organisation.Name = name;
        organisation.Roles = roles;
        organisation.RegionCode = street;
        organisation.Address = "杭州市西湖区文三路 1 号（演示）";
        organisation.DutyPhone = phone;
    }

    private static async Task EnsureLicenceAsync(RegistryDbContext db, long organisationId, string number, string scope, DateOnly today, CancellationToken cancellationToken)
    {
        if (await db.Licences.AnyAsync(l => l.OrganisationId == organisationId && l.CancelledOn == null && l.ExpiresOn >= today, cancellationToken))
        {
            return;
        }

        var next = (await db.Licences.MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0) + 1;
        db.Licences.Add(new Licence
        {
            Id = next,
            OrganisationId = organisationId,
            Number = string.Create(CultureInfo.InvariantCulture, $"{number}-{today.Year + 4}"),
            Scope = scope,
            IssuedOn = today,
            ExpiresOn = today.AddYears(4).AddDays(-1),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
