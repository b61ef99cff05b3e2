using System.ComponentModel.DataAnnotations;

namespace ApprovalHub.Host.Security;

/// <summary>Configuration section <c>Security</c>: token signing, lifetimes, lockout and rate limits.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security";

    /// <summary>The fewest bytes a signing key may have (HMAC-SHA256 wants 256 bits).</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes that sign bearer tokens (HMAC-SHA256); every node of a
    /// cluster needs the same one. Required outside demo mode; startup fails without it.
    /// Generate one with <c>openssl rand -base64 32</c>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> of issued tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "ApprovalHub";

    /// <summary>The <c>aud</c> of issued tokens.</summary>
    [Required]
    public string Audience { get; set; } = "approvalhub-api";

    /// <summary>How long a bearer token is valid (default 30 minutes). Integrations ask for a new one when it ends.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a UI sign-in lasts without activity (default 8 hours, sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row that lock an account (default 5).</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per client address per <see cref="RateLimitWindow"/> (default 10).</summary>
    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>Calls of public (anonymous) endpoints per client address per <see cref="RateLimitWindow"/> (default 120).</summary>
    [Range(1, 1_000_000)]
    public int PublicPermitLimit { get; set; } = 120;

    /// <summary>The window both limits count in (default one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
