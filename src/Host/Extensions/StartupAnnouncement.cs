using ApprovalHub.Host.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ApprovalHub.Host.Extensions;

internal static class StartupAnnouncement
{
    /// <summary>
    /// Once the server listens, says where: as a log event (for log pipelines) and as a plain
    /// console line (for a person who configured logging away from the console).
    /// </summary>
    public static WebApplication AnnounceWhenRunning(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // The test server listens nowhere and has no addresses: nothing to announce.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            var url = Browsable(address);
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ApprovalHub.Host").Running(url);
            Console.WriteLine($"ApprovalHub is running: open {url} (API docs: /scalar)");
        });
        return app;
    }

    // "http://0.0.0.0:5080" or "http://[::]:5080" are where the server listens, not where a browser goes.
    private static string Browsable(string address)
    {
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
