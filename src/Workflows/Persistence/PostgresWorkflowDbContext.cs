using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// <see cref="WorkflowDbContext"/> on PostgreSQL, the production database (and the road to
/// PostgreSQL-compatible domestic databases). Its migrations live in <c>Persistence/Migrations/Postgres</c>.
/// </summary>
/// <remarks>
/// <see cref="DateTimeOffset"/> maps to <c>timestamptz</c>, which holds an instant; values are
/// converted to UTC on the way in (<see cref="UtcDateTimeOffsetConverter"/>).
/// </remarks>
public sealed class PostgresWorkflowDbContext : WorkflowDbContext
{
    /// <summary>Created by dependency injection or <see cref="PostgresWorkflowDbContextFactory"/>.</summary>
    public PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Region codes are digits compared as prefixes (a range on the queue index); the "C"
        // collation makes that range a plain byte order whatever the database's locale is.
        modelBuilder.Entity<Queue.TaskCandidateRow>().Property(c => c.RegionCode).UseCollation("C");
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
