using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Traceability;

/// <summary>Where a timeline entry comes from.</summary>
public enum TimelineSource
{
    /// <summary>A registry record.</summary>
    Registry,

    /// <summary>A process instance's history (the instance's business key is the 设备代码).</summary>
    Workflow,
}

/// <summary>One entry of a device's lifecycle timeline.</summary>
/// <param name="At">When (UTC; registry dates are midnight China time).</param>
/// <param name="Kind">Machine-readable kind (<c>manufactured</c>, <c>inspection</c>, <c>process.started</c> …).</param>
/// <param name="Title">What happened, in Chinese.</param>
/// <param name="Detail">Details (result, report number, process key …).</param>
/// <param name="Source">Registry record or engine history.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, TimelineSource Source);

/// <summary>
/// The full lifecycle of a device, oldest first: manufacture, installation notice and supervisory
/// inspection, registration and its changes, inspections, maintenance, hazards, alarms, accidents,
/// cancellation — and the process instances run for it. Null when the device is outside the scope.
/// </summary>
public sealed record GetDeviceTimeline(AccessScope Scope, long DeviceId) : IQuery<IReadOnlyList<TimelineEntry>?>;

internal sealed class DeviceTimelineHandler(RegistryDbContext db, IWorkflowQueries workflows) : IQueryHandler<GetDeviceTimeline, IReadOnlyList<TimelineEntry>?>
{
    private static readonly TimeSpan China = Workflows.Calendar.BusinessCalendarFiles.ChinaOffset;

    public async ValueTask<IReadOnlyList<TimelineEntry>?> Handle(GetDeviceTimeline query, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().VisibleTo(query.Scope).FirstOrDefaultAsync(d => d.Id == query.DeviceId, cancellationToken);
        if (device is null)
        {
            return null;
        }

        var id = device.Id;
        var entries = new List<TimelineEntry>();
        if (device.ManufacturedOn is { } made)
        {
            entries.Add(Entry(made, "manufactured", "出厂", device.EquipmentCode));
        }

        if (device.InstalledOn is { } installed)
        {
            entries.Add(Entry(installed, "installation.accepted", "安装监督检验合格", null));
        }

        foreach (var e in await db.RegistrationEvents.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            entries.Add(Entry(e.OccurredOn, $"registration.{e.Kind.ToString().ToLowerInvariant()}", RegistrationTitle(e.Kind), e.Detail));
        }

        foreach (var i in await db.Inspections.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            var validity = i.ValidUntil is { } until ? $"，有效期至 {until:yyyy-MM-dd}" : string.Empty;
            entries.Add(Entry(i.InspectedOn, "inspection", i.Kind.ChineseName(), $"{i.Result.ChineseName()}{validity}（报告 {i.ReportNumber}）"));
        }

        foreach (var m in await db.Maintenance.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            entries.Add(Entry(m.PerformedOn, "maintenance", m.Kind == MaintenanceKind.Rescue ? "应急救援" : "维护保养",
                m.Detail is null ? MaintenanceTitle(m.Kind) : $"{MaintenanceTitle(m.Kind)}：{m.Detail}"));
        }

        foreach (var h in await db.Hazards.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            entries.Add(Entry(h.FoundOn, "hazard.found", h.Level == HazardLevel.Serious ? "发现严重事故隐患" : "发现一般事故隐患", h.Description));
            if (h.ClosedOn is { } closed)
            {
                entries.Add(Entry(closed, "hazard.closed", "隐患整改闭环", h.Description));
            }
        }

        foreach (var a in await db.Alarms.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry(a.RaisedAt, "alarm.raised", "告警", $"{a.FaultCode} {a.Description}", TimelineSource.Registry));
            if (a.ClearedAt is { } cleared)
            {
                entries.Add(new TimelineEntry(cleared, "alarm.cleared", "告警解除", $"{a.FaultCode} {a.Description}", TimelineSource.Registry));
            }
        }

        foreach (var a in await db.Accidents.AsNoTracking().Where(r => r.DeviceId == id).ToListAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry(a.OccurredAt, "accident", "事故", a.Description, TimelineSource.Registry));
        }

        await AddWorkflowHistoryAsync(device, entries, cancellationToken);

        // Oldest first; within one day, in the order a life runs (registry kinds were added in that order).
        return entries.Select((e, index) => (e, index)).OrderBy(x => x.e.At).ThenBy(x => x.index).Select(x => x.e).ToList();
    }

    private async Task AddWorkflowHistoryAsync(Device device, List<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var instances = await workflows.FindByBusinessKeyAsync(device.EquipmentCode, cancellationToken);
        if (instances.Count == 0)
        {
            return;
        }

        var keys = instances.ToDictionary(i => i.Id, i => $"{i.ProcessKey} v{i.Version}");
        foreach (var history in await workflows.GetHistoryAsync(keys.Keys, cancellationToken))
        {
            var title = history.Type switch
            {
                HistoryEventType.InstanceStarted => "业务办理开始",
                HistoryEventType.InstanceCompleted => "业务办理完成",
                HistoryEventType.InstanceTerminated or HistoryEventType.InstanceCanceled => "业务办理终止",
                HistoryEventType.TaskCompleted => "审批环节完成",
                _ => null,
            };
            if (title is not null)
            {
                var detail = history.ElementId is null ? keys[history.InstanceId] : $"{keys[history.InstanceId]} · {history.ElementId}";
                entries.Add(new TimelineEntry(history.Timestamp, $"process.{history.Type.ToString().ToLowerInvariant()}", title, detail, TimelineSource.Workflow));
            }
        }
    }

    private static TimelineEntry Entry(DateOnly on, string kind, string title, string? detail) =>
        new(new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime(), kind, title, detail, TimelineSource.Registry);

    private static string MaintenanceTitle(MaintenanceKind kind) => kind switch
    {
        MaintenanceKind.HalfMonthly => "半月维保",
        MaintenanceKind.Quarterly => "季度维保",
        MaintenanceKind.HalfYearly => "半年维保",
        MaintenanceKind.Annual => "年度维保",
        MaintenanceKind.Rescue => "应急救援",
        _ => kind.ToString(),
    };

    private static string RegistrationTitle(RegistrationEventKind kind) => kind switch
    {
        RegistrationEventKind.Manufactured => "出厂",
        RegistrationEventKind.InstallationNotified => "施工告知",
        RegistrationEventKind.Registered => "使用登记",
        RegistrationEventKind.Changed => "变更登记",
        RegistrationEventKind.Suspended => "停用",
        RegistrationEventKind.Resumed => "启用",
        RegistrationEventKind.Scrapped => "报废",
        RegistrationEventKind.Cancelled => "注销",
        RegistrationEventKind.Overdue => "超期未检",
        _ => kind.ToString(),
    };
}
