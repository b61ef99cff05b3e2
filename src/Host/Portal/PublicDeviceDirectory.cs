using ApprovalHub.Admin.Blazor.Components.Public;
using ApprovalHub.Supervision.Traceability;
using Mediator;

namespace ApprovalHub.Host.Portal;

/// <summary>The public QR page's facts, from the same query as <c>/api/public/devices/{code}</c>.</summary>
internal sealed class PublicDeviceDirectory(IServiceScopeFactory scopes) : IPublicDeviceDirectory
{
    public async Task<PublicDeviceFacts?> FindAsync(string equipmentCode, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPublicDeviceFacts(equipmentCode), cancellationToken);
    }
}
