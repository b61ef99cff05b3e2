using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// <see cref="WorkflowDbContext"/> on PostgreSQL, the production database (and the road to
/// PostgreSQL-compatible domestic databases). Its migrations live in <c>Persistence/Migrations/Postgres</c>.
/// </summary>
/// <remarks><see cref="DateTimeOffset"/> maps to <c>timestamptz</c>; values must be UTC, as everything the engine writes is.</remarks>
public sealed class PostgresWorkflowDbContext : WorkflowDbContext
{
    /// <summary>Created by dependency injection or <see cref="PostgresWorkflowDbContextFactory"/>.</summary>
    public PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options)
        : base(options)
    {
    }
}
