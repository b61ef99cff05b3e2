using ApprovalHub.Host.Database;
using ApprovalHub.Host.Security;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// The small host behind the <c>audit</c> and <c>users</c> verbs: configuration as the server reads
/// it (appsettings, environment, <c>--Section:Key=value</c>), the security database, and Identity,
/// without Kestrel, hosted services or anything else of the web host.
/// </summary>
internal static class SecurityCliHost
{
    /// <summary>The host, or null after telling <paramref name="stderr"/> what is wrong with the configuration.</summary>
    public static async Task<IHost?> BuildAsync(string verb, string[] settings, TextWriter stderr, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSecurityDbContext();
        builder.Services.AddApprovalHubIdentity();
        var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return host;
        }
        catch (OptionsValidationException ex)
        {
            host.Dispose();
            await stderr.WriteLineAsync($"{verb}: {string.Join("; ", ex.Failures)}".AsMemory(), cancellationToken);
            return null;
        }
    }
}
