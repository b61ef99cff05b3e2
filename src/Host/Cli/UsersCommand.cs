using ApprovalHub.Host.Database;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// The <c>users</c> verb: <c>users add-admin NAME [--display-name TEXT]</c> creates the first
/// administrator of a production installation, which starts with no accounts at all. The password
/// comes from the environment variable <see cref="PasswordVariable"/> or, when unset, the first line
/// of standard input, never from the command line (it would end up in the shell history and the
/// process list). Exit codes: 0 created, 1 refused (name taken, weak password), 2 usage or configuration.
/// </summary>
public static class UsersCommand
{
    /// <summary>The environment variable that may hold the new administrator's password.</summary>
    public const string PasswordVariable = "APPROVALHUB_ADMIN_PASSWORD";

    /// <summary>Exit code when the account was created.</summary>
    public const int Created = 0;

    /// <summary>Exit code when Identity refused the account.</summary>
    public const int Refused = 1;

    /// <summary>Exit code for a malformed command line or unusable configuration.</summary>
    public const int Usage = 2;

    private const string UsageText = $"""
        usage: users add-admin NAME [--display-name TEXT] [--Database:Provider=...] [--Database:ConnectionString=...]
          add-admin   create an administrator; the password is read from ${PasswordVariable}
                      or, when that is unset, from the first line of standard input
        exit codes: 0 created, 1 refused, 2 usage or configuration error
        """;

    /// <summary>Runs the verb with the arguments that follow <c>users</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not ["add-admin", var userName, .. var rest] || userName.StartsWith("--", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(UsageText.AsMemory(), cancellationToken);
            return Usage;
        }

        var displayName = "平台管理员";
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--display-name" && i + 1 < rest.Length)
            {
                displayName = rest[++i];
            }
            else
            {
                settings.Add(rest[i]);
            }
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await stdin.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync($"users add-admin: no password: set {PasswordVariable} or pipe it on standard input".AsMemory(), cancellationToken);
            return Usage;
        }

        using var host = await SecurityCliHost.BuildAsync("users add-admin", [.. settings], stderr, cancellationToken);
        if (host is null)
        {
            return Usage;
        }

        var database = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = host.Services.CreateAsyncScope();
        if (database.MigrateOnStartup)
        {
            // As the server would at startup: a fresh installation gets its tables before its first account.
            await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Database.MigrateAsync(cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApprovalHubUser>>();
        var user = new ApprovalHubUser { UserName = userName, DisplayName = displayName, CreatedAt = TimeProvider.System.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!result.Succeeded)
        {
            await stderr.WriteLineAsync(
                $"users add-admin: {userName} was not created: {string.Join(" ", result.Errors.Select(e => e.Description))}".AsMemory(),
                cancellationToken);
            return Refused;
        }

        await stdout.WriteLineAsync($"administrator {userName} created".AsMemory(), cancellationToken);
        return Created;
    }
}
