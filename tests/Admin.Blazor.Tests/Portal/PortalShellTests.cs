using ApprovalHub.Admin.Blazor.Components.Portal;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class PortalShellTests : PortalTestBase
{
    [Fact]
    public void Shell_ShouldShowThePageAndTheTabs_ToAnEnterprise()
    {
        var shell = Render<PortalShell>(p => p.Add(s => s.Title, "企业工作台").AddChildContent("<p id=\"content\">内容</p>"));

        Assert.Equal("企业工作台", shell.Find("h1").TextContent);
        Assert.NotNull(shell.Find("#content"));
        Assert.Equal(["工作台", "办事指南", "我的申请", "我的设备"], shell.FindAll("nav.ah-portal-tabs a").Select(a => a.TextContent.Trim()));
        Assert.Equal("企业办事导航", shell.Find("nav.ah-portal-tabs").GetAttribute("aria-label"));
    }

    [Fact]
    public void Shell_ShouldKeepThePageFromAnOfficial_WhoTypedItsAddress()
    {
        SignIn("demo.county", "regulator");

        var shell = Render<PortalShell>(p => p.Add(s => s.Title, "企业工作台").AddChildContent("<p id=\"content\">内容</p>"));

        Assert.Empty(shell.FindAll("#content"));
        Assert.Contains("企业办事面向使用单位和生产单位", shell.Find(".ah-portal-forbidden").TextContent, StringComparison.Ordinal);
    }
}
