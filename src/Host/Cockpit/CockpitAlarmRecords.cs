using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Iot.Persistence;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// The IoT alarms' way into the risk model and the control centre: the <see cref="AlarmLedger"/>
/// writes each alarm's registry record in its own transaction (<see cref="AlarmRecordWriter"/>), and
/// once that has committed the devices go to the incremental recompute like any registry change.
/// </summary>
internal sealed class CockpitAlarmRecords(AlarmRuleSet rules, RiskChangeQueue queue) : IAlarmRecords
{
    public Task RecordAsync(IotDbContext db, Alarm alarm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return AlarmRecordWriter.WriteAsync(db, alarm, rules.Find(alarm.Type)?.NameZh ?? alarm.Type, cancellationToken);
    }

    public void Committed(IReadOnlyCollection<Alarm> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);

        // Recomputing a device whose record did not move is harmless, and cheaper than asking.
        queue.Enqueue(alarms.Where(a => a.ActivatedAt is not null).Select(a => a.DeviceId).Distinct().Select(id => new RiskChange(DeviceId: id)));
    }
}
