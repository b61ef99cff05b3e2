using System.Globalization;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Notices;

/// <summary>
/// <c>notice.accept</c> (units 18–21): records a construction notice (施工告知) as accepted at once.
/// The contractor must hold the licence it names, in force (<c>licence-unknown</c>,
/// <c>licence-not-valid</c>). A device already on file gets the notice on its timeline. Writes
/// <c>noticeNo</c> (<c>SGyyyyNNNNNN</c>).
/// </summary>
internal sealed class AcceptNoticeHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<AcceptNoticeHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "notice.accept";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var contractor = await Db.RequireOrganisationAsync(variables.RequiredLong("organisationId"), cancellationToken);
        var licence = await Licences.LicenceRules.RequireAsync(Db, variables, cancellationToken);
        var today = Time.Today();
        if (licence.CancelledOn is not null || licence.ExpiresOn < today)
        {
            throw BusinessErrors.Error(BusinessErrors.LicenceNotValid, $"Licence {licence.Number} is not in force; the work may not be notified under it.");
        }

        var kind = call.Context.ProcessKey switch
        {
            UnitProcesses.RenovationNotice => ConstructionKind.Renovation,
            UnitProcesses.MajorRepairNotice => ConstructionKind.MajorRepair,
            UnitProcesses.RelocationNotice => ConstructionKind.Relocation,
            _ => ConstructionKind.Installation,
        };
        var code = variables.RequiredText("equipmentCode").ToUpperInvariant();
        var device = await Db.FindDeviceAsync(code, cancellationToken);
        var serial = await Db.NextNumberAsync($"construction-notice:{today.Year}", cancellationToken);
        var number = string.Create(CultureInfo.InvariantCulture, $"SG{today.Year}{serial:000000}");
        Db.ConstructionNotices.Add(new ConstructionNotice
        {
            Number = number,
            Kind = kind,
            EquipmentCode = code,
            DeviceId = device?.Id,
            OrganisationId = contractor.Id,
            LicenceNumber = licence.Number,
            RegionCode = device?.RegionCode ?? variables.Text("regionCode") ?? contractor.RegionCode,
            PlannedStart = variables.RequiredDate("plannedStart"),
            AcceptedOn = today,
        });
        if (device is not null)
        {
            Db.RegistrationEvents.Add(new RegistrationEvent
            {
                DeviceId = device.Id,
                Kind = RegistrationEventKind.InstallationNotified,
                OccurredOn = today,
                Detail = $"{number} {Label(kind)}告知（{contractor.Name}）",
            });
        }

        await Db.SaveChangesAsync(cancellationToken);
        call.Output("noticeNo", number);
    }

    private static string Label(ConstructionKind kind) => kind switch
    {
        ConstructionKind.Renovation => "改造",
        ConstructionKind.MajorRepair => "重大修理",
        ConstructionKind.Relocation => "移装",
        _ => "安装",
    };
}
