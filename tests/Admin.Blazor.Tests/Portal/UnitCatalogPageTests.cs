using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class UnitCatalogPageTests : PortalTestBase
{
    [Fact]
    public void Catalog_ShouldGroupUnitsByTheNineSteps_AndOfferTheEnterprisesOwnFirst()
    {
        var page = Render<UnitCatalogPage>();

        Assert.Equal(9, page.FindAll("section.ah-portal-step").Count);
        Assert.Equal("1 厂厂受控", page.Find("#step-title-1").TextContent.Trim());
        var shown = page.FindAll("article.ah-portal-card .ah-portal-code").Select(c => c.TextContent).ToList();
        Assert.Contains("11", shown);
        Assert.DoesNotContain("01", shown);
        Assert.All(page.FindAll("article.ah-portal-card footer a"), a => Assert.StartsWith("portal/apply/", a.GetAttribute("href"), StringComparison.Ordinal));

        page.Find(".ah-portal-switch input").Change(false);

        Assert.Equal(34, page.FindAll("article.ah-portal-card").Count);
        var licence = page.FindAll("article.ah-portal-card").Single(c => c.QuerySelector(".ah-portal-code")!.TextContent == "01");
        Assert.Contains("由生产单位发起", licence.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ACard_ShouldSayWhoDecidesHowLongItTakesAndWhatItNeeds()
    {
        var page = Render<UnitCatalogPage>();

        var card = page.FindAll("article.ah-portal-card").Single(c => c.QuerySelector(".ah-portal-code")!.TextContent == "11");
        var terms = card.QuerySelectorAll("dt").Zip(card.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent, dd.TextContent.Trim())).ToDictionary();

        Assert.Equal("使用单位", terms["申请人"]);
        Assert.Equal("市级监管部门", terms["审批"]);
        Assert.Equal("15 个工作日（默认值，可按地方规定配置）", terms["办理时限"]);
        Assert.Equal("共 16 项，其中必填 15 项", terms["申请表"]);
        Assert.Contains("监督检验证明", terms["所需材料"], StringComparison.Ordinal);
        Assert.Equal("在线申请", card.QuerySelector("footer a")!.TextContent);
    }

    [Fact]
    public void AFiling_ShouldSayItIsAcceptedAtOnce_AndADraftShouldBeContinued()
    {
        var now = DateTimeOffset.UnixEpoch;
        Cases.Drafts["18"] = new DraftView(Guid.NewGuid(), "18", [], now, now);
        SignIn("demo.producer", "producer");

        var page = Render<UnitCatalogPage>();

        var notice = page.FindAll("article.ah-portal-card").Single(c => c.QuerySelector(".ah-portal-code")!.TextContent == "18");
        Assert.Contains("告知类", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("提交即受理", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("继续填写", notice.QuerySelector("footer a")!.TextContent);
    }

    [Fact]
    public void Search_ShouldNarrowTheUnitsByNameOrNumber()
    {
        var page = Render<UnitCatalogPage>();
        page.Find(".ah-portal-switch input").Change(false);

        page.Find("input[type='search']").Input("停用");

        Assert.Equal(["13"], page.FindAll("article.ah-portal-card .ah-portal-code").Select(c => c.TextContent));
    }
}
