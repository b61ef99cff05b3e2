using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Home;

namespace ApprovalHub.Admin.Blazor.Tests.Home;

/// <summary>The start page sends each role to where its work is.</summary>
public sealed class StartPageTests
{
    [Theory]
    [InlineData("enterprise", "portal")]
    [InlineData("producer", "portal")]
    [InlineData("analyst", "admin")]
    [InlineData("admin", "admin")]
    [InlineData("regulator", "definitions")]
    [InlineData("inspector", "definitions")]
    public void Each_role_starts_at_its_own_page(string role, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(expected, HomeRedirect.StartPage(user));
    }

    [Fact]
    public void A_visitor_without_roles_starts_at_the_definitions_list() =>
        Assert.Equal("definitions", HomeRedirect.StartPage(new ClaimsPrincipal(new ClaimsIdentity())));
}
