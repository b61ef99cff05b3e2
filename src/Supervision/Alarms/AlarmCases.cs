using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// Turns alarms into BPMN messages: an active alarm of a case-opening rule correlates
/// <c>iot.alarm</c> (step 9 starts on it and calls unit 34, 物联告警处置) with the alarm id as the
/// correlation key, which becomes the case's business key; a repeat adds to that case; a clear
/// correlates <c>iot.alarm.cleared</c> to the case, which waits for it after the rescue is confirmed.
/// </summary>
public sealed class AlarmCases(WorkflowEngine engine, IWorkflowQueries queries, AlarmLedger ledger)
{
    /// <summary>The message that opens a case (message start event of step 9).</summary>
    public const string AlarmMessage = "iot.alarm";

    /// <summary>The message the case waits for: the device reports normal.</summary>
    public const string ClearedMessage = "iot.alarm.cleared";

    /// <summary>How long a node's claim to start a case stands before another may take over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts the case of an active alarm unless it has one (or another node is starting it). Safe to
    /// call twice: the alarm id is the case's business key, and an existing case is linked instead.
    /// Returns the case's root instance, or null when there is nothing to do.
    /// </summary>
    public async Task<Guid?> OpenAsync(Alarm alarm, AlarmRule rule, DeviceFacts? device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.OpensCase || alarm.CaseInstanceId is not null || alarm.Status is not (AlarmStatus.Active or AlarmStatus.Acknowledged))
        {
            return null;
        }

        if (!await ledger.TryClaimCaseAsync(alarm.Id, ClaimTimeout, cancellationToken))
        {
            return null;
        }

        var key = BusinessKey(alarm.Id);
        var instance = await FindCaseAsync(key, cancellationToken);
        if (instance is null)
        {
            await engine.CorrelateMessageAsync(AlarmMessage, key, Variables(alarm, rule, device), cancellationToken);
            instance = await FindCaseAsync(key, cancellationToken);
        }

        if (instance is { } id)
        {
            await ledger.LinkCaseAsync(alarm.Id, id, cancellationToken);
            alarm.CaseInstanceId = id;
        }

        return instance;
    }

    /// <summary>A repeat of an open alarm: the case gets the new count and time (history records it).</summary>
    public async Task AddRepeatAsync(Alarm alarm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.CaseInstanceId is not { } instanceId)
        {
            return;
        }

        var state = await queries.GetInstanceAsync(instanceId, cancellationToken);
        if (state is not { IsActive: true })
        {
            return;
        }

        await engine.SetVariablesAsync(instanceId, new Dictionary<string, JsonNode?>
        {
            ["alarmOccurrences"] = alarm.Occurrences,
            ["alarmLastOccurredAt"] = alarm.LastOccurredAt.ToString("O", CultureInfo.InvariantCulture),
        }, userId: null, cancellationToken);
    }

    /// <summary>The device reports normal: the case (waiting, or later) receives <c>iot.alarm.cleared</c>.</summary>
    public async Task ReportClearedAsync(Alarm alarm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.CaseInstanceId is null && alarm.CaseClaimedAt is null)
        {
            return;
        }

        await engine.CorrelateMessageAsync(ClearedMessage, BusinessKey(alarm.Id), new Dictionary<string, JsonNode?>
        {
            ["alarmClearedAt"] = (alarm.ClearedAt ?? alarm.LastOccurredAt).ToString("O", CultureInfo.InvariantCulture),
            ["alarmClearReason"] = alarm.ClearReason,
        }, cancellationToken);
    }

    /// <summary>The business key (and correlation key) of an alarm's case.</summary>
    public static string BusinessKey(Guid alarmId) => alarmId.ToString("D", CultureInfo.InvariantCulture);

    private async Task<Guid?> FindCaseAsync(string key, CancellationToken cancellationToken)
    {
        var found = await queries.FindByBusinessKeyAsync(key, cancellationToken);
        return found.Where(i => i.ParentInstanceId is null).OrderBy(i => i.StartedAt).Select(i => (Guid?)i.Id).FirstOrDefault();
    }

    /// <summary>The variables step 9 and unit 34 read (docs/mqtt.md, "From alarm to case").</summary>
    public static Dictionary<string, JsonNode?> Variables(Alarm alarm, AlarmRule rule, DeviceFacts? device)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(rule);
        return new Dictionary<string, JsonNode?>
        {
            ["alarmId"] = BusinessKey(alarm.Id),
            ["alarmType"] = alarm.Type,
            ["alarmName"] = rule.NameZh,
            ["alarmSeverity"] = alarm.Severity.ToString().ToLowerInvariant(),
            ["faultCode"] = alarm.FaultCode,
            ["alarmRaisedAt"] = alarm.RaisedAt.ToString("O", CultureInfo.InvariantCulture),
            ["equipmentCode"] = alarm.EquipmentCode,
            ["deviceId"] = alarm.DeviceId,
            ["regionCode"] = alarm.RegionCode,
            ["organisationId"] = alarm.UserOrganisationId,
            ["maintenanceOrganisationId"] = alarm.MaintenanceOrganisationId,
            ["rescueCode"] = device?.RescueCode,
            ["arrivalLimit"] = ArrivalLimits.AsDuration(ArrivalLimits.For(alarm.RegionCode)),
        };
    }
}
