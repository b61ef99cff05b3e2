using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.recordMaintenance</c>: a maintenance visit confirmed by the user unit (unit 25: date,
/// level, items) or a rescue after an alarm (unit 34: arrival and rescue times), which also clears
/// the device's open alarms. The device's last maintenance date follows.
/// </summary>
internal sealed class RecordMaintenanceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<RecordMaintenanceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.recordMaintenance";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var device = await Db.RequireDeviceAsync(variables, cancellationToken);
        var rescue = variables.Instant("arrivedAt");
        var at = rescue ?? variables.Instant("maintainedAt") ?? throw new HandlerInputException(
            $"registry.recordMaintenance at '{call.Context.ElementId}' needs maintainedAt (a visit) or arrivedAt (a rescue).");
        var on = DateOnly.FromDateTime(at.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset).DateTime);
        var kind = rescue is not null ? MaintenanceKind.Rescue : variables.RequiredText("level") switch
        {
            "halfMonth" => MaintenanceKind.HalfMonthly,
            "quarter" => MaintenanceKind.Quarterly,
            "halfYear" => MaintenanceKind.HalfYearly,
            "year" => MaintenanceKind.Annual,
            var other => throw new HandlerInputException($"registry.recordMaintenance: level is halfMonth, quarter, halfYear or year, not '{other}'."),
        };

        string detail;
        if (rescue is { } arrived)
        {
            var rescued = variables.Instant("rescuedAt");
            detail = $"到场 {arrived.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset):HH:mm}"
                     + (rescued is { } done ? $"，解救 {done.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset):HH:mm}" : string.Empty)
                     + (variables.Long("trapped") is { } trapped ? $"，被困 {trapped} 人" : string.Empty)
                     + (variables.Text("handling") is { } handling ? $"；{handling}" : string.Empty);
            foreach (var alarm in await Db.Alarms.Where(a => a.DeviceId == device.Id && a.ClearedAt == null).ToListAsync(cancellationToken))
            {
                alarm.ClearedAt = rescued ?? arrived;
            }

            device.AlarmActive = false;
        }
        else
        {
            var items = variables.Array("items")?.Select(i => i?.ToString()).Where(i => i is not null) ?? [];
            detail = string.Join("、", items.Select(i => i switch { "clean" => "清洁", "lubricate" => "润滑", "adjust" => "调整", "check" => "检查", _ => i }))
                     + (variables.Text("maintainer") is { } who ? $"（{who}）" : string.Empty);
        }

        Db.Maintenance.Add(new MaintenanceRecord
        {
            DeviceId = device.Id,
            OrganisationId = device.MaintenanceOrganisationId ?? variables.Long("organisationId") ?? device.UserOrganisationId,
            PerformedOn = on,
            Kind = kind,
            Detail = detail.Length > 500 ? detail[..500] : detail,
        });
        if (device.LastMaintainedOn is null || on > device.LastMaintainedOn)
        {
            device.LastMaintainedOn = on;
        }

        await Db.SaveChangesAsync(cancellationToken);
    }
}
