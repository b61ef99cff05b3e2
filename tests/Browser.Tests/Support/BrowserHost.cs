using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Browser.Tests.Support;

/// <summary>
/// The real ApprovalHub host on Kestrel, on a free loopback port, with demo data on a throwaway
/// SQLite file: what a person gets from <c>dotnet run</c>, minus the fixed port and the file in data/.
/// </summary>
public sealed class BrowserHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalhub-browser", Guid.NewGuid().ToString("N"));

    public BrowserHost()
    {
        UseKestrel();
    }

    /// <summary>Where the browser reaches the host, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel (migrating the database and seeding demo data) and finds its address.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "approvalhub.db") }.ConnectionString,
            ["Demo:Enabled"] = "true",
            // Port 0: the system picks a free port, so parallel runs and a developer's own host never collide.
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Security:SigningKey"] = "YXBwcm92YWxodWItYnJvd3Nlci10ZXN0cy1rZXktMzJi",
            ["Security:SignInPermitLimit"] = "1000",
            ["Security:PublicPermitLimit"] = "10000",
            // A small province keeps the first start quick; the journeys need a few devices, not 20,000.
            ["Registry:DemoDevices"] = "300",
            ["Registry:DemoSeed"] = "42",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
