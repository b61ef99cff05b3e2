using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// The engine's EF Core model: for now, the stored versions of process definitions. Instances,
/// tasks, jobs and history join it in later issues.
/// </summary>
/// <remarks>
/// The model is provider-neutral; each provider has a derived context that owns its migrations
/// (docs/decisions/0003-provider-specific-migrations.md). After changing the model, add a migration
/// for BOTH providers, from the repository root:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/Workflows --startup-project src/Host --context SqliteWorkflowDbContext --output-dir Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Workflows --startup-project src/Host --context PostgresWorkflowDbContext --output-dir Persistence/Migrations/Postgres
/// </code>
/// The host applies pending migrations at startup unless <c>Database:MigrateOnStartup</c> is false.
/// </remarks>
public abstract class WorkflowDbContext : DbContext
{
    /// <summary>Used by the provider-specific contexts.</summary>
    protected WorkflowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Every stored version of every process definition.</summary>
    public DbSet<ProcessDefinitionRecord> ProcessDefinitions => Set<ProcessDefinitionRecord>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }

    // A new stamp on every insert and update: EF sends the original stamp in the WHERE clause of the
    // UPDATE, so a writer holding a stale copy affects no row and gets DbUpdateConcurrencyException.
    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<ProcessDefinitionRecord>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }
}
