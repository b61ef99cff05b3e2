using ApprovalHub.Host.Cli;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>Reads, edits and verifies the stored audit chain of a test database, as an operator would.</summary>
internal static class AuditRows
{
    /// <summary>Every stored link, in chain order.</summary>
    public static async Task<List<AuditRecord>> AllAsync(this TestDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        return await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>Runs raw SQL on the database, behind the application's back.</summary>
    public static async Task<int> ExecuteSqlAsync(this TestDatabase database, string sql, CancellationToken cancellationToken)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        return await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }

    /// <summary>Runs <c>audit verify</c> against the database, as the CLI does; returns the exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> VerifyWithCliAsync(this TestDatabase database, CancellationToken cancellationToken)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AuditCommand.RunAsync(
            ["verify", $"--Database:Provider={database.Provider}", $"--Database:ConnectionString={database.ConnectionString}"],
            stdout,
            stderr,
            cancellationToken);
        return (exitCode, stdout.ToString() + stderr);
    }
}
