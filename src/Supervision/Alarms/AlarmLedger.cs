using ApprovalHub.Supervision.Iot;
using ApprovalHub.Supervision.Iot.Messages;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// Alarm state in the database, never in memory: stores event messages and applies the rules to
/// them in one transaction, raises, repeats, confirms and clears alarms. The unique partial index
/// on open alarms decides races between nodes; the loser of an insert counts a repeat instead.
/// Every alarm that becomes active, is acknowledged or cleared is copied to the registry's record
/// (<see cref="IAlarmRecords"/>, when the host has one) in the same transaction.
/// </summary>
public sealed class AlarmLedger(Func<IotDbContext> contexts, AlarmRuleSet rules, TimeProvider time, IAlarmRecords? records = null)
{
    private const int RaceRetries = 4;

    // SQLite has one writer (and one node): serialising every ledger of the process turns "database
    // is locked" and lock-upgrade deadlocks between deferred transactions into a short wait.
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    /// <summary>The rules in force.</summary>
    public AlarmRuleSet Rules => rules;

    /// <summary>
    /// Stores an event message and applies the rules to it, in one transaction: when this returns the
    /// message is durable and may be acknowledged. A message stored before (same device and id) is
    /// reported as a duplicate and changes nothing.
    /// </summary>
    public async Task<EventOutcome> RecordEventAsync(DeviceFacts device, EventMessage message, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(message);
        return await WriteAsync(async db =>
        {
            var cleared = IotMessageParser.IsCleared(message);
            var stored = new FaultEvent
            {
                EquipmentCode = device.EquipmentCode,
                MessageId = message.Id!,
                Code = message.Code!,
                State = cleared ? FaultEventState.Cleared : FaultEventState.Raised,
                OccurredAt = message.Ts,
                ReceivedAt = receivedAt,
            };
            db.FaultEvents.Add(stored);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return new EventOutcome(Duplicate: true, []);
            }

            var changes = new List<AlarmChange>();
            foreach (var rule in rules.ClearedBy(message.Code!, cleared, device.Category))
            {
                if (await EndAsync(db, device.EquipmentCode, rule, message.Code!, message.Ts, cancellationToken) is { } change)
                {
                    changes.Add(change);
                }
            }

            if (!cleared)
            {
                foreach (var rule in rules.RaisedBy(message.Code!, device.Category))
                {
                    if (rule.Trigger is RepeatTrigger repeat && !await RepeatedEnoughAsync(db, device.EquipmentCode, repeat, message.Ts, cancellationToken))
                    {
                        continue;
                    }

                    changes.Add(await RaiseAsync(db, rule, device, message.Code!, message.Ts, cancellationToken));
                }
            }

            if (changes.Count > 0)
            {
                stored.AlarmId = changes[^1].Alarm.Id;
                await db.SaveChangesAsync(cancellationToken);
            }

            return new EventOutcome(Duplicate: false, changes);
        }, outcome => Recorded(outcome.Changes), cancellationToken);
    }

    /// <summary>
    /// Applies one threshold rule's verdict on a telemetry message: beyond the limit raises (pending for
    /// the rule's duration) unless an alarm is open; back within ends the open one.
    /// </summary>
    public async Task<AlarmChange?> ObserveThresholdAsync(DeviceFacts device, AlarmRule rule, bool beyond, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(rule);
        var metric = rule.Trigger is ThresholdTrigger threshold ? threshold.Metric : rule.Type;
        return await WriteAsync(async db =>
        {
            if (!beyond)
            {
                return await EndAsync(db, device.EquipmentCode, rule, "normal", at, cancellationToken);
            }

            var open = await OpenAsync(db, device.EquipmentCode, rule.Type, cancellationToken);
            return open is null ? await RaiseAsync(db, rule, device, metric, at, cancellationToken) : null;
        }, change => change is null ? Array.Empty<Alarm>() : Recorded([change]), cancellationToken);
    }

    /// <summary>Pending alarms whose delay has passed become active. Returns them (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<AlarmChange>> ActivateDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await WriteAsync(async db =>
        {
            var due = await db.Alarms
                .Where(a => a.Status == AlarmStatus.Pending && a.ConfirmDueAt <= now)
                .OrderBy(a => a.ConfirmDueAt)
                .Take(max)
                .ToListAsync(cancellationToken);
            var changes = new List<AlarmChange>();
            foreach (var alarm in due)
            {
                if (rules.Find(alarm.Type) is not { } rule)
                {
                    continue;
                }

                // Guarded by the status the row had when read: a clear that committed in between wins.
                var moved = await db.Alarms
                    .Where(a => a.Id == alarm.Id && a.Status == AlarmStatus.Pending)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.Status, AlarmStatus.Active)
                        .SetProperty(a => a.ActivatedAt, now)
                        .SetProperty(a => a.ConfirmDueAt, (DateTimeOffset?)null), cancellationToken);
                if (moved == 1)
                {
                    alarm.Activate(now);
                    changes.Add(new AlarmChange(AlarmChangeKind.Activated, alarm, rule));
                }
            }

            return (IReadOnlyList<AlarmChange>)changes;
        }, Recorded, cancellationToken);
    }

    /// <summary>
    /// Takes on starting the case of an alarm: true when this caller may start it now (nobody has,
    /// and no other claim younger than <paramref name="claimTimeout"/> exists).
    /// </summary>
    public async Task<bool> TryClaimCaseAsync(Guid alarmId, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - claimTimeout;
        return await WriteAsync(async db => await db.Alarms
            .Where(a => a.Id == alarmId && a.CaseInstanceId == null && (a.CaseClaimedAt == null || a.CaseClaimedAt < stale))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CaseClaimedAt, now), cancellationToken) == 1, cancellationToken);
    }

    /// <summary>Records the case an alarm opened.</summary>
    public async Task LinkCaseAsync(Guid alarmId, Guid instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await WriteAsync(async db => await db.Alarms
            .Where(a => a.Id == alarmId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CaseInstanceId, instanceId).SetProperty(a => a.CaseStartedAt, now), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Active alarms of case-opening rules that have no case yet and were raised before
    /// <paramref name="olderThan"/>: what a node that crashed between the alarm and its case left behind.
    /// </summary>
    public async Task<IReadOnlyList<Alarm>> WithoutCaseAsync(DateTimeOffset olderThan, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        var opening = rules.Rules.Where(r => r.OpensCase).Select(r => r.Type).ToList();
        return await db.Alarms.AsNoTracking()
            .Where(a => (a.Status == AlarmStatus.Active || a.Status == AlarmStatus.Acknowledged)
                        && a.CaseInstanceId == null && opening.Contains(a.Type) && a.RaisedAt < olderThan)
            .OrderBy(a => a.RaisedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A person acknowledges an active alarm. Null when no such alarm exists.</summary>
    public async Task<Alarm?> AcknowledgeAsync(Guid alarmId, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await WriteAsync(async db =>
        {
            var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == alarmId, cancellationToken);
            if (alarm is null)
            {
                return null;
            }

            alarm.Acknowledge(by, now);
            await db.SaveChangesAsync(cancellationToken);
            return alarm;
        }, alarm => alarm is null ? Array.Empty<Alarm>() : [alarm], cancellationToken);
    }

    /// <summary>True while the device has an active or acknowledged alarm.</summary>
    public async Task<bool> AnyActiveAsync(string equipmentCode, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        return await db.Alarms.AnyAsync(a => a.EquipmentCode == equipmentCode && (a.Status == AlarmStatus.Active || a.Status == AlarmStatus.Acknowledged), cancellationToken);
    }

    /// <summary>The open alarm of a device and type, if any.</summary>
    public async Task<Alarm?> FindOpenAsync(string equipmentCode, string type, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        return await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.EquipmentCode == equipmentCode && a.Type == type && a.ClearedAt == null, cancellationToken);
    }

    private static Task<Alarm?> OpenAsync(IotDbContext db, string equipmentCode, string type, CancellationToken cancellationToken) =>
        db.Alarms.FirstOrDefaultAsync(a => a.EquipmentCode == equipmentCode && a.Type == type && a.ClearedAt == null, cancellationToken);

    private async Task<AlarmChange?> EndAsync(IotDbContext db, string equipmentCode, AlarmRule rule, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(db, equipmentCode, rule.Type, cancellationToken);
        if (open is null)
        {
            return null;
        }

        var wasPending = open.Status == AlarmStatus.Pending;
        open.End(reason, Later(at, open.RaisedAt));
        await db.SaveChangesAsync(cancellationToken);
        return new AlarmChange(wasPending ? AlarmChangeKind.Dismissed : AlarmChangeKind.Cleared, open, rule);
    }

    private async Task<AlarmChange> RaiseAsync(IotDbContext db, AlarmRule rule, DeviceFacts device, string faultCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var open = await OpenAsync(db, device.EquipmentCode, rule.Type, cancellationToken);
            if (open is not null)
            {
                // Counted in the database, not on the loaded copy: another node may be counting too.
                await db.Alarms.Where(a => a.Id == open.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Occurrences, a => a.Occurrences + 1)
                    .SetProperty(a => a.LastOccurredAt, a => a.LastOccurredAt > at ? a.LastOccurredAt : at), cancellationToken);
                await db.Entry(open).ReloadAsync(cancellationToken);
                return new AlarmChange(AlarmChangeKind.Repeated, open, rule);
            }

            var alarm = Alarm.Raise(rule, device, faultCode, at);
            db.Alarms.Add(alarm);
            try
            {
                // Inside the caller's transaction EF Core sets a savepoint first, so a lost race rolls
                // back only this insert and the transaction goes on.
                await db.SaveChangesAsync(cancellationToken);
                return new AlarmChange(alarm.Status == AlarmStatus.Pending ? AlarmChangeKind.Pending : AlarmChangeKind.Raised, alarm, rule);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation() && attempt < RaceRetries)
            {
                db.Entry(alarm).State = EntityState.Detached;
            }
        }
    }

    private static async Task<bool> RepeatedEnoughAsync(IotDbContext db, string equipmentCode, RepeatTrigger repeat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var since = at - repeat.Window;
        var codes = repeat.Codes.ToList();
        var count = await db.FaultEvents.CountAsync(
            e => e.EquipmentCode == equipmentCode && codes.Contains(e.Code) && e.State == FaultEventState.Raised && e.OccurredAt >= since && e.OccurredAt <= at,
            cancellationToken);
        return count >= repeat.Count;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // The alarms whose registry record a change may move: a new or repeated pending alarm has none yet.
    private static IEnumerable<Alarm> Recorded(IEnumerable<AlarmChange> changes) =>
        changes.Where(c => c.Kind is not (AlarmChangeKind.Pending or AlarmChangeKind.Repeated)).Select(c => c.Alarm);

    private Task<T> WriteAsync<T>(Func<IotDbContext, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, _ => [], cancellationToken);

    // Runs the work in a transaction; the alarms that recorded() names get their registry record in
    // the same transaction, and the record keeper hears of them once it has committed.
    private async Task<T> WriteAsync<T>(Func<IotDbContext, Task<T>> work, Func<T, IEnumerable<Alarm>> recorded, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        var sqlite = !db.IsPostgres;
        if (sqlite)
        {
            await SqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var done = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db);
                List<Alarm> alarms = records is null ? [] : [.. recorded(result).DistinctBy(a => a.Id)];
                foreach (var alarm in alarms)
                {
                    await records!.RecordAsync(db, alarm, ct);
                }

                await transaction.CommitAsync(ct);
                return (Result: result, Alarms: alarms);
            }, cancellationToken);
            if (done.Alarms.Count > 0)
            {
                records!.Committed(done.Alarms);
            }

            return done.Result;
        }
        finally
        {
            if (sqlite)
            {
                SqliteWriter.Release();
            }
        }
    }
}
