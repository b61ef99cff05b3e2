using System.Globalization;
using ApprovalHub.Browser.Tests.Support;
using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Journeys;

/// <summary>
/// The control centre (issue #10) in a real browser: a province regulator and a county regulator
/// each open /cockpit, see their own region's figures as the maintained tables hold them, with the
/// charts drawn; the province drills down to a city and opens the list behind a figure. Screenshots
/// for docs/ui.md.
/// </summary>
public sealed class CockpitJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_province_regulator_sees_the_province_drills_down_and_opens_the_list_behind_a_figure()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("demo.province");

        await OpenCockpitAsync(page, string.Empty);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("浙江省");
        await AssertFiguresAsync(page, "330000");
        await page.ScreenshotAsync("cockpit-province");

        // The treemap's table twin: the first city with devices, one level down.
        var city = page.Locator("table.ah-regions tbody tr a").First;
        var cityName = await city.TextContentAsync();
        await city.ClickAsync();
        await Assertions.Expect(page.Locator(".ah-region-crumbs [aria-current=page]")).ToHaveTextAsync(cityName!);
        await Assertions.Expect(page.Locator(".ah-region-crumbs a").First).ToHaveTextAsync("浙江省");

        // The list behind "in use" lists devices of that city.
        await page.Locator("[data-figure=inUse]").ClickAsync();
        await Assertions.Expect(page.Locator(".ah-figure-list tr[data-device]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ah-list-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/api/cockpit/devices/export\\?region=33"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_regulator_starts_at_the_county()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("demo.county");

        await OpenCockpitAsync(page, string.Empty);
        await Assertions.Expect(page.Locator(".ah-region-crumbs [aria-current=page]")).ToHaveAttributeAsync("data-region", "330106");
        await AssertFiguresAsync(page, "330106");
        await page.ScreenshotAsync("cockpit-county");

        // A county regulator may not look at the province.
        await OpenCockpitAsync(page, "?region=330000");
        await Assertions.Expect(page.Locator(".ah-cockpit-problem")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task OpenCockpitAsync(IPage page, string query)
    {
        await page.OpenAsync("cockpit" + query);
        await page.Locator(".ah-figures, .ah-cockpit-problem").First.WaitForAsync();
    }

    // The headline figures are the maintained ones, and the charts have been drawn.
    private async Task AssertFiguresAsync(IPage page, string region)
    {
        await using var scope = browser.Host.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<CockpitDbContext>().RegionFigures.AsNoTracking()
            .SingleAsync(f => f.RegionCode == region, TestContext.Current.CancellationToken);
        Assert.True(figures.InUse > 0, $"{region} has devices in use");
        await Assertions.Expect(page.Locator("[data-figure=inUse] .ah-figure-value")).ToHaveTextAsync(figures.InUse.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-figure=overdue] .ah-figure-value")).ToHaveTextAsync(figures.Overdue.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".ah-chart-canvas canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ah-chart-trends .ah-chart-canvas canvas")).ToBeVisibleAsync();
    }
}
