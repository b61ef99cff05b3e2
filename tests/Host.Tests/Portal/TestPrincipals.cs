using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Host.Security;

namespace ApprovalHub.Host.Tests.Portal;

/// <summary>Signed-in users as the Blazor circuit sees them: the claims a cookie sign-in carries.</summary>
internal static class TestPrincipals
{
    public static ClaimsPrincipal User(string userName, string role, long? organisationId = null, string? regionCode = null)
    {
        var claims = new List<Claim>
        {
            new(SecurityClaims.UserId, Guid.NewGuid().ToString()),
            new(SecurityClaims.UserName, userName),
            new(SecurityClaims.Role, role),
        };
        if (organisationId is { } organisation)
        {
            claims.Add(new Claim(SecurityClaims.OrganisationId, organisation.ToString(CultureInfo.InvariantCulture)));
        }

        if (regionCode is not null)
        {
            claims.Add(new Claim(SecurityClaims.RegionCode, regionCode));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", SecurityClaims.UserName, SecurityClaims.Role));
    }

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}
