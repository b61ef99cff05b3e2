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
    /// SQLite serialises writers itself, and the single-node host serialises appends in process
    /// (<see cref="Audit.AuditTrail"/>); there is nothing more to lock.
    /// </summary>
    public override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // As in the engine's context: UTC ticks sort and compare, text timestamps do not.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
