using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Registry;
using Mediator;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// The device and organisation cards of a case, read through the registry's own scoped queries:
/// a card the caller's scope does not cover is simply not shown.
/// </summary>
internal sealed class CaseCards(IServiceScopeFactory scopes)
{
    public async Task<DeviceCard?> DeviceAsync(AccessScope scope, string? equipmentCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(equipmentCode))
        {
            return null;
        }

        await using var services = scopes.CreateAsyncScope();
        var device = await services.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeviceByCode(scope, equipmentCode), cancellationToken);
        return device is null
            ? null
            : new DeviceCard(device.Id, device.EquipmentCode, device.CatalogCode, device.StatusName, device.Address, device.RegionCode,
                device.UseCertificateNumber, device.UserOrganisation?.Name, device.NextDueOn, device.Overdue,
                $"/registry/devices/{device.Id}");
    }

    public async Task<OrganisationCard?> OrganisationAsync(AccessScope scope, long? organisationId, CancellationToken cancellationToken)
    {
        if (organisationId is not { } id)
        {
            return null;
        }

        await using var services = scopes.CreateAsyncScope();
        var organisation = await services.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOrganisation(scope, id), cancellationToken);
        return organisation is null
            ? null
            : new OrganisationCard(organisation.Id, organisation.Name, organisation.CreditCode, organisation.RegionCode, organisation.Address,
                $"/api/registry/organisations/{organisation.Id}");
    }
}
