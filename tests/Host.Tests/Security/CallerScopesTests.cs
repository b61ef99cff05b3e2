using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>The one mapping from a signed-in user's claims to the scope every query applies.</summary>
public sealed class CallerScopesTests
{
    [Fact]
    public void Nobody_signed_in_sees_only_public_facts() =>
        Assert.Equal(AccessScope.Public, CallerScopes.From(new ClaimsPrincipal(new ClaimsIdentity())));

    [Theory]
    [InlineData("100000", null)]
    [InlineData("000000", null)]
    [InlineData("330000", "33")]
    [InlineData("330100", "3301")]
    [InlineData("330106", "330106")]
    [InlineData("330106001000", "330106001")]
    public void A_regulator_sees_its_region_at_every_level(string region, string? prefix)
    {
        var scope = CallerScopes.From(User([Roles.Regulator], region: region));

        Assert.Equal(prefix is null ? AccessScope.Unrestricted : AccessScope.Restricted(prefix, []), scope);
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Enterprise)]
    [InlineData(Roles.Producer)]
    public void Organisation_roles_see_their_organisation_and_not_the_region_they_sit_in(string role)
    {
        var scope = CallerScopes.From(User([role], region: "330106", organisation: 2001));

        Assert.Equal(AccessScope.Restricted(null, [2001]), scope);
        Assert.False(scope.CoversRegion("330106"));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public void Platform_roles_see_everything(string role) =>
        Assert.Equal(AccessScope.Unrestricted, CallerScopes.From(User([role])));

    [Fact]
    public void Several_roles_see_the_union()
    {
        var scope = CallerScopes.From(User([Roles.Regulator, Roles.Inspector], region: "330102", organisation: 1001));

        Assert.Equal(AccessScope.Restricted("330102", [1001]), scope);
        Assert.Equal("region:330102 org:1001", CallerScopes.Describe(scope));
    }

    [Fact]
    public void A_signed_in_user_without_a_known_role_sees_nothing()
    {
        var scope = CallerScopes.From(User(["visitor"], region: "330106", organisation: 7));

        Assert.False(scope.Covers("330106", 7));
        Assert.Equal("none", CallerScopes.Describe(scope));
    }

    private static ClaimsPrincipal User(string[] roles, string? region = null, long? organisation = null)
    {
        var claims = roles.Select(r => new Claim(SecurityClaims.Role, r)).ToList();
        if (region is not null)
        {
            claims.Add(new Claim(SecurityClaims.RegionCode, region));
        }

        if (organisation is not null)
        {
            claims.Add(new Claim(SecurityClaims.OrganisationId, organisation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", SecurityClaims.UserName, SecurityClaims.Role));
    }
}
