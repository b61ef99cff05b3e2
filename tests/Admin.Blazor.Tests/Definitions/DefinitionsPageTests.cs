using ApprovalHub.Admin.Blazor.Components.Definitions;
using ApprovalHub.Admin.Blazor.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Definitions;

public sealed class DefinitionsPageTests : AdminTestBase
{
    [Fact]
    public void DefinitionsPage_ShouldListEveryDefinition_WhenSomeAreDeployed()
    {
        Services.AddSingleton<IDefinitionCatalog>(new FakeDefinitionCatalog(
            new DefinitionListItem("periodic_inspection_application", "定期检验申报", 1, new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero), 1),
            new DefinitionListItem("use_registration", "使用登记", 3, new DateTimeOffset(2026, 3, 1, 16, 5, 9, TimeSpan.Zero), 3)));

        var page = Render<DefinitionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.ant-table-row").Count));
        var rows = page.FindAll("tr.ant-table-row").Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["periodic_inspection_application", "定期检验申报", "v1", "2026-03-01 10:30:00", "1"], rows[0]);
        // 16:05 UTC is past midnight in Beijing: the date moves on too.
        Assert.Equal(["use_registration", "使用登记", "v3", "2026-03-02 00:05:09", "3"], rows[1]);
        Assert.Empty(page.FindAll(".ah-definitions-empty"));
    }

    [Fact]
    public void DefinitionsPage_ShouldExplainHowToDeploy_WhenNothingIsDeployed()
    {
        Services.AddSingleton<IDefinitionCatalog>(new FakeDefinitionCatalog());

        var page = Render<DefinitionsPage>();

        page.WaitForAssertion(() => Assert.Contains("还没有部署任何流程定义", page.Find(".ah-definitions-empty").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("table"));
    }
}
