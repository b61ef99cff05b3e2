namespace ApprovalHub.Host.Security.SignIn;

/// <summary>A user name and password.</summary>
/// <param name="UserName">The account.</param>
/// <param name="Password">Its password.</param>
public sealed record CredentialsRequest(string? UserName, string? Password);

/// <summary>A bearer token (OAuth 2.0 token response field names).</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt);

/// <summary>The signed-in caller.</summary>
/// <param name="Id">User id.</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Roles">Roles.</param>
/// <param name="RegionCode">Region code, for regulators.</param>
/// <param name="OrganisationId">Organisation, for organisation-scoped roles.</param>
/// <param name="Scope">What the caller sees, as the audit trail writes it.</param>
public sealed record CallerResponse(
    string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? RegionCode, long? OrganisationId, string Scope);
