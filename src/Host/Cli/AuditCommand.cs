using ApprovalHub.Host.Database;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// The <c>audit</c> verb: <c>audit verify</c> walks the audit hash chain of the configured database
/// and reports the first broken link. Exit codes: 0 intact, 1 broken, 2 usage or configuration error.
/// Settings come as for the server (appsettings, environment, <c>--Database:ConnectionString=…</c>).
/// </summary>
public static class AuditCommand
{
    /// <summary>Exit code when every link holds.</summary>
    public const int Intact = 0;

    /// <summary>Exit code when a link is broken.</summary>
    public const int Broken = 1;

    /// <summary>Exit code for a malformed command line or unusable configuration.</summary>
    public const int Usage = 2;

    private const string UsageText = """
        usage: audit verify [--Database:Provider=Sqlite|Postgres] [--Database:ConnectionString=...]
          verify   walk the audit trail's hash chain and report the first broken link
        exit codes: 0 intact, 1 broken, 2 usage or configuration error
        """;

    /// <summary>Runs the verb with the arguments that follow <c>audit</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not ["verify", ..])
        {
            await stderr.WriteLineAsync(UsageText.AsMemory(), cancellationToken);
            return args is ["-h" or "--help" or "help"] ? Intact : Usage;
        }

        using var host = await SecurityCliHost.BuildAsync("audit verify", args[1..], stderr, cancellationToken);
        if (host is null)
        {
            return Usage;
        }

        var database = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        AuditVerification result;
        try
        {
            result = await AuditChainVerifier.VerifyAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"audit verify: cannot read the audit trail from {database.Provider}: {ex.Message}".AsMemory(), cancellationToken);
            return Usage;
        }

        if (result.IsIntact)
        {
            await stdout.WriteLineAsync($"audit chain intact: {result.VerifiedLinks} link(s) verified".AsMemory(), cancellationToken);
            return Intact;
        }

        await stdout.WriteLineAsync(
            $"audit chain BROKEN at link {result.BrokenSequence}: {result.Reason} ({result.VerifiedLinks} link(s) before it verified)".AsMemory(),
            cancellationToken);
        return Broken;
    }
}
