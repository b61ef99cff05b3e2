using System.Globalization;
using System.Runtime.CompilerServices;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>What a journey's device must look like before the applicant applies.</summary>
internal enum DeviceState
{
    /// <summary>The unit is about no device (licences, operators, staff).</summary>
    None,

    /// <summary>A new 设备代码 the registry does not know yet (first registration, product data sheet, installation notice).</summary>
    New,

    /// <summary>On file and 在建: installed, not yet registered (supervisory inspection).</summary>
    UnderConstruction,

    /// <summary>在用 with its use-registration certificate.</summary>
    InUse,

    /// <summary>停用 by its user unit.</summary>
    Suspended,

    /// <summary>Stopped after a failed periodic inspection, waiting for rectification.</summary>
    Failed,
}

/// <summary>
/// The registry rows the unit journeys need on top of <see cref="CaseWorld"/>, added once per
/// test host: the demo producer (3001), which manufactures, installs and maintains lifts and holds
/// licences in force, and, per journey, a fresh device or licence of its own, so that journeys
/// never see each other's state.
/// </summary>
internal static class JourneyWorld
{
    /// <summary>演示生产单位 (demo.producer): manufacturer, installer and maintenance unit, 西湖区.</summary>
    public const long Producer = DemoUsers.ProducerId;

    public const string ProducerName = "演示生产单位";

    /// <summary>The producer's installation/repair licence, in force.</summary>
    public const string InstallationLicence = "TS3310001-2025";

    private static readonly ConditionalWeakTable<ApprovalHubFactory, Task> Ready = new();

    private static int _sequence = Random.Shared.Next(1, 40_000);

    /// <summary>Today in China, the day the handlers date their records.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The 统一社会信用代码 the world gives organisation <paramref name="n"/> (CaseWorld numbers its own 1–4).</summary>
    public static string Credit(int n) => CreditCode.Create($"91330106MA2CAXE{n:00}").ToString();

    /// <summary>The credit codes of the organisations the journeys act for.</summary>
    public static string CreditOf(long organisation) => organisation switch
    {
        CaseWorld.UserUnit => Credit(1),
        CaseWorld.InspectionBody => Credit(2),
        CaseWorld.OtherUnit => Credit(3),
        CaseWorld.Maintainer => Credit(4),
        Producer => Credit(5),
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, "Not an organisation of the journey world."),
    };

    /// <summary>Adds the rows once per host (after <see cref="CaseWorld"/>'s).</summary>
    public static Task EnsureAsync(ApprovalHubFactory factory)
    {
        lock (Ready)
        {
            if (!Ready.TryGetValue(factory, out var ready))
            {
                ready = CreateAsync(factory);
                Ready.Add(factory, ready);
            }

            return ready;
        }
    }

    private static async Task CreateAsync(ApprovalHubFactory factory)
    {
        await CaseWorld.EnsureAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        registry.Organisations.Add(new Organisation
        {
            Id = Producer,
            CreditCode = Credit(5),
            Name = ProducerName,
            Roles = OrganisationRoles.Manufacturer | OrganisationRoles.Installer | OrganisationRoles.MaintenanceUnit,
            RegionCode = CaseWorld.XihuStreet,
            Address = "杭州市西湖区测试路5号",
        });
        registry.Licences.Add(new Licence
        {
            OrganisationId = Producer,
            Number = InstallationLicence,
            Scope = "安装、改造、修理（电梯）",
            IssuedOn = Today.AddYears(-1),
            ExpiresOn = Today.AddYears(3),
        });
        await registry.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A 设备代码 no other journey uses (catalog 3110 lifts unless told).</summary>
    public static string NewCode(string catalog = "3110") =>
        EquipmentCode.Create(CatalogCode.Parse(catalog), "30001", 2026, Interlocked.Increment(ref _sequence)).Value;

    /// <summary>
    /// A lift of the demo user unit in 西湖区 in <paramref name="state"/>: maintained by the demo
    /// producer, last inspected by the demo inspection body. Returns its code and certificate number.
    /// </summary>
    public static async Task<(string Code, string? Certificate)> DeviceAsync(ApprovalHubFactory factory, DeviceState state, long? maintainer = Producer)
    {
        var code = NewCode();
        if (state is DeviceState.None or DeviceState.New)
        {
            return (code, null);
        }

        var registered = state != DeviceState.UnderConstruction;
        var certificate = registered ? $"梯11浙A{Interlocked.Increment(ref _sequence) % 100_000:00000}(24)" : null;
        await using var scope = factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        registry.Devices.Add(new Device
        {
            EquipmentCode = code,
            CatalogCode = "3110",
            Category = EquipmentCategory.Lift,
            Status = state switch
            {
                DeviceState.UnderConstruction => EquipmentStatus.UnderConstruction,
                DeviceState.Suspended or DeviceState.Failed => EquipmentStatus.Suspended,
                _ => EquipmentStatus.InUse,
            },
            RegionCode = CaseWorld.XihuStreet,
            Address = $"西湖区文三路{code[^3..]}号1号梯",
            UserOrganisationId = CaseWorld.UserUnit,
            MaintenanceOrganisationId = maintainer,
            InspectionOrganisationId = CaseWorld.InspectionBody,
            ManufacturerOrganisationId = Producer,
            ManufacturedOn = new DateOnly(2023, 3, 1),
            InstalledOn = registered ? new DateOnly(2023, 6, 1) : null,
            FirstUsedOn = registered ? new DateOnly(2023, 6, 10) : null,
            UseCertificateNumber = certificate,
            LastInspectedOn = registered ? Today.AddMonths(-11) : null,
            LastInspectionResult = state == DeviceState.Failed ? InspectionResult.Fail : registered ? InspectionResult.Pass : null,
            InspectionValidUntil = registered ? Today.AddDays(25) : null,
            NextDueOn = registered ? Today.AddDays(25) : null,
        });
        await registry.SaveChangesAsync(CancellationToken.None);
        return (code, certificate);
    }

    /// <summary>A licence of the producer of its own (renewal, change and cancellation each act on one), expiring in <paramref name="months"/>.</summary>
    public static async Task<string> LicenceAsync(ApprovalHubFactory factory, int months = 5)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"TS1{Interlocked.Increment(ref _sequence):000000}-2023");
        await using var scope = factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        registry.Licences.Add(new Licence
        {
            OrganisationId = Producer,
            Number = number,
            Scope = "制造（电梯）",
            IssuedOn = Today.AddMonths(months).AddYears(-4).AddDays(1),
            ExpiresOn = Today.AddMonths(months),
        });
        await registry.SaveChangesAsync(CancellationToken.None);
        return number;
    }

    /// <summary>Reads the registry directly, for the few effects no API shows (a cancelled licence, safety staff).</summary>
    public static async Task<T> RegistryAsync<T>(ApprovalHubFactory factory, Func<RegistryDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    /// <summary>The registry id of a device.</summary>
    public static Task<long> DeviceIdAsync(ApprovalHubFactory factory, string code) =>
        RegistryAsync(factory, db => db.Devices.AsNoTracking().Where(d => d.EquipmentCode == code).Select(d => d.Id).SingleAsync(CancellationToken.None));
}
