using ApprovalHub.Admin.Blazor.Components.Cockpit;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Registry;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// The control centre page's view of the data, for the user of the Blazor circuit: the same scoped
/// queries as <c>/api/cockpit</c>, with the scope taken from the circuit's signed-in user. Each call
/// opens its own service scope (a DbContext must not live as long as a circuit).
/// </summary>
internal sealed class CockpitSource(IServiceScopeFactory scopes, AuthenticationStateProvider authentication) : ICockpitSource
{
    private const int PageSize = 50;

    public async Task<CockpitLoad> LoadAsync(string? region, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync();
        await using var services = scopes.CreateAsyncScope();
        try
        {
            var view = await services.ServiceProvider.GetRequiredService<CockpitQueries>().LoadAsync(scope, region, cancellationToken);
            return view is null ? CockpitLoad.Failed(CockpitProblem.NotFound) : CockpitLoad.Of(view);
        }
        catch (RegistryAccessDeniedException)
        {
            return CockpitLoad.Failed(CockpitProblem.Denied);
        }
        catch (RegistryValidationException)
        {
            return CockpitLoad.Failed(CockpitProblem.Invalid);
        }
    }

    public async Task<FigureListPage> ListAsync(FigureLink link, long? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var scope = await ScopeAsync();
        await using var services = scopes.CreateAsyncScope();
        var queries = services.ServiceProvider.GetRequiredService<CockpitQueries>();
        try
        {
            switch (link.Kind)
            {
                case FigureListKind.Devices:
                    var devices = await queries.DevicesAsync(scope, link.ToDeviceQuery(after, PageSize), cancellationToken);
                    return new FigureListPage(devices.Items, [], devices.NextAfter);
                case FigureListKind.Warnings:
                    var warnings = await queries.WarningsAsync(scope, link.ToWarningQuery(after, PageSize), cancellationToken);
                    return new FigureListPage([], warnings.Items, warnings.NextAfter);
                case FigureListKind.Registry:
                    // The registry's own search (category × status counts include devices the cockpit no longer tracks).
                    var page = await services.ServiceProvider.GetRequiredService<IMediator>().Send(
                        new SearchDevices(scope) { RegionCode = link.Region, Category = link.Category, Status = link.Status, After = after, Limit = PageSize },
                        cancellationToken);
                    return new FigureListPage(
                        page.Items.Select(d => new DeviceListItem(d.Id, d.EquipmentCode, d.CatalogCode, d.Category, d.Status, d.RegionCode, d.Address,
                            d.UserOrganisationId, null, null, null, d.Overdue, d.InspectionValidUntil, 0, 0)).ToList(),
                        [],
                        page.NextAfter);
                default:
                    return FigureListPage.Empty;
            }
        }
        catch (Exception ex) when (ex is RegistryAccessDeniedException or RegistryValidationException)
        {
            // A link the viewer may not follow lists nothing: the page never offers one.
            return FigureListPage.Empty;
        }
    }

    private async Task<AccessScope> ScopeAsync() => CallerScopes.From((await authentication.GetAuthenticationStateAsync()).User);
}
