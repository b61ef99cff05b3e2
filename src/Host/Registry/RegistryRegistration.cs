using System.Threading.RateLimiting;
using ApprovalHub.Admin.Blazor.Components.Registry;
using ApprovalHub.Host.Demo;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Registry;

/// <summary>Wires the registry: options, Mediator handlers, the caller-scope seam, the public rate limit and demo seeding.</summary>
internal static class RegistryRegistration
{
    /// <summary>Registers the registry; call after the database (its initializer must run first).</summary>
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegistryOptions>()
            .BindConfiguration(RegistryOptions.SectionName)
            .Validate(o => o.PublicRequestsPerMinute > 0, "Registry:PublicRequestsPerMinute must be positive.")
            .Validate(o => o.DemoDevices >= 0, "Registry:DemoDevices cannot be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.IdNumberPepper), "Registry:IdNumberPepper is required.")
            .Validate(o => o.PublicBaseUrl.Length == 0 || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Registry:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddMediator();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicDeviceApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.PublicRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        builder.Services.AddHostedService<DemoRegistrySeeder>();

        // The officials' device record page (/registry/devices/{id}) reads through the same scoped queries.
        builder.Services.AddSingleton<IDeviceRecords, DeviceRecords>();
        return builder;
    }

    /// <summary>Maps the internal registry API and the public QR endpoints.</summary>
    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapRegistryApi();
        app.MapPublicDeviceApi();
        return app;
    }
}
