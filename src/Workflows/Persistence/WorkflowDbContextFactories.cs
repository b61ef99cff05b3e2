using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// Pooled context factories for code that runs outside dependency injection: the engine store in
/// tests, benchmarks and tools. A pooled context is reset and reused instead of built per call.
/// </summary>
public static class WorkflowDbContextFactories
{
    /// <summary>Contexts on the SQLite database <paramref name="connectionString"/> names.</summary>
    public static Func<WorkflowDbContext> Sqlite(string connectionString) =>
        Pooled(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite(connectionString).Options);

    /// <summary>Contexts on the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    public static Func<WorkflowDbContext> Postgres(string connectionString) =>
        Pooled(new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Contexts from a pool over <paramref name="options"/>.</summary>
    public static Func<WorkflowDbContext> Pooled<TContext>(DbContextOptions<TContext> options)
        where TContext : WorkflowDbContext
    {
        var factory = new PooledDbContextFactory<TContext>(options);
        return factory.CreateDbContext;
    }
}
