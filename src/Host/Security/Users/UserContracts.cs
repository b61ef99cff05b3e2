namespace ApprovalHub.Host.Security.Users;

/// <summary>A user account as the API shows it (never its password hash or security stamp).</summary>
/// <param name="Id">User id.</param>
/// <param name="UserName">Sign-in name.</param>
/// <param name="DisplayName">Name shown in the UI and the audit trail.</param>
/// <param name="Email">E-mail address, if known.</param>
/// <param name="PhoneNumber">Phone number, if known.</param>
/// <param name="Roles">Roles.</param>
/// <param name="RegionCode">Region code (regulators).</param>
/// <param name="OrganisationId">Organisation (inspection bodies, user units, producers).</param>
/// <param name="LockedUntil">Locked until then (UTC), or null.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserResponse(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? PhoneNumber,
    IReadOnlyList<string> Roles,
    string? RegionCode,
    long? OrganisationId,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);

/// <summary>A new account.</summary>
/// <param name="UserName">Sign-in name: letters, digits and <c>-._@+</c>.</param>
/// <param name="DisplayName">Name shown in the UI.</param>
/// <param name="Password">Initial password; must meet the password policy.</param>
/// <param name="Roles">At least one of regulator, inspector, enterprise, producer, analyst, admin.</param>
/// <param name="RegionCode">Required for regulators: 6-digit GB/T 2260 code or 12-digit township code.</param>
/// <param name="OrganisationId">Required for inspectors, enterprises and producers.</param>
/// <param name="Email">Optional e-mail address.</param>
/// <param name="PhoneNumber">Optional phone number.</param>
public sealed record CreateUserRequest(
    string? UserName,
    string? DisplayName,
    string? Password,
    IReadOnlyList<string>? Roles,
    string? RegionCode,
    long? OrganisationId,
    string? Email,
    string? PhoneNumber);

/// <summary>New roles and scope of an account; replaces the old ones.</summary>
/// <param name="Roles">At least one role.</param>
/// <param name="RegionCode">Region code; required for regulators.</param>
/// <param name="OrganisationId">Organisation; required for organisation-scoped roles.</param>
public sealed record UpdateAccessRequest(IReadOnlyList<string>? Roles, string? RegionCode, long? OrganisationId);

/// <summary>Locks an account.</summary>
/// <param name="Until">Until when (UTC); null locks until unlocked.</param>
public sealed record LockUserRequest(DateTimeOffset? Until);

/// <summary>A new API key for an integration account.</summary>
/// <param name="Name">What it is for.</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
public sealed record CreateApiKeyRequest(string? Name, DateTimeOffset? ExpiresAt);

/// <summary>A created API key. <paramref name="Key"/> is shown this once and never again.</summary>
/// <param name="Id">Key id (for revoking).</param>
/// <param name="Name">What it is for.</param>
/// <param name="Key">The key to send in the <c>X-Api-Key</c> header.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record ApiKeyCreatedResponse(Guid Id, string Name, string Key, DateTimeOffset? ExpiresAt);
