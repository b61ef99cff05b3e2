namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// One link of the audit trail (操作留痕): who did what to which target, from where, when, with
/// what result, and the hash of the previous link. Never updated or deleted.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>The genesis link's <see cref="PreviousHash"/>.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Position in the chain: 1, 2, 3, … without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC, whole microseconds so every database stores it exactly).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The user id, or null for an anonymous caller.</summary>
    public string? ActorId { get; set; }

    /// <summary>The user name ("anonymous" when nobody signed in; the attempted name for a sign-in).</summary>
    public string ActorName { get; set; } = string.Empty;

    /// <summary>The caller's roles, comma-separated in a stable order.</summary>
    public string Roles { get; set; } = string.Empty;

    /// <summary>The caller's scope as <see cref="Scope.CallerScopes.Describe"/> writes it.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>The client's address.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>What: the command ("DeployDefinition", "LockUser", "SignIn", "ReadUser") and its HTTP method and route.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The target: route values ("key=use_registration", "id=…").</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; set; }

    /// <summary>succeeded, denied, not-found, rejected or failed, from <see cref="StatusCode"/>.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>The previous link's <see cref="Hash"/>; <see cref="GenesisHash"/> for the first.</summary>
    public string PreviousHash { get; set; } = GenesisHash;

    /// <summary>SHA-256 (hex) of this link's canonical form, <see cref="AuditHash.Compute"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}
