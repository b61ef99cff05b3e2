using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>Without demo mode the registry is empty, but it knows Zhejiang's regions from the first start.</summary>
public sealed class RegionTableTests : IAsyncDisposable
{
    private const string AdminPassword = "Zhejiang-Admin-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalhub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_production_start_loads_the_shipped_regions_and_no_devices()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "prod.db") }.ConnectionString;
        await using var factory = new ApprovalHubFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connection,
            ["Demo:Enabled"] = "false",
            ["Security:SigningKey"] = TestDatabase.TestSigningKey,
            ["Iot:Enabled"] = "false",
        });
        var cancellation = TestContext.Current.CancellationToken;

        // A production installation has no accounts: its first administrator is created by hand.
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApprovalHubUser>>();
            var admin = new ApprovalHubUser { UserName = "ops.admin", DisplayName = "运维管理员" };
            Assert.True((await users.CreateAsync(admin, AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        }

        using var client = factory.CreateClientFor("ops.admin", AdminPassword);

        var province = await client.GetFromJsonAsync<RegionRollupView>("/api/registry/regions/330000/rollup", Json.Options, cancellation);

        Assert.Equal("浙江省", province!.Region.Name);
        Assert.Equal(11, province.Children.Count);
        Assert.Equal(0, province.Region.Total);
        Assert.Equal(13, (await client.GetFromJsonAsync<RegionRollupView>("/api/registry/regions/330100/rollup", Json.Options, cancellation))!.Children.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/registry/regions/350000/rollup", cancellation)).StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
