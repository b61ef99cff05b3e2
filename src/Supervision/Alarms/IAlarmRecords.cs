using ApprovalHub.Supervision.Iot.Persistence;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// The registry's record of IoT alarms (<c>reg_alarms</c>, 专题库 alarms), which the risk model and the
/// control centre read. The <see cref="AlarmLedger"/> calls it for every alarm it moves, inside the
/// transaction that moves it, so an alarm and its record commit or roll back together.
/// </summary>
public interface IAlarmRecords
{
    /// <summary>
    /// Brings the registry record of <paramref name="alarm"/> in line with the alarm, on
    /// <paramref name="db"/>'s connection and open transaction: an alarm that has become active gets
    /// a record (once, whatever the redeliveries), its acknowledgement and clearance are copied to it;
    /// a pending or dismissed alarm (误报) has none.
    /// </summary>
    Task RecordAsync(IotDbContext db, Alarm alarm, CancellationToken cancellationToken);

    /// <summary>Called after the transaction committed, with the alarms passed to <see cref="RecordAsync"/>.</summary>
    void Committed(IReadOnlyCollection<Alarm> alarms);
}
