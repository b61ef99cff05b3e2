using ApprovalHub.Admin.Blazor.Components.Cockpit;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Cockpit;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Cockpit;

public sealed class CockpitPageTests : AdminTestBase
{
    private FakeCockpitSource UseSource(Func<string?, CockpitLoad>? load = null)
    {
        var source = new FakeCockpitSource(load ?? (_ => CockpitLoad.Of(CockpitSamples.City())));
        Services.AddSingleton<ICockpitSource>(source);
        return source;
    }

    [Fact]
    public void CockpitPage_ShouldShowTheRegionsHeadlineFigures_WhenLoaded()
    {
        var source = UseSource();

        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ah-figure")));
        Assert.Equal([null], source.Loaded);
        Assert.Contains("杭州市", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("1,234", Figure(page, "inUse"));
        Assert.Equal("97.0%", Figure(page, "inspectionRate"));
        Assert.Equal("37", Figure(page, "overdue"));
        Assert.Equal("其中严重 3 项", page.Find("[data-figure=hazardsOpen] .ah-figure-detail").TextContent);
        Assert.Equal("平均 22.5 分钟响应", page.Find("[data-figure=alarmsToday] .ah-figure-detail").TextContent);
        Assert.Contains("数据更新于 2026-11-27 02:30:00", page.Find(".ah-cockpit-asof").TextContent, StringComparison.Ordinal);
        Assert.Equal(["330106", "330102"], page.FindAll("table.ah-regions tbody tr").Select(r => r.GetAttribute("data-region")));
        Assert.Equal(6, page.FindAll("table.ah-warnings tbody tr").Count);
        Assert.Equal("/tasks?view=todo&region=330100&unit=31&sla=overdue".TrimStart('/'), page.Find("table.ah-sla .ah-sla-red").GetAttribute("href"));
    }

    [Fact]
    public void CockpitPage_ShouldStartTheBreadcrumbAtTheViewersLevel()
    {
        var view = CockpitSamples.City() with { Region = CockpitSamples.Xihu, Breadcrumb = [CockpitSamples.Hangzhou, CockpitSamples.Xihu], Children = [] };
        UseSource(_ => CockpitLoad.Of(view));

        Services.GetRequiredService<NavigationManager>().NavigateTo("cockpit?region=330106");
        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ah-region-crumbs li")));
        var crumbs = page.FindAll(".ah-region-crumbs li");
        Assert.Equal("cockpit?region=330100", crumbs[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("page", crumbs[1].QuerySelector("span")!.GetAttribute("aria-current"));
        Assert.Empty(page.FindAll("table.ah-regions"));
    }

    [Fact]
    public void CockpitPage_ShouldOpenTheListBehindAFigure_WhenTheFigureIsClicked()
    {
        var source = UseSource();
        source.Pages.Add(new FigureListPage([CockpitSamples.Device(7, "311033001202100007")], [], NextAfter: 7));
        source.Pages.Add(new FigureListPage([CockpitSamples.Device(9, "311033001202100009")], [], NextAfter: null));
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-figure=overdue]")));

        page.Find("[data-figure=overdue]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr[data-device]")));
        var (link, after) = Assert.Single(source.Listed);
        Assert.Equal((FigureListKind.Devices, "330100", DeviceListFilter.Overdue, (long?)null), (link.Kind, link.Region, link.Filter, after));
        Assert.Contains("311033001202100007", page.Find("tr[data-device='7']").TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/cockpit/devices/export?region=330100&filter=overdue", page.Find(".ah-list-export").GetAttribute("href"));

        page.Find(".ah-list-more").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr[data-device]").Count));
        Assert.Equal(7, source.Listed[1].After);
        Assert.Empty(page.FindAll(".ah-list-more"));
    }

    [Fact]
    public void CockpitPage_ShouldListTheWarningsOfARule_WhenItsCountIsClicked()
    {
        var source = UseSource();
        source.Pages.Add(new FigureListPage([], [new WarningListItem(5, Supervision.Warnings.WarningRule.InspectionOverdue, "inspection-overdue", "超期未检",
            Supervision.Warnings.WarningSubject.Device, 7, "311033001202100007", "330106001000", 2001, "检验有效期至 2026-10-01，已超期未检",
            new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), null, null,
            "unit_31_hazard_rectification", Guid.Parse("01a2198f-7ac6-759a-a69d-de446f6cd1e7"), null)], null));
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.ah-warnings")));

        page.Find("tr[data-rule='inspection-overdue'] .ah-link").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr[data-warning]")));
        Assert.Equal((FigureListKind.Warnings, Supervision.Warnings.WarningRule.InspectionOverdue), (source.Listed[0].Link.Kind, source.Listed[0].Link.Rule));
        Assert.Contains("已超期未检", page.Find("tr[data-warning='5']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CockpitPage_ShouldDrillDown_WhenAChildRegionIsChosenOnTheMap()
    {
        UseSource();
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindComponents<EChart>()));

        var map = page.FindComponents<EChart>().Single(c => c.Instance.Class == "ah-chart-wide");
        await page.InvokeAsync(() => map.Instance.ItemClicked.InvokeAsync(CockpitCharts.RegionPrefix + "330106"));

        Assert.EndsWith("/cockpit?region=330106", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void CockpitPage_ShouldLoadTheRegionInTheAddress_WhenItChanges()
    {
        var source = UseSource();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("cockpit?region=330100");
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Single(source.Loaded));

        // Drilling down changes only the query string; the same page loads the new region.
        navigation.NavigateTo("cockpit?region=330106");

        page.WaitForAssertion(() => Assert.Equal(["330100", "330106"], source.Loaded));
    }

    [Theory]
    [InlineData(CockpitProblem.Denied, "您的账号没有监管区域，不能查看智控中心。")]
    [InlineData(CockpitProblem.NotFound, "没有这个区域。")]
    public void CockpitPage_ShouldSayWhyThereAreNoFigures_WhenTheViewerMayNotSeeThem(CockpitProblem problem, string message)
    {
        UseSource(_ => CockpitLoad.Failed(problem));

        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.Contains(message, page.Find(".ah-cockpit-problem").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".ah-figure"));
    }

    [Fact]
    public void CockpitPage_ShouldSpeakEnglish_WhenTheCultureIsEnglish()
    {
        UseCulture(SupportedCultures.English);
        UseSource();

        var page = Render<CockpitPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".ah-figure")));
        Assert.Equal("Overdue inspections", page.Find("[data-figure=overdue] .ah-figure-label").TextContent);
        Assert.Equal("Inspection overdue", page.Find("tr[data-rule='inspection-overdue'] td").TextContent);
        Assert.Equal("Lifts", page.Find("table.ah-categories td").TextContent);
    }

    private static string Figure(IRenderedComponent<CockpitPage> page, string name) => page.Find($"[data-figure={name}] .ah-figure-value").TextContent;
}
