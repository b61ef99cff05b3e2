using Microsoft.AspNetCore.Authorization;

namespace ApprovalHub.Host.Security.Authorization;

/// <summary>
/// Who may call which family of endpoints. The scope of what they then see is not decided here but
/// by <see cref="Scope.ICallerScopeAccessor"/>; these policies only say who may act at all.
/// </summary>
/// <remarks>
/// Every endpoint without its own policy requires a signed-in user (the fallback policy), so a
/// new endpoint is closed until someone opens it on purpose with <c>AllowAnonymous</c>.
/// </remarks>
public static class Policies
{
    /// <summary>Reading published definitions: every signed-in role (enterprises need them to know what they may apply for).</summary>
    public const string ReadDefinitions = "definitions.read";

    /// <summary>Validating, deploying, editing drafts and publishing: analysts and administrators.</summary>
    public const string AuthorDefinitions = "definitions.author";

    /// <summary>Reading user accounts: administrators (all) and regulators (those in their region).</summary>
    public const string ReadUsers = "users.read";

    /// <summary>Creating, locking, changing users and their API keys: administrators only.</summary>
    public const string ManageUsers = "users.manage";

    /// <summary>Reading and verifying the audit trail: administrators only.</summary>
    public const string ReadAudit = "audit.read";

    /// <summary>Listing and retrying incidents: the people who run the platform's processes (analysts, administrators).</summary>
    public const string OperateEngine = "engine.operate";

    /// <summary>SLA statistics: regulators (their region and below), analysts and administrators.</summary>
    public const string ReadSlaStatistics = "sla.read";

    /// <summary>Registers the policies and the fallback.</summary>
    public static AuthorizationBuilder AddApprovalHubPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        return authorization
            .SetFallbackPolicy(signedIn)
            .AddPolicy(ReadDefinitions, policy => policy.RequireRole(Roles.All))
            .AddPolicy(AuthorDefinitions, policy => policy.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(ReadUsers, policy => policy.RequireRole(Roles.Admin, Roles.Regulator))
            .AddPolicy(ManageUsers, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(ReadAudit, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(OperateEngine, policy => policy.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(ReadSlaStatistics, policy => policy.RequireRole(Roles.Regulator, Roles.Analyst, Roles.Admin));
    }
}
