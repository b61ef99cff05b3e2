using System.Linq.Expressions;
using ApprovalHub.Workflows.Persistence.Queue;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ApprovalHub.Workflows.Persistence.Engine;

// The commit: at most one DELETE per table and one UPDATE for canceled tasks, then every insert and
// row-version-checked update in one SaveChanges (one batch), all in one transaction.
public sealed partial class EfWorkflowStore
{
    private static async Task WriteAsync(WorkflowDbContext db, ChangeSet changes, CancellationToken cancellationToken)
    {
        // The execution strategy may run this again after a transient failure: start clean.
        db.ChangeTracker.Clear();

        // SQLite: BEGIN IMMEDIATE, so writers queue instead of failing on a read lock upgrade.
        // PostgreSQL: read committed; an UPDATE waits for a concurrent writer of the same row and
        // then re-checks the revision against the committed row.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The job this command runs must still be ours: if its lock expired and another node took
        // it, this whole command rolls back, so a job's effect is committed once.
        if (changes.Firing is { } firing)
        {
            var removed = await db.Jobs.Where(j => j.Id == firing.JobId && j.LockOwner == firing.LockOwner).ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                throw new ConcurrencyConflictException($"Job {firing.JobId} ran elsewhere or was claimed by another node.");
            }
        }

        if (changes.DeletedStartJobKeys.Count > 0)
        {
            var keys = changes.DeletedStartJobKeys.ToList();
            await db.Jobs.Where(j => j.Kind == JobKind.TimerStart && keys.Contains(j.ProcessKey!)).ExecuteDeleteAsync(cancellationToken);
        }

        // Deletes by token go first: the change set may add new subscriptions and jobs for the same token.
        var storedTokens = StoredTokensOf(changes);
        await DeleteSubscriptionsAsync(db, changes.DeletedSubscriptionTokens.Where(storedTokens), cancellationToken);
        await DeleteJobsAsync(db, changes.DeletedJobs, changes.DeletedJobTokens.Where(storedTokens), cancellationToken);
        await CancelTasksAsync(db, changes, cancellationToken);
        await RefreshQueueRowsAsync(db, changes, cancellationToken);

        StageInstances(db, changes);
        StageTasks(db, changes);
        StageJobs(db, changes);
        db.Subscriptions.AddRange(changes.NewSubscriptions);
        db.Inbox.AddRange(changes.NewInbox);
        db.Incidents.AddRange(changes.NewIncidents);
        db.CarbonCopies.AddRange(changes.NewCarbonCopies);
        foreach (var resolved in changes.ResolvedIncidents)
        {
            db.Incidents.Attach(resolved.Clone()).State = EntityState.Modified;
        }

