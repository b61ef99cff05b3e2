using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// How a node takes due jobs for itself. The claim is a lock owner and an expiry written on the
/// row: a node that dies holds its jobs only until the expiry, then any node takes them.
/// </summary>
internal static class JobClaims
{
    /// <summary>
    /// One statement: the due rows nobody holds, locked with SKIP LOCKED so concurrent claimers
    /// on other nodes pass over each other's rows instead of waiting, then marked with the owner.
    /// A job of an instance with a job held elsewhere waits: one instance's jobs run one at a time.
    /// (A timer start has no instance: "= NULL" matches nothing, so it never waits. Written without
    /// an OR so the planner can anti-join through the partial index of held rows.)
    /// </summary>
    public static async Task<IReadOnlyList<JobRecord>> ClaimOnPostgresAsync(
        WorkflowDbContext db, string owner, DateTimeOffset now, DateTimeOffset lockedUntil, int max, CancellationToken cancellationToken)
    {
        // Raw SQL skips the model's converters: timestamptz parameters must be UTC.
        now = now.ToUniversalTime();
        lockedUntil = lockedUntil.ToUniversalTime();
        return await db.Jobs.FromSql($"""
            WITH due AS (
                SELECT j.id FROM wf_jobs j
                WHERE j.due_at <= {now} AND j.retries > 0
                  AND (j.lock_expires_at IS NULL OR j.lock_expires_at < {now})
                  AND NOT EXISTS (
                        SELECT 1 FROM wf_jobs held
                        WHERE held.lock_expires_at >= {now} AND held.instance_id = j.instance_id)
                ORDER BY j.due_at
                LIMIT {max}
                FOR UPDATE SKIP LOCKED)
            UPDATE wf_jobs SET lock_owner = {owner}, lock_expires_at = {lockedUntil}
            FROM due WHERE wf_jobs.id = due.id
            RETURNING wf_jobs.*
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite has one writer at a time: inside BEGIN IMMEDIATE the select and the update cannot
    /// interleave with another claimer, so a plain select-then-update is a correct claim.
    /// </summary>
    public static async Task<IReadOnlyList<JobRecord>> ClaimOnSqliteAsync(
        WorkflowDbContext db, string owner, DateTimeOffset now, DateTimeOffset lockedUntil, int max, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = db.Jobs.Where(h => h.LockExpiresAt != null && h.LockExpiresAt >= now && h.InstanceId != null).Select(h => h.InstanceId);
        var ids = await db.Jobs.AsNoTracking()
            .Where(j => j.DueAt <= now && j.Retries > 0 && (j.LockExpiresAt == null || j.LockExpiresAt < now))
            .Where(j => j.InstanceId == null || !held.Contains(j.InstanceId))
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .Take(max)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        await db.Jobs.Where(j => ids.Contains(j.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LockOwner, owner).SetProperty(j => j.LockExpiresAt, lockedUntil), cancellationToken);
        var claimed = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
