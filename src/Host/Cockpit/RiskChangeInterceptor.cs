using System.Data.Common;
using System.Runtime.CompilerServices;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// The event source of the incremental recompute: watches what the registry's DbContext saves
/// (devices, inspections, maintenance, hazards, alarms, accidents, people, certificates,
/// organisations) and, once the change is committed, queues the affected devices and units for the
/// <see cref="RiskChangeWorker"/>. Whoever writes the registry through its context — the API, the
/// service-task handlers, imports — feeds the risk model without knowing it exists.
/// </summary>
/// <remarks>
/// Changes made inside an explicit transaction wait for its commit and are dropped on a rollback;
/// raw SQL (bulk seeding, rollups) is not seen, which is why the nightly run recomputes everything.
/// </remarks>
internal sealed class RiskChangeInterceptor(RiskChangeQueue queue) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Per context instance (pooled contexts are reused; their entry is cleared after each flush).
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Device:
                case Person:
                case OperatorCertificate:
                    // Ids of added rows exist only after the save; read them then.
                    pending.Entities.Add(entry.Entity);
                    break;
                case InspectionRecord r:
                    pending.Changes.Add(new RiskChange(DeviceId: r.DeviceId));
                    break;
                case MaintenanceRecord r:
                    pending.Changes.Add(new RiskChange(DeviceId: r.DeviceId));
                    break;
                case HazardRecord r:
                    pending.Changes.Add(new RiskChange(DeviceId: r.DeviceId));
                    break;
                case AlarmRecord r:
                    pending.Changes.Add(new RiskChange(DeviceId: r.DeviceId));
                    break;
                case AccidentRecord r:
                    pending.Changes.Add(new RiskChange(DeviceId: r.DeviceId));
                    break;
                case Organisation o:
                    pending.Changes.Add(new RiskChange(OrganisationId: o.Id));
                    break;
            }

            // A person or device that moves to another unit changes the old unit's record too.
            if (entry.State == EntityState.Modified && entry.Entity is Person && entry.OriginalValues[nameof(Person.OrganisationId)] is long formerEmployer)
            {
                pending.Changes.Add(new RiskChange(OrganisationId: formerEmployer));
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        foreach (var entity in pending.Entities)
        {
            pending.Changes.Add(entity switch
            {
                Device d => new RiskChange(DeviceId: d.Id),
                Person p => new RiskChange(OrganisationId: p.OrganisationId),
                OperatorCertificate c => new RiskChange(PersonId: c.PersonId),
                _ => default,
            });
        }

        pending.Entities.Clear();
        if (context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        queue.Enqueue(pending.Changes.Where(c => c != default).Distinct());
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private sealed class Pending
    {
        public List<object> Entities { get; } = [];

        public List<RiskChange> Changes { get; } = [];
    }
}
