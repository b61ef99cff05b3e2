using ApprovalHub.Host.Security.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Audit;

/// <summary>Walks the audit chain from the first link and reports the first one that does not hold.</summary>
public static class AuditChainVerifier
{
    private const int BatchSize = 1000;

    /// <summary>Verifies the whole chain in <paramref name="db"/>, reading it in batches.</summary>
    public static async Task<AuditVerification> VerifyAsync(SecurityDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long expectedSequence = 1;
        var previousHash = AuditRecord.GenesisHash;
        while (true)
        {
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Sequence >= expectedSequence)
                .OrderBy(r => r.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return AuditVerification.Intact(expectedSequence - 1);
            }

            foreach (var record in batch)
            {
                if (record.Sequence != expectedSequence)
                {
                    return AuditVerification.Broken(expectedSequence - 1, expectedSequence, $"link {expectedSequence} is missing (next stored link is {record.Sequence})");
                }

                if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(expectedSequence - 1, record.Sequence, "its previous-hash does not match the hash of the link before it");
                }

                if (!string.Equals(AuditHash.Compute(record), record.Hash, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(expectedSequence - 1, record.Sequence, "its content does not match its hash (the row was edited)");
                }

                previousHash = record.Hash;
                expectedSequence++;
            }
        }
    }
}

/// <summary>The result of walking the chain.</summary>
/// <param name="IsIntact">True when every link holds.</param>
/// <param name="VerifiedLinks">How many links, from the first, hold.</param>
/// <param name="BrokenSequence">The first link that does not hold, or null.</param>
/// <param name="Reason">Why it does not hold, or null.</param>
public sealed record AuditVerification(bool IsIntact, long VerifiedLinks, long? BrokenSequence, string? Reason)
{
    internal static AuditVerification Intact(long links) => new(true, links, null, null);

    internal static AuditVerification Broken(long verified, long sequence, string reason) => new(false, verified, sequence, reason);
}
