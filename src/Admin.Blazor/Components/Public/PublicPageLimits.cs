namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>
/// The rate-limit policy of the public pages (the host defines it): page views count against the
/// public QR limit per client address, complaint submissions against a much tighter one.
/// </summary>
public static class PublicPageLimits
{
    /// <summary>The policy name the pages carry in <c>[EnableRateLimiting]</c>.</summary>
    public const string Policy = "public-page";
}
