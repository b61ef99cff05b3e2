using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary>Lets <c>dotnet ef</c> create <see cref="SqliteCockpitDbContext"/> without running the host.</summary>
public sealed class SqliteCockpitDbContextFactory : IDesignTimeDbContextFactory<SqliteCockpitDbContext>
{
    /// <inheritdoc />
    public SqliteCockpitDbContext CreateDbContext(string[] args) => new(Sqlite("Data Source=design-time.db"));

    /// <summary>Options for SQLite at <paramref name="connectionString"/>, with the cockpit's migrations table.</summary>
    public static DbContextOptions<SqliteCockpitDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteCockpitDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(CockpitDbContext.MigrationsTable))
            .Options;
}

/// <summary>Lets <c>dotnet ef</c> create <see cref="PostgresCockpitDbContext"/> without reaching a server.</summary>
public sealed class PostgresCockpitDbContextFactory : IDesignTimeDbContextFactory<PostgresCockpitDbContext>
{
    /// <inheritdoc />
    public PostgresCockpitDbContext CreateDbContext(string[] args) => new(Postgres("Host=localhost;Database=approvalhub_design_time"));

    /// <summary>
    /// Options for PostgreSQL at <paramref name="connectionString"/>, with the cockpit's migrations
    /// table. The full recompute is a few long statements; the command timeout allows ten minutes.
    /// </summary>
    public static DbContextOptions<PostgresCockpitDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresCockpitDbContext>()
            .UseNpgsql(RegistryConnections.ForPostgres(connectionString), npgsql => npgsql.MigrationsHistoryTable(CockpitDbContext.MigrationsTable).CommandTimeout(600))
            .Options;
}
