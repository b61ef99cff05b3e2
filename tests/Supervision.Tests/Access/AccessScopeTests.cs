using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Supervision.Tests.Access;

public sealed class AccessScopeTests
{
    [Theory]
    [InlineData("330000", "33")]
    [InlineData("330100", "3301")]
    [InlineData("330106", "330106")]
    [InlineData("330106001000", "330106001")]
    [InlineData("100000", "")]
    public void Significant_prefix_follows_gbt_2260_levels(string code, string prefix) =>
        Assert.Equal(prefix, AccessScope.SignificantPrefix(code));

    [Fact]
    public void A_city_regulator_sees_its_counties_and_not_the_neighbouring_city()
    {
        var hangzhou = AccessScope.Restricted(AccessScope.SignificantPrefix("330100"), []);

        Assert.True(hangzhou.CoversRegion("330106"));
        Assert.True(hangzhou.CoversRegion("330106001000"));
        Assert.False(hangzhou.CoversRegion("330206"));
        Assert.False(hangzhou.CoversRegion(null));
    }

    [Fact]
    public void An_enterprise_sees_its_organisations_only()
    {
        var enterprise = AccessScope.Restricted(null, [42]);

        Assert.True(enterprise.CoversOrganisation(42));
        Assert.False(enterprise.CoversOrganisation(43));
        Assert.False(enterprise.CoversRegion("330106"));
        Assert.True(enterprise.Covers("330106", 7, 42));
    }

    [Fact]
    public void An_empty_restricted_scope_and_the_public_see_nothing()
    {
        Assert.False(AccessScope.Restricted(null, []).Covers("330106", 1));
        Assert.False(AccessScope.Public.Covers("330106", 1));
        Assert.True(AccessScope.Unrestricted.Covers(null));
    }

    [Fact]
    public void A_malformed_region_code_is_rejected_with_its_length()
    {
        var error = Assert.Throws<ArgumentException>(() => AccessScope.SignificantPrefix("3301"));
        Assert.Contains("has 4", error.Message, StringComparison.Ordinal);
    }
}
