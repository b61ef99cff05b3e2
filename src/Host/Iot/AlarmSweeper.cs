using ApprovalHub.Supervision.Alarms;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// The periodic half of alarm handling (a cluster-wide Quartz job): pending alarms whose false-alarm
/// delay or threshold duration has passed become active and open their case; active alarms left
/// without a case by a node that died in between get it now.
/// </summary>
public sealed class AlarmSweeper(AlarmLedger ledger, AlarmReactions reactions, AlarmCases cases, DeviceDirectory devices, TimeProvider time)
{
    private const int BatchSize = 500;

    /// <summary>How long an alarm may legitimately wait for its case before the sweeper steps in.</summary>
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromSeconds(30);

    /// <summary>One sweep; returns how many alarms it activated and how many orphans it gave a case.</summary>
    public async Task<(int Activated, int Orphans)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var activated = await ledger.ActivateDueAsync(BatchSize, cancellationToken);
        foreach (var change in activated)
        {
            await reactions.ApplyAsync([change], await devices.FindAsync(change.Alarm.EquipmentCode, cancellationToken), cancellationToken);
        }

        var orphans = await ledger.WithoutCaseAsync(time.GetUtcNow() - OrphanAfter, BatchSize, cancellationToken);
        var opened = 0;
        foreach (var alarm in orphans)
        {
            if (ledger.Rules.Find(alarm.Type) is { } rule
                && await cases.OpenAsync(alarm, rule, await devices.FindAsync(alarm.EquipmentCode, cancellationToken), cancellationToken) is not null)
            {
                opened++;
            }
        }

        return (activated.Count, opened);
    }
}
