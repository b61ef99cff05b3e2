using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.recordMaintenanceContract</c> (unit 24): files the contract and makes the maintenance
/// unit the device's. Only a manufacturer or a licensed installation/renovation/repair unit may
/// maintain (特种设备安全法 第四十五条, domain.md 7): the unit must hold a licence in force.
/// </summary>
internal sealed class RecordMaintenanceContractHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<RecordMaintenanceContractHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.recordMaintenanceContract";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var device = await Db.RequireDeviceAsync(variables, cancellationToken);
        var from = variables.RequiredDate("contractFrom");
        var to = variables.RequiredDate("contractTo");
        if (to < from)
        {
            throw BusinessErrors.Error(BusinessErrors.DatesInvalid, $"The contract ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var creditText = variables.RequiredText("maintenanceCredit");
        if (!CreditCode.TryParse(creditText, out var credit, out var error))
        {
            throw BusinessErrors.Error(BusinessErrors.OrganisationUnknown, error);
        }

        var maintainer = await Db.Organisations.FirstOrDefaultAsync(o => o.CreditCode == credit.Value, cancellationToken)
                         ?? throw BusinessErrors.Error(BusinessErrors.OrganisationUnknown, $"No maintenance unit with 统一社会信用代码 {credit} ({variables.Text("maintenanceUnit")}) is registered.");
        var today = Time.Today();
        var licensed = (maintainer.Roles & (OrganisationRoles.Manufacturer | OrganisationRoles.Installer | OrganisationRoles.MaintenanceUnit)) != 0
                       && await Db.Licences.AnyAsync(l => l.OrganisationId == maintainer.Id && l.CancelledOn == null && l.ExpiresOn >= today, cancellationToken);
        if (!licensed)
        {
            throw BusinessErrors.Error(BusinessErrors.MaintenanceUnitUnlicensed,
                $"{maintainer.Name} holds no manufacturing or installation/renovation/repair licence in force, so it may not maintain special equipment (特种设备安全法 第四十五条).");
        }

        var previous = device.MaintenanceOrganisationId;
        device.MaintenanceOrganisationId = maintainer.Id;
        Db.MaintenanceContracts.Add(new MaintenanceContract
        {
            DeviceId = device.Id,
            UserOrganisationId = device.UserOrganisationId,
            MaintenanceOrganisationId = maintainer.Id,
            ValidFrom = from,
            ValidTo = to,
            FiledOn = today,
        });
        Db.RegistrationEvents.Add(new RegistrationEvent
        {
            DeviceId = device.Id,
            Kind = RegistrationEventKind.Changed,
            OccurredOn = today,
            Detail = $"维保合同备案：{maintainer.Name}（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}）" + (previous is { } old && old != maintainer.Id ? $"，原维保单位 {old}" : string.Empty),
        });
        await Db.SaveChangesAsync(cancellationToken);
    }
}
