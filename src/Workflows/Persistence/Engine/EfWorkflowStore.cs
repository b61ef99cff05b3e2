using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// The engine's store on SQLite or PostgreSQL, through <see cref="WorkflowDbContext"/>. It keeps the
/// contract of <see cref="InMemoryWorkflowStore"/> (the reference semantics): loads return detached
/// copies, and <see cref="CommitAsync"/> writes a whole <see cref="ChangeSet"/> in one transaction
/// or nothing, checking the row version of every instance and task it updates.
/// </summary>
/// <remarks>
/// Every call uses a context of its own from <c>createContext</c>, so one store serves any number of
/// concurrent commands; give it a pooled factory (<see cref="WorkflowDbContextFactories"/>) to
/// avoid building a context per call.
/// </remarks>
public sealed partial class EfWorkflowStore : IWorkflowStore, IWorkflowQueries
{
    private readonly Func<WorkflowDbContext> _createContext;

    /// <summary>Creates the store over contexts made by <paramref name="createContext"/>; each is disposed after one call.</summary>
    public EfWorkflowStore(Func<WorkflowDbContext> createContext)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        _createContext = createContext;
    }

    /// <inheritdoc />
    public async ValueTask<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row is null ? null : InstanceStateJson.ToState(row);
    }

    /// <inheritdoc />
    public async ValueTask<UserTaskRecord?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MessageSubscriptionRecord>> FindSubscriptionsAsync(
        string messageName,
        string? correlationKey,
        CancellationToken cancellationToken)
    {
        await using var db = _createContext();

        // A null key matches only subscriptions without a key: EF turns "= @key" into "IS NULL" when
        // the parameter is null (it caches one SQL text per parameter nullness).
        return await db.Subscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName && s.CorrelationKey == correlationKey && s.InstanceId != null)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<InboxMessageRecord?> FindInboxMessageAsync(
        string messageName,
        string? correlationKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Inbox.AsNoTracking()
            .Where(m => m.MessageName == messageName && m.CorrelationKey == correlationKey && m.ExpiresAt > now)
            .OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<JobRecord?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var db = _createContext();
        return await db.Jobs.AsNoTracking()
            .Where(j => j.DueAt <= now)
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JobRecord>> ClaimDueJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockedUntil, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var db = _createContext();
        return db.Database.IsNpgsql()
            ? await JobClaims.ClaimOnPostgresAsync(db, owner, now, lockedUntil, max, cancellationToken)
            : await JobClaims.ClaimOnSqliteAsync(db, owner, now, lockedUntil, max, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<UserTaskRecord>> LoadTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IncidentRecord?> LoadIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var db = _createContext();

        // Savepoints let a failed SaveChanges inside a longer transaction be undone on its own; here
        // a failure undoes the whole transaction, so they would only cost a round trip.
        db.Database.AutoSavepointsEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(ct => WriteAsync(db, changes, ct), cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(DescribeConflict(ex), ex);
        }
        catch (Exception ex) when (StoreConflicts.IsConflict(ex))
        {
            throw new ConcurrencyConflictException("Another command wrote the same rows first: " + ex.Message, ex);
        }
    }

    private static string DescribeConflict(DbUpdateConcurrencyException exception)
    {
        var entry = exception.Entries.FirstOrDefault();
        return entry?.Entity switch
        {
            InstanceRow row => $"Instance {row.Id} is no longer at revision {entry.Property(nameof(InstanceRow.Revision)).OriginalValue}.",
            UserTaskRecord task => $"Task {task.Id} was changed by another command.",
            JobRecord job => $"Job {job.Id} was changed or removed by another command.",
            InboxMessageRecord message => $"Inbox message {message.Id} was delivered by another command.",
            _ => "Another command changed the same rows first.",
        };
    }
}
