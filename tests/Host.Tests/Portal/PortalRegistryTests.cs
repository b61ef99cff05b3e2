using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Portal;

/// <summary>
/// What the portal reads from the registry: only the devices, certificates and messages of the
/// organisations the caller acts for, with their due dates. Both stores.
/// </summary>
public abstract class PortalRegistryTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string OverdueLift = "3110TC001202690001";
    private const string DueSoonBoiler = "1110TC001202690002";
    private const string FineVessel = "2110TC001202690003";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<TestDatabase> Prepared = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Enterprise = TestPrincipals.User("demo.enterprise", "enterprise", CaseWorld.UserUnit, "330106");
    private static readonly ClaimsPrincipal OtherEnterprise = TestPrincipals.User(CaseWorld.OtherEnterprise, "enterprise", CaseWorld.OtherUnit, "330102");
    private static readonly ClaimsPrincipal Maintainer = TestPrincipals.User(CaseWorld.MaintenanceUser, "enterprise", CaseWorld.Maintainer, "330106");
    private static readonly ClaimsPrincipal County = TestPrincipals.User("demo.county", "regulator", regionCode: "330106");

    private static DateOnly Today => TimeProvider.System.Today();

    private IPortalRegistry Registry => database.Factory.Services.GetRequiredService<IPortalRegistry>();

    private IPortalNotifications Notifications => database.Factory.Services.GetRequiredService<IPortalNotifications>();

    [Fact]
    public async Task An_enterprise_sees_its_own_devices_with_their_due_dates_the_most_urgent_first()
    {
        await PrepareAsync();

        var page = await Registry.DevicesAsync(Enterprise, new PortalDeviceQuery(), Cancellation);

        Assert.Equal([OverdueLift, DueSoonBoiler, FineVessel, CaseWorld.XihuLift], page.Items.Select(d => d.EquipmentCode));
        var lift = page.Items[0];
        Assert.True(lift.InspectionOverdue);
        Assert.Equal(Today.AddDays(-3).AddMonths(-1), lift.ApplyForInspectionBy);
        Assert.Equal(Today.AddDays(-20).AddDays(15), lift.MaintenanceDueBy);
        Assert.True(lift.MaintenanceOverdue);
        Assert.Null(page.Items[1].MaintenanceDueBy);
        Assert.Equal($"/api/certificates/{Uri.EscapeDataString("梯11浙A90001(26)")}/pdf", lift.CertificatePdfUrl);
        Assert.Null(page.Items[1].CertificatePdfUrl);
    }

    [Fact]
    public async Task The_filters_keep_what_is_overdue_or_falls_due_within_a_month()
    {
        await PrepareAsync();

        var overdue = await Registry.DevicesAsync(Enterprise, new PortalDeviceQuery { Filter = PortalDeviceFilter.Overdue }, Cancellation);
        var soon = await Registry.DevicesAsync(Enterprise, new PortalDeviceQuery { Filter = PortalDeviceFilter.DueSoon }, Cancellation);
        var searched = await Registry.DevicesAsync(Enterprise, new PortalDeviceQuery { Q = "锅炉房" }, Cancellation);

        // The CaseWorld lift has never been maintained: as a lift in use it is overdue too.
        Assert.Equal([OverdueLift, CaseWorld.XihuLift], overdue.Items.Select(d => d.EquipmentCode));
        Assert.Equal([OverdueLift, DueSoonBoiler, CaseWorld.XihuLift], soon.Items.Select(d => d.EquipmentCode));
        Assert.Equal([DueSoonBoiler], searched.Items.Select(d => d.EquipmentCode));
    }

    [Fact]
    public async Task Devices_are_paged_with_a_total()
    {
        await PrepareAsync();

        var page = await Registry.DevicesAsync(Enterprise, new PortalDeviceQuery { Page = 2, PageSize = 3 }, Cancellation);

        Assert.Equal(4, page.Total);
        Assert.Equal([CaseWorld.XihuLift], page.Items.Select(d => d.EquipmentCode));
    }

    [Fact]
    public async Task Another_enterprise_a_regulator_and_the_public_see_none_of_them_but_the_maintenance_unit_sees_what_it_maintains()
    {
        await PrepareAsync();

        var other = await Registry.DevicesAsync(OtherEnterprise, new PortalDeviceQuery(), Cancellation);
        var county = await Registry.DevicesAsync(County, new PortalDeviceQuery(), Cancellation);
        var anonymous = await Registry.DevicesAsync(TestPrincipals.Anonymous, new PortalDeviceQuery(), Cancellation);
        var maintainer = await Registry.DevicesAsync(Maintainer, new PortalDeviceQuery(), Cancellation);

        Assert.Equal([CaseWorld.ShangchengLift], other.Items.Select(d => d.EquipmentCode));
        Assert.Empty(county.Items);
        Assert.Empty(anonymous.Items);
        Assert.Equal([OverdueLift, CaseWorld.XihuLift], maintainer.Items.Select(d => d.EquipmentCode));
        // The maintainer does not hold the certificate: no download link for it.
        Assert.Null(maintainer.Items[0].CertificatePdfUrl);
    }

    [Fact]
    public async Task A_certificate_pdf_is_offered_to_its_holder_only()
    {
        await PrepareAsync();

        Assert.NotNull(await Registry.CertificatePdfUrlAsync(Enterprise, "梯11浙A90001(26)", Cancellation));
        Assert.Null(await Registry.CertificatePdfUrlAsync(OtherEnterprise, "梯11浙A90001(26)", Cancellation));
        Assert.Null(await Registry.CertificatePdfUrlAsync(County, "梯11浙A90001(26)", Cancellation));
        Assert.Null(await Registry.CertificatePdfUrlAsync(Enterprise, "锅11浙A90002(26)", Cancellation));
    }

    [Fact]
    public async Task Licences_and_operator_certificates_of_the_own_organisation_show_when_to_renew()
    {
        await PrepareAsync();

        var mine = await Registry.CertificatesAsync(Enterprise, Cancellation);
        var others = await Registry.CertificatesAsync(OtherEnterprise, Cancellation);

        var licence = Assert.Single(mine.Licences);
        Assert.Equal("TS3390001-2026", licence.Number);
        Assert.Equal(licence.ExpiresOn.AddMonths(-6), licence.ApplyForRenewalBy);
        var certificate = Assert.Single(mine.OperatorCertificates);
        Assert.Equal("门户测试作业人员", certificate.PersonName);
        Assert.Equal(certificate.ExpiresOn.AddMonths(-1), certificate.ApplyForRenewalBy);
        Assert.Empty(others.Licences);
        Assert.Empty(others.OperatorCertificates);
    }

    [Fact]
    public async Task Messages_are_the_readers_own_and_only_they_mark_them_read()
    {
        await PrepareAsync();
        long id;
        await using (var scope = database.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var notification = new Notification
            {
                InstanceId = Guid.NewGuid(),
                ProcessKey = "unit_11_use_registration",
                ElementId = "Notify_result",
                RecipientUser = "demo.enterprise",
                Title = "使用登记已办结",
                Body = "您的使用登记申请已通过。",
                Decision = "approve",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(Cancellation);
            id = notification.Id;
        }

        var mine = await Notifications.RecentAsync(Enterprise, 10, Cancellation);
        Assert.Contains(mine.Items, n => n.Id == id && n.ReadAt is null);
        Assert.DoesNotContain((await Notifications.RecentAsync(OtherEnterprise, 10, Cancellation)).Items, n => n.Id == id);

        Assert.False(await Notifications.MarkReadAsync(OtherEnterprise, id, Cancellation));
        Assert.True(await Notifications.MarkReadAsync(Enterprise, id, Cancellation));
        Assert.NotNull((await Notifications.RecentAsync(Enterprise, 10, Cancellation)).Items.Single(n => n.Id == id).ReadAt);
    }

    // The rows these tests read, added once per database: devices of the demo enterprise falling due
    // in different ways, a certificate PDF, a licence and an operator certificate.
    private async Task PrepareAsync()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        await Once.WaitAsync(Cancellation);
        try
        {
            if (!Prepared.Add(database))
            {
                return;
            }

            await using var scope = database.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var lift = Device(OverdueLift, EquipmentCategory.Lift, "3110", "测试大厦2号梯", Today.AddDays(-3), Today.AddDays(-20), CaseWorld.Maintainer);
            lift.UseCertificateNumber = "梯11浙A90001(26)";
            var boiler = Device(DueSoonBoiler, EquipmentCategory.Boiler, "1110", "测试锅炉房", Today.AddDays(40), null, null);
            boiler.UseCertificateNumber = "锅11浙A90002(26)";
            db.Devices.AddRange(lift, boiler, Device(FineVessel, EquipmentCategory.PressureVessel, "2110", "测试车间", Today.AddYears(2), null, null));
            await db.SaveChangesAsync(Cancellation);

            db.ElectronicCertificates.Add(new ElectronicCertificate
            {
                Kind = ElectronicCertificateKind.UseRegistration, Number = "梯11浙A90001(26)", OrganisationId = CaseWorld.UserUnit, DeviceId = lift.Id,
                IssuedOn = Today, Pdf = "%PDF-1.7"u8.ToArray(),
            });
            db.Licences.Add(new Licence { OrganisationId = CaseWorld.UserUnit, Number = "TS3390001-2026", Scope = "电梯安装", IssuedOn = Today.AddYears(-3), ExpiresOn = Today.AddYears(1) });
            var person = new Person
            {
                Name = "门户测试作业人员", IdNumberMasked = "330106********123X", IdNumberFingerprint = $"portal-test-{Guid.NewGuid():N}",
                OrganisationId = CaseWorld.UserUnit, RegionCode = CaseWorld.XihuStreet,
            };
            db.People.Add(person);
            await db.SaveChangesAsync(Cancellation);
            db.OperatorCertificates.Add(new OperatorCertificate { PersonId = person.Id, ItemCode = "T", Number = $"T{Guid.NewGuid():N}"[..18], IssuedOn = Today.AddYears(-4).AddDays(60), ExpiresOn = Today.AddDays(59) });
            await db.SaveChangesAsync(Cancellation);
        }
        finally
        {
            Once.Release();
        }
    }

    private static Device Device(string code, EquipmentCategory category, string catalog, string address, DateOnly validUntil, DateOnly? maintainedOn, long? maintainer) => new()
    {
        EquipmentCode = code,
        CatalogCode = catalog,
        Category = category,
        Status = EquipmentStatus.InUse,
        RegionCode = CaseWorld.XihuStreet,
        Address = address,
        UserOrganisationId = CaseWorld.UserUnit,
        MaintenanceOrganisationId = maintainer,
        InspectionValidUntil = validUntil,
        LastMaintainedOn = maintainedOn,
    };
}

public sealed class SqlitePortalRegistryTests(SqliteDatabase database)
    : PortalRegistryTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresPortalRegistryTests(PostgresDatabase database)
    : PortalRegistryTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
