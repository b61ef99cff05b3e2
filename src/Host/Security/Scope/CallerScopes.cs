using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Security.Scope;

/// <summary>The one mapping from a signed-in principal to the <see cref="AccessScope"/> it may see.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>anonymous: <see cref="AccessScope.Public"/>;</item>
/// <item>analyst, admin, and a regulator whose region is national (000000/100000): <see cref="AccessScope.Unrestricted"/>;</item>
/// <item>regulator: everything under the significant prefix of its region code;</item>
/// <item>inspector, enterprise, producer: their organisation;</item>
/// <item>several roles: the union; a signed-in user with none of these sees nothing.</item>
/// </list>
/// A region code on a non-regulator is recorded but grants nothing: an enterprise located in a
/// county must not see that county's other enterprises.
/// </remarks>
public static class CallerScopes
{
    /// <summary>The scope of <paramref name="principal"/>.</summary>
    public static AccessScope From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Public;
        }

        var roles = principal.FindAll(SecurityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Analyst))
        {
            return AccessScope.Unrestricted;
        }

        string? regionPrefix = null;
        if (roles.Contains(Roles.Regulator) && principal.FindFirst(SecurityClaims.RegionCode)?.Value is { Length: > 0 } region)
        {
            regionPrefix = AccessScope.SignificantPrefix(region);
            if (regionPrefix.Length == 0)
            {
                return AccessScope.Unrestricted;
            }
        }

        var organisations = Roles.OrganisationScoped.Any(roles.Contains)
            ? principal.FindAll(SecurityClaims.OrganisationId)
                .Select(c => long.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture))
                .ToList()
            : [];
        return AccessScope.Restricted(regionPrefix, organisations);
    }

    /// <summary>A short, stable text for logs and the audit trail: "unrestricted", "public", "region:3301 org:12".</summary>
    public static string Describe(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Kind switch
        {
            ScopeKind.Unrestricted => "unrestricted",
            ScopeKind.Public => "public",
            _ => string.Join(' ', new[]
            {
                scope.RegionPrefix is null ? null : $"region:{scope.RegionPrefix}",
                scope.OrganisationIds.Count == 0 ? null : "org:" + string.Join(',', scope.OrganisationIds.Order()),
            }.Where(part => part is not null).DefaultIfEmpty("none")),
        };
    }
}
