using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// Records complaints about devices that reach the platform outside unit 30 (a hotline, an import
/// from another system) for the risk model, and recomputes the device. Unit 30 cases
/// (公众扫码投诉举报) are counted from the engine's task rows directly; a complaint recorded here
/// under the same reference as such a case counts once. Recording a reference twice changes nothing.
/// </summary>
public sealed class ComplaintLedger(Func<CockpitDbContext> contexts, IRiskRecalculator recalculator)
{
    /// <summary>Records a complaint; false when <paramref name="reference"/> was already recorded.</summary>
    public async Task<bool> RecordAsync(long deviceId, string reference, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (reference.Length > 40)
        {
            throw new ArgumentException($"A complaint reference has at most 40 characters; '{reference}' has {reference.Length}.", nameof(reference));
        }

        await using (var db = contexts())
        {
            if (await db.Complaints.AnyAsync(c => c.Reference == reference, cancellationToken))
            {
                return false;
            }

            db.Complaints.Add(new Complaint { DeviceId = deviceId, Reference = reference, ReceivedAt = receivedAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique reference: recorded by a concurrent call between the check and the insert.
                db.ChangeTracker.Clear();
                if (await db.Complaints.AsNoTracking().AnyAsync(c => c.Reference == reference, cancellationToken))
                {
                    return false;
                }

                throw;
            }
        }

        await recalculator.DeviceChangedAsync(deviceId, cancellationToken);
        return true;
    }
}
