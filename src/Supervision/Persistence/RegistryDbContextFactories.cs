using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>Lets <c>dotnet ef</c> create <see cref="SqliteRegistryDbContext"/> without running the host.</summary>
public sealed class SqliteRegistryDbContextFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    /// <inheritdoc />
    public SqliteRegistryDbContext CreateDbContext(string[] args) => new(Sqlite("Data Source=design-time.db"));

    /// <summary>Options for SQLite at <paramref name="connectionString"/>, with the registry's migrations table.</summary>
    public static DbContextOptions<SqliteRegistryDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteRegistryDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(RegistryDbContext.MigrationsTable))
            .Options;
}

/// <summary>PostgreSQL connection settings the registry's read paths rely on.</summary>
public static class RegistryConnections
{
    /// <summary>
    /// <paramref name="connectionString"/> with automatic preparation on (unless set): the lookups the
    /// QR page and the 96333 desk make are few distinct statements run very often, and a five-way
    /// join takes longer to plan (3–30 ms measured) than to run (0.3 ms). Prepared, it is planned once
    /// per connection.
    /// </summary>
    public static string ForPostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}

/// <summary>Lets <c>dotnet ef</c> create <see cref="PostgresRegistryDbContext"/> without reaching a server.</summary>
public sealed class PostgresRegistryDbContextFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    /// <inheritdoc />
    public PostgresRegistryDbContext CreateDbContext(string[] args) => new(Postgres("Host=localhost;Database=approvalhub_design_time"));

    /// <summary>Options for PostgreSQL at <paramref name="connectionString"/>, with the registry's migrations table.</summary>
    public static DbContextOptions<PostgresRegistryDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresRegistryDbContext>()
            .UseNpgsql(RegistryConnections.ForPostgres(connectionString), npgsql => npgsql.MigrationsHistoryTable(RegistryDbContext.MigrationsTable))
            .Options;
}
