using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.scheduleNextInspection</c>: after a passed inspection (units 07, 08) the next due
/// date follows the interval rules of domain.md 3.2 (<see cref="InspectionSchedule"/>) from the
/// inspection date; a postponement (unit 09) moves it to the <c>requestedDate</c>. The validity and
/// the next due date of the device, and the validity of its latest inspection record, are set.
/// Writes <c>nextDueDate</c> (yyyy-MM-dd) and <c>nextReminderAt</c>: 09:00 China time on the
/// application deadline, one month before (条例 Art. 83 [V]), which step 2's timer waits for.
/// </summary>
internal sealed class ScheduleNextInspectionHandler(
    RegistryDbContext db, IOptions<RegistryOptions> options, TimeProvider timeProvider, ILogger<ScheduleNextInspectionHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.scheduleNextInspection";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var device = await Db.RequireDeviceAsync(variables, cancellationToken);
        var schedule = new InspectionSchedule(options.Value.Inspection);
        DateOnly due;
        if (variables.Date("requestedDate") is { } requested)
        {
            if (requested <= Time.Today())
            {
                throw BusinessErrors.Error(BusinessErrors.DatesInvalid, $"The inspection cannot be postponed to {requested:yyyy-MM-dd}, which is not after today.");
            }

            due = requested;
        }
        else
        {
            var result = variables.Text("result");
            if (result is not null && result != "pass")
            {
                throw new HandlerInputException($"registry.scheduleNextInspection at '{call.Context.ElementId}' follows a passed inspection; the result is '{result}'.");
            }

            var inspectedOn = variables.Date("inspectedOn") ?? device.LastInspectedOn ?? Time.Today();
            var commissioned = device.InstalledOn ?? device.FirstUsedOn ?? inspectedOn;
            var lastInternal = device.Category == EquipmentCategory.Boiler
                ? await Db.Inspections.Where(i => i.DeviceId == device.Id && i.Kind == InspectionKind.Internal).MaxAsync(i => (DateOnly?)i.InspectedOn, cancellationToken)
                : null;
            var next = schedule.NextAfter(CatalogCode.Parse(device.CatalogCode), commissioned, inspectedOn, device.SafetyGrade, lastInternal)
                       ?? throw BusinessErrors.Error(BusinessErrors.NoInspectionInterval, $"Device {device.EquipmentCode} (安全状况等级 {device.SafetyGrade}) may not be used, so no next inspection is scheduled.");
            due = next.DueOn;
            var latest = await Db.Inspections.Where(i => i.DeviceId == device.Id).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.Result != InspectionResult.Fail)
            {
                latest.ValidUntil = due;
            }
        }

        device.InspectionValidUntil = due;
        device.NextDueOn = due;
        await Db.SaveChangesAsync(cancellationToken);

        var remindOn = schedule.ApplyBy(due);
        var reminder = new DateTimeOffset(remindOn.ToDateTime(new TimeOnly(9, 0)), BusinessCalendarFiles.ChinaOffset);
        call.Output("nextDueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        call.Output("nextReminderAt", reminder.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }
}
