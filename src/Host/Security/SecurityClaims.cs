namespace ApprovalHub.Host.Security;

/// <summary>
/// Claim types in cookies, bearer tokens and API-key principals. Short JWT-style names are used
/// everywhere (Identity is configured with them too), so one principal reads the same whatever
/// scheme signed it in.
/// </summary>
public static class SecurityClaims
{
    /// <summary>The user id.</summary>
    public const string UserId = "sub";

    /// <summary>The user name.</summary>
    public const string UserName = "name";

    /// <summary>A role (one claim per role).</summary>
    public const string Role = "role";

    /// <summary>The region code of a regulator.</summary>
    public const string RegionCode = "ah_region";

    /// <summary>The organisation the user acts for.</summary>
    public const string OrganisationId = "ah_org";

    /// <summary>The display name.</summary>
    public const string DisplayName = "ah_display";

    /// <summary>Identity's security stamp: changes when a user is locked or their roles or scope change, which revokes tokens.</summary>
    public const string SecurityStamp = "ah_stamp";
}
