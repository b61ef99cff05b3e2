using ApprovalHub.Host.Database;
using ApprovalHub.Host.Iot;
using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// <c>iot credentials CODE</c>: issues (rotates) a device's MQTT secret and prints it once.
/// <c>iot mosquitto-files DIR --host-user NAME</c>: writes Mosquitto's password file (every device's
/// stored hash plus the host account, its password from <c>APPROVALHUB_MQTT_PASSWORD</c>) and ACL
/// into DIR. Other arguments are configuration (<c>--Database:Provider=Postgres</c>), as for the server.
/// </summary>
internal static class IotCommand
{
    public const string Usage =
        "usage: iot credentials CODE | iot mosquitto-files DIR --host-user NAME   [--Database:Provider=Postgres --Database:ConnectionString=...]";

    /// <summary>The environment variable with the host account's password for <c>mosquitto-files</c>.</summary>
    public const string HostPasswordVariable = "APPROVALHUB_MQTT_PASSWORD";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args is not [("credentials" or "mosquitto-files") and var verb, var target, .. var rest] || target.StartsWith("--", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var settings = new List<string>();
        string? hostUser = null;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--host-user" && i + 1 < rest.Length)
            {
                hostUser = rest[++i];
            }
            else
            {
                settings.Add(rest[i]);
            }
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. settings],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWorkflowDatabase();
        builder.Services.AddSingleton<DeviceCredentials>();
        using var host = builder.Build();
        foreach (var hosted in host.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await hosted.StartAsync(cancellationToken);
        }

        var credentials = host.Services.GetRequiredService<DeviceCredentials>();
        if (verb == "credentials")
        {
            var (secret, failure) = await credentials.IssueAsync(target, AccessScope.Unrestricted, managesAny: true, "cli", cancellationToken);
            if (secret is null)
            {
                await stderr.WriteLineAsync($"iot: no device {target} in the registry ({failure})");
                return 1;
            }

            await stdout.WriteLineAsync($"user name: {target}\nsecret:    {secret}\n(shown once; the platform keeps only its hash)");
            return 0;
        }

        var password = Environment.GetEnvironmentVariable(HostPasswordVariable);
        if (string.IsNullOrEmpty(hostUser) || string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync($"iot: mosquitto-files needs --host-user NAME and the host's password in {HostPasswordVariable}\n{Usage}");
            return 2;
        }

        Directory.CreateDirectory(target);
        var devices = await credentials.AllAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(target, "passwd"), MosquittoFiles.PasswordFile(devices, hostUser, password), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(target, "acl"), MosquittoFiles.Acl(hostUser), cancellationToken);
        await stdout.WriteLineAsync($"iot: wrote {Path.Combine(target, "passwd")} ({devices.Count} device(s) + {hostUser}) and {Path.Combine(target, "acl")}");
        return 0;
    }
}
