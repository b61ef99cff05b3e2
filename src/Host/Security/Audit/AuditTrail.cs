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
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Appends <paramref name="entry"/> and returns the stored link.</summary>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (db, entry, timeProvider),
                static async (_, state, ct) =>
                {
                    var (db, entry, timeProvider) = state;
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await db.LockAuditChainAsync(ct);
                    var last = await db.AuditRecords.AsNoTracking()
                        .OrderByDescending(r => r.Sequence)
                        .Select(r => new { r.Sequence, r.Hash })
                        .FirstOrDefaultAsync(ct);

                    var record = new AuditRecord
                    {
                        Sequence = (last?.Sequence ?? 0) + 1,
                        OccurredAt = AuditHash.Normalize(timeProvider.GetUtcNow()),
                        ActorId = entry.ActorId,
                        ActorName = Truncate(entry.ActorName, 256),
                        Roles = Truncate(entry.Roles, 200),
                        Scope = Truncate(entry.Scope, 400),
                        RemoteAddress = entry.RemoteAddress,
                        Action = Truncate(entry.Action, 300),
                        Target = Truncate(entry.Target, 1000),
                        StatusCode = entry.StatusCode,
                        Outcome = entry.Outcome,
                        PreviousHash = last?.Hash ?? AuditRecord.GenesisHash,
                    };
                    record.Hash = AuditHash.Compute(record);
                    db.AuditRecords.Add(record);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return record;
                },
                verifySucceeded: null,
                cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Values are cut before hashing, so the hash covers exactly what the column holds.
    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
