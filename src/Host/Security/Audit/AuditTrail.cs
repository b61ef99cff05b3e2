using System.Collections.Concurrent;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// Appends links to the audit chain, one writer at a time so the chain stays linear: an in-process
/// gate for the requests of this node, and <see cref="SecurityDbContext.LockAuditChainAsync"/>
/// (an advisory lock on PostgreSQL, the write lock on SQLite) for other processes on the same
/// database. The primary key on the sequence is the last guard: a writer that slipped past both
/// would fail rather than fork the chain.
/// </summary>
/// <remarks>
/// Serialised writes would cap the whole platform at one commit (one disk flush) per audited
/// command. Instead, whoever holds the gate writes every entry waiting at that moment in one
/// transaction (group commit): under load a flush carries many links, and every caller still returns
/// only once its own link is committed. docs/benchmarks.md has the figures.
/// </remarks>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    // Bounds one transaction; the rest waits for the next round.
    private const int MaxBatch = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<Pending> _waiting = new();

    /// <summary>Appends <paramref name="entry"/> and returns the stored link once it is committed.</summary>
    /// <remarks>
    /// <paramref name="cancellationToken"/> stops the wait for the gate only; a round that has started
    /// writes its whole batch, since it carries other callers' entries too.
    /// </remarks>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, AuditHash.Normalize(timeProvider.GetUtcNow()));
        _waiting.Enqueue(pending);
        while (!pending.Written.Task.IsCompleted)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!pending.Written.Task.IsCompleted)
                {
                    await WriteWaitingAsync();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return await pending.Written.Task;
    }

    private async Task WriteWaitingAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            var records = await WriteAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Written.SetResult(records[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Written.SetException(ex);
            }
        }
    }

    private async Task<List<AuditRecord>> WriteAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (db, batch),
            static async (_, state, ct) =>
            {
                var (db, batch) = state;
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.LockAuditChainAsync(ct);
                var last = await db.AuditRecords.AsNoTracking()
                    .OrderByDescending(r => r.Sequence)
                    .Select(r => new { r.Sequence, r.Hash })
                    .FirstOrDefaultAsync(ct);

                var sequence = last?.Sequence ?? 0;
                var previousHash = last?.Hash ?? AuditRecord.GenesisHash;
                var records = new List<AuditRecord>(batch.Count);
                foreach (var (entry, occurredAt) in batch.Select(p => (p.Entry, p.OccurredAt)))
                {
                    var record = new AuditRecord
                    {
                        Sequence = ++sequence,
                        OccurredAt = occurredAt,
                        ActorId = entry.ActorId,
                        ActorName = Truncate(entry.ActorName, 256),
                        Roles = Truncate(entry.Roles, 200),
                        Scope = Truncate(entry.Scope, 400),
                        RemoteAddress = entry.RemoteAddress,
                        Action = Truncate(entry.Action, 300),
                        Target = Truncate(entry.Target, 1000),
                        StatusCode = entry.StatusCode,
                        Outcome = entry.Outcome,
                        PreviousHash = previousHash,
                    };
                    record.Hash = AuditHash.Compute(record);
                    previousHash = record.Hash;
                    records.Add(record);
                }

                db.AuditRecords.AddRange(records);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return records;
            },
            verifySucceeded: null,
            CancellationToken.None);
    }

    // Values are cut before hashing, so the hash covers exactly what the column holds.
    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    // An entry waiting for a round, stamped when the command finished, not when the round ran.
    private sealed record Pending(AuditEntry Entry, DateTimeOffset OccurredAt)
    {
        public TaskCompletionSource<AuditRecord> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
