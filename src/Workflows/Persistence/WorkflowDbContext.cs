using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// The engine's EF Core model: the stored versions of process definitions, and the engine's
/// runtime tables (<c>wf_instances</c>, <c>wf_tasks</c>, <c>wf_subscriptions</c>, <c>wf_inbox</c>,
/// <c>wf_incidents</c>, <c>wf_jobs</c>, <c>wf_history</c>), written by <see cref="Engine.EfWorkflowStore"/>.
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

    /// <summary>User task rows: the work queues read them.</summary>
    public DbSet<UserTaskRecord> Tasks => Set<UserTaskRecord>();

    /// <summary>Tokens waiting for messages.</summary>
    public DbSet<MessageSubscriptionRecord> Subscriptions => Set<MessageSubscriptionRecord>();

    /// <summary>Messages that arrived before anyone waited for them.</summary>
    public DbSet<InboxMessageRecord> Inbox => Set<InboxMessageRecord>();

    /// <summary>Failures an operator can see, fix and retry.</summary>
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    /// <summary>Jobs: timers, continuations and timer starts.</summary>
    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    /// <summary>Cases copied to people (抄送).</summary>
    public DbSet<CarbonCopyRecord> CarbonCopies => Set<CarbonCopyRecord>();

    /// <summary>The SLA statistics snapshot per process and region.</summary>
    public DbSet<Sla.SlaStatisticRecord> SlaStatistics => Set<Sla.SlaStatisticRecord>();

    /// <summary>Candidates of open tasks, one row each: the work queue's join (docs/tasks.md).</summary>
    public DbSet<Queue.TaskCandidateRow> TaskCandidates => Set<Queue.TaskCandidateRow>();

    /// <summary>Organisations that may see open tasks, one row each: the organisation-scoped queue's join.</summary>
    public DbSet<Queue.TaskPartyRow> TaskParties => Set<Queue.TaskPartyRow>();

    /// <summary>Forms saved to finish later, per user and owner key.</summary>
    public DbSet<Queue.FormDraftRecord> FormDrafts => Set<Queue.FormDraftRecord>();

    /// <summary>Named counters (business keys).</summary>
    public DbSet<Queue.SequenceRow> Sequences => Set<Queue.SequenceRow>();

    /// <summary>The append-only history, in write order by its shadow key.</summary>
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();

    /// <summary>Instance states: a few columns and a JSON document (<see cref="InstanceRow"/>).</summary>
    internal DbSet<InstanceRow> Instances => Set<InstanceRow>();

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
