namespace ApprovalHub.Host.Portal;

/// <summary>Limits of the public QR pages beyond the registry's per-minute limit of page views.</summary>
public sealed class PublicPageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PublicPage";

    /// <summary>Complaints one client address may send per hour from the device pages.</summary>
    public int ComplaintsPerHour { get; set; } = 10;
}