        db.History.AddRange(changes.History);
        foreach (var id in changes.ConsumedInbox)
        {
            // Deleted through the change tracker, so a message another command delivered in the
            // meantime (no row deleted) is a conflict: each message reaches one subscription only.
            db.Inbox.Remove(new InboxMessageRecord { Id = id, MessageName = string.Empty, ReceivedAt = default, ExpiresAt = default });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Which token deletions can match stored rows. The engine unsubscribes every token that leaves
    /// an activity, listening or not; for an instance this commit inserts nothing is stored yet, and
    /// skipping those deletes saves a straight-through start two statements.
    /// </summary>
    private static Func<(Guid InstanceId, string TokenId), bool> StoredTokensOf(ChangeSet changes)
    {
        var inserted = changes.Instances.Values.Where(w => w.ExpectedRevision == 0).Select(w => w.State.Id).ToHashSet();
        return token => !inserted.Contains(token.InstanceId);
    }

    private static async Task DeleteSubscriptionsAsync(
        WorkflowDbContext db,
        IEnumerable<(Guid InstanceId, string TokenId)> deletedTokens,
        CancellationToken cancellationToken)
    {
        Expression<Func<MessageSubscriptionRecord, bool>>? filter = null;
        foreach (var tokens in deletedTokens.GroupBy(t => t.InstanceId, t => t.TokenId))
        {
            Guid? instanceId = tokens.Key;
            var tokenIds = tokens.ToList();
            filter = Or(filter, s => s.InstanceId == instanceId && tokenIds.Contains(s.TokenId!));
        }

        if (filter is not null)
        {
            await db.Subscriptions.Where(filter).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static async Task DeleteJobsAsync(
        WorkflowDbContext db,
        IReadOnlyCollection<Guid> deletedJobs,
        IEnumerable<(Guid InstanceId, string TokenId)> deletedTokens,
        CancellationToken cancellationToken)
    {
        Expression<Func<JobRecord, bool>>? filter = null;
        if (deletedJobs.Count > 0)
        {
            var jobIds = deletedJobs.ToList();
            filter = j => jobIds.Contains(j.Id);
        }

        foreach (var tokens in deletedTokens.GroupBy(t => t.InstanceId, t => t.TokenId))
        {
            var instanceId = tokens.Key;
            var tokenIds = tokens.ToList();
            Guid? instance = instanceId;
            filter = Or(filter, j => j.InstanceId == instance && tokenIds.Contains(j.TokenId!));
        }

        // A job fired for the last time is often also among its token's jobs: a statement, not
        // tracked deletes, so a row that is already gone is not mistaken for a conflict.
        if (filter is not null)
        {
            await db.Jobs.Where(filter).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static async Task CancelTasksAsync(WorkflowDbContext db, ChangeSet changes, CancellationToken cancellationToken)
    {
        // One command cancels at one instant, so this is one statement; only rows still open change
        // (a task completed meanwhile stays completed, as in the in-memory store).
        foreach (var canceled in changes.CanceledTasks.GroupBy(c => c.Value, c => c.Key))
        {
            DateTimeOffset? endedAt = canceled.Key;
            var taskIds = canceled.ToList();
            await db.Tasks
                .Where(t => taskIds.Contains(t.Id) && t.Status == UserTaskStatus.Open)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(t => t.Status, UserTaskStatus.Canceled)
                        .SetProperty(t => t.EndedAt, endedAt)
                        .SetProperty(t => t.Revision, t => t.Revision + 1),
                    cancellationToken);
        }

        if (changes.EscalatedTasks.Count > 0)
        {
            var escalated = changes.EscalatedTasks.ToList();
            await db.Tasks.Where(t => escalated.Contains(t.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaState, SlaState.Escalated), cancellationToken);
        }
    }

    private static void StageInstances(WorkflowDbContext db, ChangeSet changes)
    {
        foreach (var write in changes.Instances.Values)
        {
            var row = InstanceStateJson.ToRow(write.State);
            if (write.ExpectedRevision == 0)
            {
                // A second insert of the same id fails on the primary key, reported as a conflict.
                db.Instances.Add(row);
                continue;
            }

            var entry = db.Instances.Attach(row);
            entry.State = EntityState.Modified;
            entry.Property(i => i.Revision).OriginalValue = write.ExpectedRevision;
        }
    }

    private static void StageTasks(WorkflowDbContext db, ChangeSet changes)
    {
        // Copies: the change set's rows stay as the engine built them if the commit fails.
        foreach (var task in changes.UpdatedTasks.Values)
        {
            var copy = task.Clone();
            copy.Revision = task.Revision + 1;
            var entry = db.Tasks.Attach(copy);
            entry.State = EntityState.Modified;
            entry.Property(t => t.Revision).OriginalValue = task.Revision;
        }

        foreach (var task in changes.NewTasks)
        {
            var copy = task.Clone();
            copy.Revision = 1;
            db.Tasks.Add(copy);
            db.TaskCandidates.AddRange(TaskAccessRows.Candidates(task));
            if (task.Status == UserTaskStatus.Open)
            {
                db.TaskParties.AddRange(TaskAccessRows.Parties(task));
            }
        }
    }

    /// <summary>
    /// Keeps the queue's rows in step with the tasks in the same transaction: a changed task's
    /// candidate rows are deleted (one statement) and staged again if it is still open and
    /// unassigned; a closed task also loses its party rows. So a claim takes a task out of the
    /// claimable set and an unclaim puts it back.
    /// </summary>
    private static async Task RefreshQueueRowsAsync(WorkflowDbContext db, ChangeSet changes, CancellationToken cancellationToken)
    {
        var changed = changes.CanceledTasks.Keys.Concat(changes.UpdatedTasks.Keys).Distinct().ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await db.TaskCandidates.Where(c => changed.Contains(c.TaskId)).ExecuteDeleteAsync(cancellationToken);
        var closed = changes.CanceledTasks.Keys
            .Concat(changes.UpdatedTasks.Values.Where(t => t.Status != UserTaskStatus.Open).Select(t => t.Id))
            .Distinct()
            .ToList();
        if (closed.Count > 0)
        {
            await db.TaskParties.Where(p => closed.Contains(p.TaskId)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var task in changes.UpdatedTasks.Values.Where(t => !changes.CanceledTasks.ContainsKey(t.Id)))
        {
            db.TaskCandidates.AddRange(TaskAccessRows.Candidates(task));
        }
    }

    private static void StageJobs(WorkflowDbContext db, ChangeSet changes)
    {
        foreach (var job in changes.UpdatedJobs.Values)
        {
            // The in-memory store writes an updated job whether or not a delete of this commit
            // removed it first; here a removed row is inserted again, any other one updated.
            var removed = changes.DeletedJobs.Contains(job.Id) || changes.Firing?.JobId == job.Id
                          || (job.InstanceId is { } instanceId && changes.DeletedJobTokens.Contains((instanceId, job.TokenId!)));
            var entry = db.Jobs.Attach(job.Clone());
            entry.State = removed ? EntityState.Added : EntityState.Modified;
        }

        db.Jobs.AddRange(changes.NewJobs);
    }

    /// <summary>Either filter; one statement instead of one per instance.</summary>
    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>>? left, Expression<Func<T, bool>> right)
    {
        if (left is null)
        {
            return right;
        }

        var rightBody = ReplacingExpressionVisitor.Replace(right.Parameters[0], left.Parameters[0], right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, rightBody), left.Parameters);
    }
}
