using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Persistence;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows;
using ApprovalHub.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Database;

/// <summary>
/// Makes the database usable before anything else starts: creates the folder of a SQLite file,
/// then applies pending migrations. Hosted services start in registration order and before the
/// server accepts requests, so the demo seeder and the first request find the schema in place.
/// </summary>
/// <remarks>
/// REVIEW: migrating at startup suits the embedded, single-node default. With several nodes or a
/// DBA-run PostgreSQL, set <c>Database:MigrateOnStartup=false</c> and apply migrations as a
/// deployment step (EF Core takes a migration lock, so concurrent starts are still safe).
/// </remarks>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    TimeProvider timeProvider,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value;
        var provider = database.GetProvider().ToString();
        if (database.GetProvider() == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(database.ConnectionString);
        }

        if (!database.MigrateOnStartup)
        {
            logger.MigrationSkipped(provider);
            return;
        }

        using var activity = ApprovalHubTelemetry.ActivitySource.StartActivity("migrate database");
        activity?.SetTag("db.system", provider.ToLowerInvariant());
        var started = timeProvider.GetTimestamp();

        await using var scope = scopes.CreateAsyncScope();
        logger.MigratingDatabase(provider);
        var pending = 0;

        // The engine's, the security, the registry's and the IoT tables: one migration history each.
        foreach (DbContext db in new DbContext[]
                 {
                     scope.ServiceProvider.GetRequiredService<WorkflowDbContext>(),
                     scope.ServiceProvider.GetRequiredService<SecurityDbContext>(),
                     scope.ServiceProvider.GetRequiredService<RegistryDbContext>(),
                     scope.ServiceProvider.GetRequiredService<IotDbContext>(),
                 })
        {
            pending += (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.MigrateAsync(ct), cancellationToken);
        }

        activity?.SetTag("approvalhub.migrations_applied", pending);
        logger.DatabaseMigrated(provider, pending, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLite creates the file but not its folder; the default "data/approvalhub.db" is relative to
    // the current directory, which is the repository root when following the README.
    private void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource)
            || builder.Mode == SqliteOpenMode.Memory
            || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (directory is not null && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            logger.SqliteDirectoryCreated(directory);
        }
    }
}
