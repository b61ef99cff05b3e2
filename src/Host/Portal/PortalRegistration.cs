using System.Threading.RateLimiting;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Admin.Blazor.Components.Public;
using ApprovalHub.Host.Portal.Attachments;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Portal;

/// <summary>
/// Wires the enterprise portal and the public QR pages: the registry and notification views the
/// portal reads, the attachment store behind form file fields, the QR page's content negotiation
/// and its rate limits.
/// </summary>
internal static class PortalRegistration
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Attachments:Path is required.")
            .Validate(o => o.MaxFileMegabytes is > 0 and <= 1024, "Attachments:MaxFileMegabytes must be between 1 and 1024.")
            .ValidateOnStart();
        builder.Services.AddOptions<PublicPageOptions>()
            .BindConfiguration(PublicPageOptions.SectionName)
            .Validate(o => o.ComplaintsPerHour > 0, "PublicPage:ComplaintsPerHour must be positive.")
            .ValidateOnStart();

        // Singletons open a scope per call: a Blazor circuit outlives any DbContext. The file store
        // is per circuit because it uploads as the circuit's user.
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddScoped<IFormFileStore, PortalFormFileStore>();
        builder.Services.AddSingleton<IPortalRegistry, PortalRegistry>();
        builder.Services.AddSingleton<IPortalNotifications, PortalNotifications>();
        builder.Services.AddSingleton<IPublicDeviceDirectory, PublicDeviceDirectory>();
        builder.Services.AddSingleton<MatcherPolicy, JsonAlternateMatcherPolicy>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(PublicPageLimits.Policy, PublicPagePartition));
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapAttachmentsApi();
        return app;
    }

    // Reading a device page counts like the JSON lookup (Registry:PublicRequestsPerMinute); sending a
    // complaint counts against its own, much smaller hourly allowance per client address.
    private static RateLimitPartition<string> PublicPagePartition(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var perHour = http.RequestServices.GetRequiredService<IOptions<PublicPageOptions>>().Value.ComplaintsPerHour;
            return RateLimitPartition.GetFixedWindowLimiter($"complaint:{address}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perHour,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            });
        }

        var perMinute = http.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.PublicRequestsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter($"page:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
