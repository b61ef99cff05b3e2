using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Host.Notifications;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Persistence;

namespace ApprovalHub.Host.Portal;

/// <summary>The caller's notifications for the portal, read as <c>/api/notifications</c> reads them.</summary>
internal sealed class PortalNotifications(IServiceScopeFactory scopes, TimeProvider timeProvider) : IPortalNotifications
{
    public async Task<NotificationPage> RecentAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await NotificationInbox.PageAsync(db, NotificationsApi.ReaderOf(user), null, Math.Clamp(limit, 1, 100), false, cancellationToken);
    }

    public async Task<bool> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await NotificationInbox.MarkReadAsync(db, NotificationsApi.ReaderOf(user), id, timeProvider.GetUtcNow(), cancellationToken) is not null;
    }
}
