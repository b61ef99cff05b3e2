using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Notifications;

/// <summary>The caller's notifications (消息) under <c>/api/notifications</c>: the outbox that <c>notify.send</c> fills.</summary>
internal static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications");
        api.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithSummary("My notifications, newest first (keyset paging)")
            .WithDescription("Notifications addressed to me, to my organisation, or to my candidate groups within my region. Pass the previous page's nextBefore as before; unread=true lists only unread ones.");
        api.MapPost("/{id:long}/read", ReadAsync).WithName("ReadNotification").WithSummary("Mark one of my notifications read");
        return app;
    }

    /// <summary>The reader behind a signed-in principal: its name, organisation, and the candidate groups its roles give.</summary>
    internal static NotificationReader ReaderOf(ClaimsPrincipal user)
    {
        var roles = user.FindAll(SecurityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var groups = new List<string>();
        string? prefix = null;
        if (roles.Contains(Roles.Regulator) && user.FindFirst(SecurityClaims.RegionCode)?.Value is { Length: > 0 } region)
        {
            prefix = AccessScope.SignificantPrefix(region);
            groups.Add(prefix.Length == 0 ? "regulator.national" : $"regulator.{RegionCodes.LevelOf(region).ToString().ToLowerInvariant()}");
        }

        groups.AddRange(Roles.OrganisationScoped.Where(roles.Contains));
        var organisations = roles.Overlaps(Roles.OrganisationScoped)
            ? user.FindAll(SecurityClaims.OrganisationId).Select(c => long.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture)).ToList()
            : [];
        return new NotificationReader(user.ActorName(), organisations, groups, prefix);
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(
        long? before, int? limit, bool? unread, ClaimsPrincipal user, RegistryDbContext db, CancellationToken cancellationToken)
    {
        var size = limit ?? 20;
        if (size is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1–100, not {size}."] });
        }

        return TypedResults.Ok(await NotificationInbox.PageAsync(db, ReaderOf(user), before, size, unread == true, cancellationToken));
    }

    private static async Task<Results<Ok<NotificationView>, NotFound>> ReadAsync(
        long id, ClaimsPrincipal user, RegistryDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        await NotificationInbox.MarkReadAsync(db, ReaderOf(user), id, timeProvider.GetUtcNow(), cancellationToken) is { } read
            ? TypedResults.Ok(read)
            : TypedResults.NotFound();
}
