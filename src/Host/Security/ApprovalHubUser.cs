using Microsoft.AspNetCore.Identity;

namespace ApprovalHub.Host.Security;

/// <summary>
/// A person or integration that signs in. Roles live in Identity's role tables; the scope is the
/// region code (regulators) and/or the organisation (inspection bodies, enterprises, producers).
/// </summary>
public sealed class ApprovalHubUser : IdentityUser
{
    /// <summary>The longest display name.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>The name shown in work queues and the audit trail ("西湖区市场监管局 张三").</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>GB/T 2260 region code (6 digits) or township code (12 digits) of a regulator; null otherwise.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The organisation the user acts for (inspection body, user unit, producer); null otherwise.</summary>
    public long? OrganisationId { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
