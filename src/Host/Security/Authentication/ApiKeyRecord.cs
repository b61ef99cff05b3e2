namespace ApprovalHub.Host.Security.Authentication;

/// <summary>
/// An API key of an integration (数据共享交换): acts as its user, with that user's roles and scope.
/// Only the SHA-256 of the secret is stored; the key is shown once, when it is created.
/// </summary>
public sealed class ApiKeyRecord
{
    /// <summary>The public part of the key, also its id.</summary>
    public Guid Id { get; set; }

    /// <summary>The user the key acts as.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>What the key is for ("省数据共享平台").</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>SHA-256 of the secret part, hex.</summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working; null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When it was revoked; null while active.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
