using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Notifications;

/// <summary>
/// Who reads notifications: a user by name, the organisations they act for, the candidate groups
/// they belong to, and for regulators the region prefix their groups are limited to ("" = national).
/// </summary>
public sealed record NotificationReader(string UserName, IReadOnlyCollection<long> OrganisationIds, IReadOnlyCollection<string> Groups, string? RegionPrefix);

/// <summary>One notification as its reader sees it.</summary>
public sealed record NotificationView(
    long Id, NotificationKind Kind, string Title, string Body, string? Decision, string? Comment, string? EquipmentCode,
    Guid InstanceId, string ProcessKey, string ElementId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A page of notifications, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, long? NextBefore, int Unread);

/// <summary>The reader's own notifications: addressed to them, to their organisations, or to their groups within their region.</summary>
public static class NotificationInbox
{
    /// <summary>Newest first, <paramref name="limit"/> (1–100) at a time, before the id <paramref name="before"/>.</summary>
    public static async Task<NotificationPage> PageAsync(RegistryDbContext db, NotificationReader reader, long? before, int limit, bool unreadOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = Mine(db, reader);
        var page = mine;
        if (before is { } cursor)
        {
            page = page.Where(n => n.Id < cursor);
        }

        if (unreadOnly)
        {
            page = page.Where(n => n.ReadAt == null);
        }

        var items = await page.OrderByDescending(n => n.Id).Take(limit + 1)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Decision, n.Comment, n.EquipmentCode, n.InstanceId, n.ProcessKey, n.ElementId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return items.Count > limit
            ? new NotificationPage(items[..limit], items[limit - 1].Id, unread)
            : new NotificationPage(items, null, unread);
    }

    /// <summary>
    /// Marks a notification read (the first reading stays); null when it is not the reader's, so
    /// another user's notification is "not found", never "forbidden".
    /// </summary>
    public static async Task<NotificationView?> MarkReadAsync(RegistryDbContext db, NotificationReader reader, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notification = await Mine(db, reader).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new NotificationView(notification.Id, notification.Kind, notification.Title, notification.Body, notification.Decision, notification.Comment,
            notification.EquipmentCode, notification.InstanceId, notification.ProcessKey, notification.ElementId, notification.CreatedAt, notification.ReadAt);
    }

    private static IQueryable<Notification> Mine(RegistryDbContext db, NotificationReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var user = reader.UserName;
        var organisations = reader.OrganisationIds.ToList();
        var regulatorGroups = reader.Groups.Where(g => g.StartsWith("regulator.", StringComparison.Ordinal)).ToList();
        var otherGroups = reader.Groups.Where(g => !g.StartsWith("regulator.", StringComparison.Ordinal)).ToList();
        var prefix = reader.RegionPrefix;
        return db.Notifications.Where(n =>
            n.RecipientUser == user
            || (n.RecipientOrganisationId != null && organisations.Contains(n.RecipientOrganisationId.Value))
            || (n.RecipientGroup != null && otherGroups.Contains(n.RecipientGroup))
            || (n.RecipientGroup != null && prefix != null && regulatorGroups.Contains(n.RecipientGroup)
                && (prefix == string.Empty || (n.RegionCode != null && n.RegionCode.StartsWith(prefix)))));
    }
}
