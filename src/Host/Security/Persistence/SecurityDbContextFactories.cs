using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Host.Security.Persistence;

/// <summary>Lets <c>dotnet ef</c> create <see cref="SqliteSecurityDbContext"/> without running the host.</summary>
public sealed class SqliteSecurityDbContextFactory : IDesignTimeDbContextFactory<SqliteSecurityDbContext>
{
    /// <inheritdoc />
    public SqliteSecurityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSecurityDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)).Options);
}

/// <summary>Lets <c>dotnet ef</c> create <see cref="PostgresSecurityDbContext"/>; the connection is never opened.</summary>
public sealed class PostgresSecurityDbContextFactory : IDesignTimeDbContextFactory<PostgresSecurityDbContext>
{
    /// <inheritdoc />
    public PostgresSecurityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSecurityDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)).Options);
}
