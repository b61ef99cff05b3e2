using ApprovalHub.Host.Security.Scope;
using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Registry;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>
/// Scope is enforced below the UI: a Hangzhou regulator, swapped in through
/// <see cref="ICallerScopeAccessor"/> as identity (#6) will do, sees Hangzhou only, whatever URL it types.
/// </summary>
public abstract class RegistryScopeTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_city_regulator_sees_its_city_only()
    {
        using var hangzhou = await ClientForAsync(AccessScope.Restricted("3301", []));
        using var everyone = database.Factory.CreateClientFor(SignedInClients.Admin);

        var visible = await hangzhou.GetFromJsonAsync<DevicePage>("/api/registry/devices?limit=500", Json.Options, Cancellation);
        Assert.NotEmpty(visible!.Items);
        Assert.All(visible.Items, d => Assert.StartsWith("3301", d.RegionCode, StringComparison.Ordinal));

        var elsewhere = (await everyone.GetFromJsonAsync<DevicePage>("/api/registry/devices?region=330200&limit=1", Json.Options, Cancellation))!.Items.Single();
        Assert.Equal(HttpStatusCode.NotFound, (await hangzhou.GetAsync($"/api/registry/devices/{elsewhere.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hangzhou.GetAsync($"/api/registry/devices/{elsewhere.Id}/timeline", Cancellation)).StatusCode);
        Assert.Empty((await hangzhou.GetFromJsonAsync<DevicePage>($"/api/registry/devices?code={elsewhere.EquipmentCode}", Json.Options, Cancellation))!.Items);

        Assert.Equal(HttpStatusCode.OK, (await hangzhou.GetAsync("/api/registry/regions/330106/rollup", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hangzhou.GetAsync("/api/registry/regions/330000/rollup", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task An_organisation_sees_the_devices_it_uses_or_maintains_wherever_they_are()
    {
        using var everyone = database.Factory.CreateClientFor(SignedInClients.Admin);
        var sample = (await everyone.GetFromJsonAsync<DevicePage>("/api/registry/devices?limit=1", Json.Options, Cancellation))!.Items.Single();
        using var unit = await ClientForAsync(AccessScope.Restricted(null, [sample.UserOrganisationId]));

        var visible = await unit.GetFromJsonAsync<DevicePage>("/api/registry/devices?limit=500", Json.Options, Cancellation);

        Assert.Contains(visible!.Items, d => d.Id == sample.Id);
        var details = await Task.WhenAll(visible.Items.Select(d => unit.GetFromJsonAsync<DeviceDetails>($"/api/registry/devices/{d.Id}", Json.Options, Cancellation)));
        Assert.All(details, d => Assert.True(
            d!.UserOrganisation?.Id == sample.UserOrganisationId || d.MaintenanceOrganisation?.Id == sample.UserOrganisationId
            || d.InspectionOrganisation?.Id == sample.UserOrganisationId));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/registry/regions/330100/rollup", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_caller_cannot_register_a_device_outside_its_scope()
    {
        using var everyone = database.Factory.CreateClientFor(SignedInClients.Admin);
        var ningbo = (await everyone.GetFromJsonAsync<DevicePage>("/api/registry/devices?region=330200&limit=1", Json.Options, Cancellation))!.Items.Single();
        var owner = await everyone.GetFromJsonAsync<DeviceDetails>($"/api/registry/devices/{ningbo.Id}", Json.Options, Cancellation);
        using var hangzhou = await ClientForAsync(AccessScope.Restricted("3301", []));

        var response = await hangzhou.PostAsJsonAsync("/api/registry/devices", new
        {
            equipmentCode = $"311033099{DateTime.UtcNow.Year}{Random.Shared.Next(0, 100_000):D5}",
            catalogCode = "3110",
            regionCode = ningbo.RegionCode,
            address = "测试路2号",
            userUnitCreditCode = owner!.UserOrganisation!.CreditCode,
        }, Json.Options, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scope does not cover", await response.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<HttpClient> ClientForAsync(AccessScope scope)
    {
        var client = database.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICallerScopeAccessor>(_ => new FixedScope(scope)))).CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await database.Factory.TokenAsync(SignedInClients.Admin));
        return client;
    }

    // The registry's own filtering under a given scope; how a user's roles map to a scope is tested in Security/.
    private sealed class FixedScope(AccessScope scope) : ICallerScopeAccessor
    {
        public AccessScope Current => scope;
    }
}

public sealed class SqliteRegistryScopeTests(SqliteDatabase database)
    : RegistryScopeTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresRegistryScopeTests(PostgresDatabase database)
    : RegistryScopeTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
