using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Regions;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Who acts on cases: the user name the engine records (assignee, candidate, initiator), the
/// caller's scope (<see cref="CallerScopes"/>) and the candidate groups their role and level put
/// them in (docs/tasks.md).
/// </summary>
internal sealed record CaseCaller
{
    /// <summary>The region code of the national authority (国家市场监督管理总局) in the accounts.</summary>
    private const string NationalAuthority = "100000";

    /// <summary>The user name, the engine's user id for tasks; null for the public.</summary>
    public string? UserName { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>A regulator's region code.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The organisations the caller acts for.</summary>
    public IReadOnlyList<long> OrganisationIds { get; init; } = [];

    public required AccessScope Scope { get; init; }

    /// <summary>Candidate groups: <c>regulator.county</c>, <c>inspector</c>, <c>enterprise</c>, <c>producer</c>, <c>maintenance</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>True for a signed-in user.</summary>
    public bool IsSignedIn => UserName is not null;

    /// <summary>The signed-in user's name, or a refusal for the public.</summary>
    public string RequireUserName() => UserName ?? throw new InvalidOperationException("Internal bug: a signed-in action reached the case layer without a user, please report.");

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>The regulator level of the caller's region, or null for other roles.</summary>
    /// <remarks>
    /// Both national codes are the national level, as in <see cref="AccessScope.SignificantPrefix"/>:
    /// SAMR's 100000 ends in 0000 but is no province, and its officials take the national group's tasks.
    /// </remarks>
    public RegionLevel? RegulatorLevel => HasRole(Security.Roles.Regulator) && RegionCode is { Length: > 0 } code
        ? code is RegionCodes.National or NationalAuthority ? RegionLevel.National
        : RegionCodes.TryValidate(code, out _) ? RegionCodes.LevelOf(code) : null
        : null;

    /// <summary>The group of a regulator level: <c>regulator.city</c>.</summary>
    public static string RegulatorGroup(RegionLevel level) => $"{Security.Roles.Regulator}.{level.ToString().ToLowerInvariant()}";

    /// <summary>The caller as the claims say, before organisation roles are looked up (<see cref="CaseCallers"/> adds <c>maintenance</c>).</summary>
    public static CaseCaller FromClaims(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var scope = CallerScopes.From(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return new CaseCaller { Scope = scope };
        }

        var roles = principal.FindAll(SecurityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var region = principal.FindFirst(SecurityClaims.RegionCode)?.Value;
        var organisations = principal.FindAll(SecurityClaims.OrganisationId)
            .Select(c => long.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        var caller = new CaseCaller
        {
            UserName = principal.Identity.Name,
            DisplayName = principal.FindFirst(SecurityClaims.DisplayName)?.Value ?? principal.Identity.Name ?? string.Empty,
            Roles = roles,
            RegionCode = region,
            OrganisationIds = organisations,
            Scope = scope,
        };

        var groups = new List<string>();
        if (caller.RegulatorLevel is { } level)
        {
            groups.Add(RegulatorGroup(level));
        }

        foreach (var role in new[] { Security.Roles.Inspector, Security.Roles.Enterprise, Security.Roles.Producer })
        {
            if (roles.Contains(role) && organisations.Count > 0)
            {
                groups.Add(role);
            }
        }

        return caller with { Groups = groups };
    }
}
