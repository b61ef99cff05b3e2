using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Supervision.Iot.Persistence;

/// <summary>Options for the IoT contexts, and the design-time factories <c>dotnet ef</c> uses.</summary>
public static class IotDbContextOptions
{
    /// <summary>SQLite at <paramref name="connectionString"/>, with the IoT migrations table.</summary>
    public static DbContextOptions<SqliteIotDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteIotDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(IotDbContext.MigrationsTable))
            .Options;

    /// <summary>PostgreSQL at <paramref name="connectionString"/>, with the IoT migrations table.</summary>
    public static DbContextOptions<PostgresIotDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresIotDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(IotDbContext.MigrationsTable))
            .Options;

    /// <summary>A context factory for the provider (<paramref name="postgres"/>) at <paramref name="connectionString"/>.</summary>
    public static Func<IotDbContext> Factory(bool postgres, string connectionString)
    {
        if (postgres)
        {
            var options = Postgres(connectionString);
            return () => new PostgresIotDbContext(options);
        }

        var sqlite = Sqlite(connectionString);
        return () => new SqliteIotDbContext(sqlite);
    }
}

/// <summary>Lets <c>dotnet ef</c> create <see cref="SqliteIotDbContext"/> without running the host.</summary>
public sealed class SqliteIotDbContextFactory : IDesignTimeDbContextFactory<SqliteIotDbContext>
{
    /// <inheritdoc />
    public SqliteIotDbContext CreateDbContext(string[] args) => new(IotDbContextOptions.Sqlite("Data Source=design-time.db"));
}

/// <summary>Lets <c>dotnet ef</c> create <see cref="PostgresIotDbContext"/> without reaching a server.</summary>
public sealed class PostgresIotDbContextFactory : IDesignTimeDbContextFactory<PostgresIotDbContext>
{
    /// <inheritdoc />
    public PostgresIotDbContext CreateDbContext(string[] args) => new(IotDbContextOptions.Postgres("Host=localhost;Database=approvalhub_design_time"));
}
