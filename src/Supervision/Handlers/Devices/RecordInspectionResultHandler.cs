using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.recordInspectionResult</c>: an inspection (07), re-inspection (08), self-test (10) or
/// supervisory inspection (23) with its result and report. The same inspection (device, kind, date,
/// report) recorded twice — unit 10's failed path passes two recording tasks — stays one record.
/// The device keeps the last result and date; the inspection body of unit 07 becomes the device's;
/// a passed supervisory inspection sets the installation date the lift schedule counts from.
/// </summary>
internal sealed class RecordInspectionResultHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<RecordInspectionResultHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.recordInspectionResult";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var process = call.Context.ProcessKey;
        var device = await Db.RequireDeviceAsync(variables, cancellationToken);
        var kind = process switch
        {
            UnitProcesses.SelfTest => InspectionKind.SelfTest,
            UnitProcesses.SupervisoryReport => InspectionKind.Supervisory,
            _ => InspectionKind.Periodic,
        };
        var passed = variables.RequiredText("result") switch
        {
            "pass" => true,
            "fail" => false,
            var other => throw new HandlerInputException($"registry.recordInspectionResult: result is pass or fail, not '{other}'."),
        };
        var result = !passed ? InspectionResult.Fail : process == UnitProcesses.Reinspection ? InspectionResult.PassOnReinspection : InspectionResult.Pass;
        var on = variables.Date("inspectedOn") ?? variables.Date("testedOn") ?? Time.Today();
        var report = variables.Text("reportNo");
        var inspector = process == UnitProcesses.InspectionReport ? variables.Long("organisationId") : null;

        var record = await Db.Inspections.FirstOrDefaultAsync(
            i => i.DeviceId == device.Id && i.Kind == kind && i.InspectedOn == on && i.ReportNumber == report, cancellationToken);
        if (record is null)
        {
            Db.Inspections.Add(new InspectionRecord
            {
                DeviceId = device.Id,
                Kind = kind,
                InspectedOn = on,
                Result = result,
                ReportNumber = report,
                InspectionOrganisationId = inspector ?? device.InspectionOrganisationId,
            });
        }
        else
        {
            record.Result = result;
        }

        if (device.LastInspectedOn is null || on >= device.LastInspectedOn)
        {
            device.LastInspectedOn = on;
            device.LastInspectionResult = result;
        }

        if (inspector is { } body)
        {
            device.InspectionOrganisationId = body;
        }

        if (kind == InspectionKind.Supervisory && passed)
        {
            device.InstalledOn ??= on;
        }

        await Db.SaveChangesAsync(cancellationToken);
    }
}
