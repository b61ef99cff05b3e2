using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;

namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>
/// Who may read an uploaded file: its uploader, the users of the organisation it was uploaded for,
/// and officials whose scope covers that organisation or its region (the regulators deciding the
/// case, administrators). Everyone else is told it does not exist.
/// </summary>
internal static class AttachmentAccess
{
    public static bool CanRead(ClaimsPrincipal user, StoredAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(attachment);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return string.Equals(user.ActorName(), attachment.UploadedBy, StringComparison.Ordinal)
               || CallerScopes.From(user).Covers(attachment.RegionCode, attachment.OrganisationId);
    }

    /// <summary>The organisation the user acts for (the first, as the case layer takes it), if any.</summary>
    public static long? OrganisationOf(ClaimsPrincipal user) =>
        user.FindFirst(SecurityClaims.OrganisationId)?.Value is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
