using System.Security.Claims;
using ApprovalHub.Supervision.Notifications;

namespace ApprovalHub.Admin.Blazor.Components.Portal;

/// <summary>The caller's notifications (消息): results, reminders and requests the processes sent them.</summary>
public interface IPortalNotifications
{
    /// <summary>The newest notifications addressed to the caller, their organisation or their groups.</summary>
    Task<NotificationPage> RecentAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken);

    /// <summary>Marks one read; false when it is not the caller's.</summary>
    Task<bool> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken);
}
