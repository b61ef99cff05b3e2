using ApprovalHub.Supervision.Alarms;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// What follows an alarm change, after its transaction committed: the case (open, add a repeat,
/// report normal), the registry's alarm flag, logs and counters. A failure here never loses the
/// alarm: the sweeper opens missing cases.
/// </summary>
public sealed class AlarmReactions(AlarmCases cases, AlarmLedger ledger, DeviceDirectory devices, ILogger<AlarmReactions> logger)
{
    /// <summary>Reacts to each change in order.</summary>
    public async Task ApplyAsync(IReadOnlyList<AlarmChange> changes, DeviceFacts? device, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var alarm = change.Alarm;
            var kind = change.Kind.ToString().ToLowerInvariant();
            IotMetrics.CountAlarm(kind);
            logger.AlarmChanged(alarm.Id, alarm.Type, alarm.EquipmentCode, kind, alarm.Occurrences);
            try
            {
                switch (change.Kind)
                {
                    case AlarmChangeKind.Raised or AlarmChangeKind.Activated:
                        await devices.SetAlarmFlagAsync(alarm.DeviceId, true, cancellationToken);
                        if (await cases.OpenAsync(alarm, change.Rule, device, cancellationToken) is { } instanceId)
                        {
                            logger.CaseOpened(alarm.Id, instanceId);
                        }

                        break;
                    case AlarmChangeKind.Repeated:
                        await cases.AddRepeatAsync(alarm, cancellationToken);
                        break;
                    case AlarmChangeKind.Cleared:
                        await cases.ReportClearedAsync(alarm, cancellationToken);
                        if (!await ledger.AnyActiveAsync(alarm.EquipmentCode, cancellationToken))
                        {
                            await devices.SetAlarmFlagAsync(alarm.DeviceId, false, cancellationToken);
                        }

                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.CaseUpdateFailed(alarm.Id, ex);
            }
        }
    }
}
