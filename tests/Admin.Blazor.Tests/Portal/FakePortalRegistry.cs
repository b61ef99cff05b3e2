using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Notifications;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>The portal's registry and notifications in memory, recording the queries it gets.</summary>
internal sealed class FakePortalRegistry : IPortalRegistry, IPortalNotifications
{
    public List<PortalDevice> Devices { get; } = [];

    public PortalCertificates Certificates { get; set; } = new([], []);

    public Dictionary<string, string> Pdfs { get; } = new(StringComparer.Ordinal);

    public List<NotificationView> Notifications { get; } = [];

    public List<PortalDeviceQuery> Queries { get; } = [];

    public Task<PortalDevicePage> DevicesAsync(ClaimsPrincipal user, PortalDeviceQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        var matching = Devices.Where(d => query.Filter switch
        {
            PortalDeviceFilter.Overdue => d.InspectionOverdue || d.MaintenanceOverdue,
            PortalDeviceFilter.DueSoon => d.InspectionOverdue || d.MaintenanceOverdue || d.ApplyForInspectionBy is not null,
            _ => true,
        }).ToList();
        return Task.FromResult(new PortalDevicePage([.. matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, matching.Count));
    }

    public Task<PortalCertificates> CertificatesAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => Task.FromResult(Certificates);

    public Task<string?> CertificatePdfUrlAsync(ClaimsPrincipal user, string certificateNumber, CancellationToken cancellationToken) =>
        Task.FromResult(Pdfs.GetValueOrDefault(certificateNumber));

    public Task<NotificationPage> RecentAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(new NotificationPage([.. Notifications.Take(limit)], null, Notifications.Count(n => n.ReadAt is null)));

    public Task<bool> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var index = Notifications.FindIndex(n => n.Id == id);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        Notifications[index] = Notifications[index] with { ReadAt = DateTimeOffset.UnixEpoch };
        return Task.FromResult(true);
    }
}
