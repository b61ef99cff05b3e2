using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>The demo accounts' organisations are real registry rows: the enterprise operates devices in 西湖区, the inspector is an inspection body.</summary>
public sealed class DemoOrganisationsTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_demo_organisation_exists_with_its_role_and_the_user_unit_operates_devices()
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == DemoUsers.InspectionBodyId || o.Id == DemoUsers.UserUnitId || o.Id == DemoUsers.ProducerId)
            .ToDictionaryAsync(o => o.Id, Cancellation);
        var devices = await db.Devices.AsNoTracking().Where(d => d.UserOrganisationId == DemoUsers.UserUnitId).ToListAsync(Cancellation);

        Assert.True(organisations[DemoUsers.InspectionBodyId].Roles.HasFlag(OrganisationRoles.InspectionBody));
        Assert.True(organisations[DemoUsers.UserUnitId].Roles.HasFlag(OrganisationRoles.UserUnit));
        Assert.True(organisations[DemoUsers.ProducerId].Roles.HasFlag(OrganisationRoles.Manufacturer));
        Assert.All(organisations.Values, o => Assert.StartsWith(DemoOrganisations.County, o.RegionCode, StringComparison.Ordinal));
        Assert.Equal(DemoOrganisations.UserUnitDevices, devices.Count);
        Assert.All(devices, d => Assert.StartsWith("3301", d.RegionCode, StringComparison.Ordinal));
        Assert.True(await db.Licences.AnyAsync(l => l.OrganisationId == DemoUsers.ProducerId, Cancellation));
    }
}
