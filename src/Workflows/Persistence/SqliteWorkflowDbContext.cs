using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// <see cref="WorkflowDbContext"/> on SQLite, the embedded default. Its migrations live in
/// <c>Persistence/Migrations/Sqlite</c>.
/// </summary>
public sealed class SqliteWorkflowDbContext : WorkflowDbContext
{
    /// <summary>Created by dependency injection or <see cref="SqliteWorkflowDbContextFactory"/>.</summary>
    public SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date type: EF would store DateTimeOffset as text that does not sort
        // chronologically across offsets, and refuses ORDER BY on it. UTC ticks sort and compare.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
