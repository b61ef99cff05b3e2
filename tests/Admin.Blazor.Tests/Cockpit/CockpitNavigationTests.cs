using ApprovalHub.Admin.Blazor.Components.Layout;
using ApprovalHub.Admin.Blazor.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ApprovalHub.Admin.Blazor.Tests.Cockpit;

/// <summary>The menu offers the control centre to regulators and administrators, and to nobody else.</summary>
public sealed class CockpitNavigationTests : AdminTestBase
{
    [Theory]
    [InlineData("regulator", true)]
    [InlineData("admin", true)]
    [InlineData("enterprise", false)]
    [InlineData("inspector", false)]
    public void MainLayout_ShouldOfferTheCockpit_OnlyToRegulatorsAndAdministrators(string role, bool offered)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        var links = layout.FindAll("a[href='/cockpit'], a[href='cockpit']");
        Assert.Equal(offered, links.Count > 0);
        if (offered)
        {
            Assert.Contains("智控中心", links[0].TextContent, StringComparison.Ordinal);
        }
    }
}
