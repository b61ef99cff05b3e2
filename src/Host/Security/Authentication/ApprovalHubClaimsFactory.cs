using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Security.Authentication;

/// <summary>
/// Identity's principal (id, name, roles, security stamp) plus ApprovalHub's scope claims. Every
/// scheme (cookie, bearer token, API key) builds its principal here, so all carry the same claims.
/// </summary>
internal sealed class ApprovalHubClaimsFactory(
    UserManager<ApprovalHubUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApprovalHubUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApprovalHubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SecurityClaims.DisplayName, user.DisplayName));
        if (user.RegionCode is { Length: > 0 } region)
        {
            identity.AddClaim(new Claim(SecurityClaims.RegionCode, region));
        }

        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(SecurityClaims.OrganisationId, organisation.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
