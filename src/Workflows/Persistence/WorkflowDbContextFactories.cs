using Npgsql;
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
    /// <remarks>
    /// The engine keeps no session state on its connections (no SET, temporary tables or advisory
    /// locks held across calls), so returning one to the pool skips Npgsql's DISCARD ALL: a timer
    /// firing opens a connection three times, and the reset was a round trip each time.
    /// </remarks>
    public static Func<WorkflowDbContext> Postgres(string connectionString) =>
        Pooled(new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString)
            .Options);

    /// <summary>Contexts from a pool over <paramref name="options"/>.</summary>
    public static Func<WorkflowDbContext> Pooled<TContext>(DbContextOptions<TContext> options)
        where TContext : WorkflowDbContext
    {
        var factory = new PooledDbContextFactory<TContext>(options);
        return factory.CreateDbContext;
    }
}
