using ApprovalHub.Browser.Tests.Support;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Journeys;

/// <summary>
/// Journey 2 of issue #8: an analyst changes a definition in the designer and publishes v2; a new
/// case runs on v2 while the case started before stays on v1. On the way it photographs the
/// analysts' pages for docs/ui.md.
/// </summary>
public sealed class DesignerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Key = "unit_11_use_registration";

    [Fact]
    public async Task An_analyst_publishes_v2_in_the_designer_and_only_new_cases_run_on_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("demo.analyst");

        // The overview: every unit with its published version and running instances.
        await page.OpenAsync("admin");
        await Assertions.Expect(page.Locator(".ah-admin-definitions")).ToContainTextAsync(Key);
        await page.ScreenshotAsync("admin-definitions");

        // An old case, started on v1 before anything changes.
        var oldCase = await StartCaseAsync(page, "SY-JOURNEY2-OLD");
        await Assertions.Expect(page.Locator(".ah-facts")).ToContainTextAsync("v1");

        // The designer: pick 受理, shorten its time limit to 3 working days and rename it.
        await page.OpenAsync($"admin/designer/{Key}");
        await page.ClickInCanvasAsync(".ah-designer-canvas", "Task_accept");
        var dueIn = page.Locator("#ah-prop-Prop_dueIn");
        await Assertions.Expect(dueIn).ToHaveValueAsync("P5WD");
        await dueIn.FillAsync("3 days");
        await dueIn.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".ah-property-panel .ah-field-error")).ToBeVisibleAsync();
        await dueIn.FillAsync("P3WD");
        await dueIn.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".ah-property-panel .ah-field-error")).ToHaveCountAsync(0);
        var name = page.Locator("#ah-prop-Prop_name");
        await name.FillAsync("受理（3个工作日）");
        await name.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".ah-designer-status")).ToContainTextAsync("未保存");
        await page.ScreenshotAsync("admin-designer");

        await page.ClickAsync(".ah-publish");
        await Assertions.Expect(page.Locator(".ah-designer-message")).ToContainTextAsync("v2");

        // The versions page compares v1 with v2: 受理 changed, on both diagrams and in the list.
        await page.OpenAsync($"admin/definitions/{Key}");
        await page.SelectOptionAsync("#ah-diff-from", "1");
        await page.SelectOptionAsync("#ah-diff-to", "2");
        await page.ClickAsync(".ah-diff button.ant-btn-primary");
        var changed = page.Locator(".ah-diff-changes tr.ah-diff-changed", new PageLocatorOptions { HasText = "Task_accept" });
        await Assertions.Expect(changed).ToContainTextAsync("P3WD");
        await Assertions.Expect(page.Locator(".ah-diff-canvas .ah-diff-changed").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("admin-versions-diff");

        // A new case starts on v2.
        var newCase = await StartCaseAsync(page, "SY-JOURNEY2-NEW");
        await Assertions.Expect(page.Locator(".ah-facts")).ToContainTextAsync("v2");
        await Assertions.Expect(page.Locator(".ah-instance-tasks")).ToContainTextAsync("受理（3个工作日）");
        await Assertions.Expect(page.Locator(".ah-diagram .ah-active").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("admin-instance");

        // The old one has stayed on v1, with its 5-working-day task: the engine agrees with the page.
        var queries = browser.Host.Services.GetRequiredService<IWorkflowQueries>();
        var old = await queries.GetInstanceAsync(oldCase, TestContext.Current.CancellationToken);
        var fresh = await queries.GetInstanceAsync(newCase, TestContext.Current.CancellationToken);
        Assert.Equal((1, 2), (old!.Version, fresh!.Version));
        var oldTask = Assert.Single(await queries.GetTasksAsync(oldCase, TestContext.Current.CancellationToken));
        Assert.Equal("受理", oldTask.Name);

        // The instance list shows both; selecting the old one leads to the migration page.
        await page.OpenAsync($"admin/instances?key={Key}&businessKey=SY-JOURNEY2");
        await Assertions.Expect(page.Locator(".ah-instances tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("admin-instances");
        await page.Locator(".ah-instances tbody tr", new PageLocatorOptions { HasText = "SY-JOURNEY2-OLD" }).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync(".ah-migrate-selected");
        await page.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#ah-target-version", "2");
        await Assertions.Expect(page.Locator(".ah-mapping")).ToContainTextAsync("Task_accept");
        await page.ClickAsync(".ah-validate-migration");
        await Assertions.Expect(page.Locator(".ah-migration-checks")).ToContainTextAsync("可以迁移");
        await Assertions.Expect(page.Locator(".ah-run-migration")).ToBeEnabledAsync();
        await page.ScreenshotAsync("admin-migration");
        Assert.Equal(1, (await queries.GetInstanceAsync(oldCase, TestContext.Current.CancellationToken))!.Version);

        await page.OpenAsync("admin/incidents");
        await page.ScreenshotAsync("admin-incidents");
        await page.OpenAsync("admin/forms/decision");
        await Assertions.Expect(page.Locator(".ah-preview-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ah-form-editor .fjs-editor-container").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("admin-forms");
        await page.Context.CloseAsync();
    }

    private static async Task<Guid> StartCaseAsync(IPage page, string businessKey)
    {
        await page.OpenAsync($"admin/definitions/{Key}");
        await page.FillAsync("#ah-start-key", businessKey);
        await page.FillAsync("#ah-start-vars", """{"regionCode": "330106", "organisationId": 2001}""");
        await page.ClickAsync(".ah-start-form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/admin/instances/", StringComparison.Ordinal));
        await page.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
    }
}
