using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Persistence;

/// <summary><see cref="SecurityDbContext"/> on PostgreSQL; migrations in <c>Security/Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresSecurityDbContext : SecurityDbContext
{
    // Any fixed number shared by every node: "AHAUDIT" in ASCII.
    private const long AuditChainLockKey = 0x41484155444954;

    /// <summary>Created by dependency injection or the design-time factory.</summary>
    public PostgresSecurityDbContext(DbContextOptions<PostgresSecurityDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// A transaction-scoped advisory lock: every node appending to the chain queues here, so two
    /// writers can never read the same last hash. Released by commit or rollback.
    /// </summary>
    public override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
