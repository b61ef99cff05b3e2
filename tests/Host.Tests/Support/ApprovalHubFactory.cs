using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>
/// The real host, in memory, with configuration overridden by <paramref name="settings"/> and,
/// when a test needs it, services replaced by <paramref name="configureServices"/>.
/// </summary>
public sealed class ApprovalHubFactory(
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings reach the app as command-line arguments, which override appsettings*.json.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
