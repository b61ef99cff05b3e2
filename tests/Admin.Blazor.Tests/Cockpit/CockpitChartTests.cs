using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Cockpit;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Risk;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Tests.Cockpit;

public sealed class CockpitChartTests : AdminTestBase
{
    private IStringLocalizer<CockpitText> Text => Services.GetRequiredService<IStringLocalizer<CockpitText>>();

    [Fact]
    public void RiskChart_ShouldListTheLevelsRedFirst_WithTheirColoursAndLists()
    {
        var option = CockpitCharts.Risk(CockpitSamples.City().Figures, Text);

        var data = option["series"]![0]!["data"]!.AsArray();
        Assert.Equal(["红", "橙", "黄", "蓝"], data.Select(d => (string)d!["name"]!));
        Assert.Equal([12L, 40L, 100L, 1082L], data.Select(d => (long)d!["value"]!));
        Assert.Equal(RiskLevel.Red.Colour(), (string)data[0]!["itemStyle"]!["color"]!);
        Assert.Equal("/api/cockpit/devices?region=330100&filter=riskRed", (string)data[0]!["id"]!);
    }

    [Fact]
    public void RegionMap_ShouldSizeRegionsByDevicesInUse_AndColourThemByTheirShareOfRedAndOrange()
    {
        var children = CockpitSamples.City().Children;

        var data = CockpitCharts.Regions(children)["series"]![0]!["data"]!.AsArray();

        Assert.Equal(["region:330106", "region:330102"], data.Select(d => (string)d!["id"]!));
        Assert.Equal([700L, 534L], data.Select(d => (long)d!["value"]!));
        // 西湖区: 15 of 700 are red or orange (2.1 %: yellow); 上城区: 37 of 534 (6.9 %: orange).
        Assert.Equal([RiskLevel.Yellow.Colour(), RiskLevel.Orange.Colour()], data.Select(d => (string)d!["itemStyle"]!["color"]!));
    }

    [Fact]
    public void Trends_ShouldLeaveMonthsBeforeTheCockpitRanEmpty_AndPutStatesOnTheSecondAxis()
    {
        var option = CockpitCharts.Trends(CockpitSamples.City().Trends, Text);

        Assert.Equal("2025-12", (string)option["xAxis"]!["data"]![0]!);
        var series = option["series"]!.AsArray();
        var overdue = series.Single(s => (string)s!["name"]! == "超期未检");
        Assert.Equal(1, (int)overdue!["yAxisIndex"]!);
        Assert.Null(overdue["data"]![0]);
        Assert.Equal(41L, (long)overdue["data"]![11]!);
        Assert.Equal(8, series.Count);
    }

    [Fact]
    public void EChart_ShouldDrawTheOptionInTheBrowser_AndRedrawOnlyWhenItChanges()
    {
        var module = JSInterop.SetupModule("./_content/ApprovalHub.Admin.Blazor/js/echart.js");
        var option = new JsonObject { ["series"] = new JsonArray(new JsonObject { ["type"] = "pie" }) };
        int Draws() => module.Invocations.Count(i => i.Identifier is "create" or "update");

        var chart = Render<EChart>(p => p.Add(c => c.Option, option).Add(c => c.Title, "风险分布"));

        chart.WaitForAssertion(() => Assert.Equal(1, Draws()));
        var created = module.Invocations.Single(i => i.Identifier == "create");
        Assert.Equal(option.ToJsonString(), ((JsonObject)created.Arguments[1]!).ToJsonString());
        Assert.Equal("风险分布", chart.Find("figcaption").TextContent);

        // The same option again (a re-render of the page) draws nothing; a new one redraws.
        chart.Render(p => p.Add(c => c.Option, JsonNode.Parse(option.ToJsonString())!.AsObject()).Add(c => c.Title, "风险分布"));
        Assert.Equal(1, Draws());
        chart.Render(p => p.Add(c => c.Option, new JsonObject { ["series"] = new JsonArray() }).Add(c => c.Title, "风险分布"));
        chart.WaitForAssertion(() => Assert.Equal(2, Draws()));
    }

    [Fact]
    public async Task EChart_ShouldReportTheClickedItem()
    {
        string? clicked = null;
        var chart = Render<EChart>(p => p.Add(c => c.Option, new JsonObject()).Add(c => c.Title, "t").Add(c => c.ItemClicked, (string id) => clicked = id));

        await chart.InvokeAsync(() => chart.Instance.OnChartClick("region:330106"));

        Assert.Equal("region:330106", clicked);
    }
}
