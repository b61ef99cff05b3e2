using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>The real host, in memory, with configuration overridden by <paramref name="settings"/>.</summary>
public sealed class ApprovalHubFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings reach the app as command-line arguments, which override appsettings*.json.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
