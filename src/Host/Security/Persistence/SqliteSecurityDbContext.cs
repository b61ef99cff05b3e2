using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Persistence;

/// <summary><see cref="SecurityDbContext"/> on SQLite; migrations in <c>Security/Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteSecurityDbContext : SecurityDbContext
{
    /// <summary>Created by dependency injection or the design-time factory.</summary>
    public SqliteSecurityDbContext(DbContextOptions<SqliteSecurityDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// Takes SQLite's write lock now rather than at the insert: a write statement locks the database
    /// for writing as it starts, even when it changes no row. A second process appending to the same
    /// file then waits here (busy timeout) instead of reading the same last link.
    /// </summary>
    public override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("UPDATE audit_records SET \"Sequence\" = \"Sequence\" WHERE 0 = 1", cancellationToken);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // As in the engine's context: UTC ticks sort and compare, text timestamps do not.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
