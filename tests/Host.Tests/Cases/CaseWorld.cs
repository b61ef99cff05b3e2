using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// The registry rows and accounts the case tests act on, added once per test host: the demo
/// organisations (the demo accounts point at ids the small test seed does not reach), a device of
/// the demo user unit in 西湖区 and one of another unit in 上城区, and a few more officials.
/// </summary>
internal static class CaseWorld
{
    /// <summary>演示使用单位 (demo.enterprise), 西湖区.</summary>
    public const long UserUnit = DemoUsers.UserUnitId;

    /// <summary>演示检验检测机构 (demo.inspector).</summary>
    public const long InspectionBody = DemoUsers.InspectionBodyId;

    public const string InspectionBodyName = "演示检验检测机构";

    /// <summary>A user unit in 上城区 (test.enterprise.sc).</summary>
    public const long OtherUnit = 2002;

    /// <summary>A maintenance unit (test.maintainer): maintains the 西湖区 lift.</summary>
    public const long Maintainer = 3002;

    /// <summary>A lift of the demo user unit in 西湖区 (330106001000), inspected by the demo inspection body.</summary>
    public const string XihuLift = "3110TC001202600001";

    /// <summary>A lift of another unit in 上城区 (330102001000).</summary>
    public const string ShangchengLift = "3110TC001202600002";

    public const string XihuStreet = "330106001000";

    public const string Password = "Case-Tests-2026";

    /// <summary>Another Hangzhou city official (transfers, copies).</summary>
    public const string SecondCityOfficial = "test.city.hz2";

    /// <summary>A city official of 宁波 (330200): same group as 杭州's, other region.</summary>
    public const string NingboCityOfficial = "test.city.nb";

    /// <summary>An enterprise user of <see cref="OtherUnit"/>.</summary>
    public const string OtherEnterprise = "test.enterprise.sc";

    /// <summary>A user of the maintenance unit <see cref="Maintainer"/> (enterprise role).</summary>
    public const string MaintenanceUser = "test.maintainer";

    private static readonly ConditionalWeakTable<ApprovalHubFactory, Task> Ready = new();

    /// <summary>Adds the rows and accounts once per host.</summary>
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
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            registry.Organisations.AddRange(
                Organisation(UserUnit, "演示使用单位", OrganisationRoles.UserUnit, XihuStreet, 1),
                Organisation(InspectionBody, InspectionBodyName, OrganisationRoles.InspectionBody, "330100", 2),
                Organisation(OtherUnit, "上城测试使用单位", OrganisationRoles.UserUnit, "330102001000", 3),
                Organisation(Maintainer, "西湖测试维保单位", OrganisationRoles.MaintenanceUnit, XihuStreet, 4));
            registry.Devices.AddRange(
                Device(XihuLift, XihuStreet, UserUnit, Maintainer, InspectionBody),
                Device(ShangchengLift, "330102001000", OtherUnit, null, null));
            await registry.SaveChangesAsync(CancellationToken.None);
        }

        using var admin = factory.CreateClientFor(SignedInClients.Admin);
        await CreateUserAsync(admin, SecondCityOfficial, "杭州市监管局 测试科员", "regulator", "330100", null);
        await CreateUserAsync(admin, NingboCityOfficial, "宁波市监管局 测试科员", "regulator", "330200", null);
        await CreateUserAsync(admin, OtherEnterprise, "上城测试使用单位", "enterprise", "330102", OtherUnit);
        await CreateUserAsync(admin, MaintenanceUser, "西湖测试维保单位", "enterprise", "330106", Maintainer);
    }

    private static async Task CreateUserAsync(HttpClient admin, string userName, string displayName, string role, string? region, long? organisation)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName,
            displayName,
            password = Password,
            roles = new[] { role },
            regionCode = region,
            organisationId = organisation,
        }, CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"creating {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
    }

    /// <summary>A client signed in as one of this world's users.</summary>
    public static HttpClient ClientFor(ApprovalHubFactory factory, string userName) =>
        userName.StartsWith("test.", StringComparison.Ordinal) ? factory.CreateClientFor(userName, Password) : factory.CreateClientFor(userName);

    private static Organisation Organisation(long id, string name, OrganisationRoles roles, string region, int n) => new()
    {
        Id = id,
        CreditCode = Supervision.Codes.CreditCode.Create($"91330106MA2CAXE{n:00}").ToString(),
        Name = name,
        Roles = roles,
        RegionCode = region,
        Address = "杭州市测试路1号",
    };

    private static Device Device(string code, string region, long user, long? maintainer, long? inspector) => new()
    {
        EquipmentCode = code,
        CatalogCode = "3110",
        Category = EquipmentCategory.Lift,
        Status = EquipmentStatus.InUse,
        RegionCode = region,
        Address = "测试大厦1号梯",
        UserOrganisationId = user,
        MaintenanceOrganisationId = maintainer,
        InspectionOrganisationId = inspector,
    };

    /// <summary>Reads a JSON body as an object (for answers the test inspects loosely).</summary>
    public static async Task<JsonObject> ObjectAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None)
        ?? throw new InvalidOperationException($"Empty body (HTTP {(int)response.StatusCode}).");
}
