using ApprovalHub.Browser.Tests.Support;
using ApprovalHub.Host.Demo;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Journeys;

/// <summary>
/// Journeys 1 and 3 of issue #8, in the browser against the real host: an enterprise applies for
/// first use registration (unit 11) in the portal, the city regulator accepts and approves it in
/// the work queue, the enterprise downloads the certificate and the public page of the new lift
/// says 在用; and a case the regulator sends back for correction, which the enterprise fixes and
/// resubmits. On the way they photograph the portal and queue pages for docs/ui.md.
/// </summary>
public sealed class EnterpriseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureDemoUserUnitAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_enterprise_registers_a_lift_and_the_public_sees_it_in_use()
    {
        var code = NewLiftCode();
        var enterprise = await browser.NewPageAsync();
        await enterprise.SignInAsync("demo.enterprise");
        await Assertions.Expect(enterprise).ToHaveURLAsync(new Regex("/portal$"));
        await enterprise.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await enterprise.ScreenshotAsync("portal-desk");
        await enterprise.OpenAsync("portal/units");
        await Assertions.Expect(enterprise.Locator("#main")).ToContainTextAsync("使用登记（首次）");
        await enterprise.ScreenshotAsync("portal-units");

        var caseUrl = await ApplyForUseRegistrationAsync(enterprise, code, "西湖区文三路 90 号 1 号梯", "portal-apply");
        await Assertions.Expect(enterprise.Locator(".ah-diagram .ah-active").First).ToBeAttachedAsync();
        await enterprise.ScreenshotAsync("portal-case-started");

        // The city regulator (the registration authority) accepts, then approves, from the work queue.
        var official = await browser.NewPageAsync();
        await official.SignInAsync("demo.city");
        await Assertions.Expect(official).ToHaveURLAsync(new Regex("/tasks$"));
        await DecideAsync(official, code, "受理", "同意", "材料齐全，予以受理。", screenshots: true);
        await DecideAsync(official, code, "审查决定", "同意", "符合使用登记条件，准予登记。", screenshots: false);

        // The enterprise's case closes with a certificate it can download as a PDF.
        var certificate = await WaitForCertificateLinkAsync(enterprise, caseUrl);
        await enterprise.ScreenshotAsync("portal-case-done");
        var pdf = await enterprise.APIRequest.GetAsync(await certificate.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.BodyAsync())[..4]);

        await enterprise.OpenAsync("portal/devices");
        await Assertions.Expect(enterprise.Locator("#main")).ToContainTextAsync(code);
        await enterprise.ScreenshotAsync("portal-devices");

        // Anyone scanning the code on the lift, on a phone and without signing in, sees it in use.
        var visitor = await browser.NewPhonePageAsync();
        await visitor.GotoAsync($"q/{code}");
        await Assertions.Expect(visitor.Locator(".ah-status")).ToHaveTextAsync("在用");
        await visitor.ScreenshotAsync("public-device");
    }

    [Fact]
    public async Task A_case_sent_back_for_correction_is_fixed_and_resubmitted_by_the_enterprise()
    {
        var code = NewLiftCode();
        var enterprise = await browser.NewPageAsync();
        await enterprise.SignInAsync("demo.enterprise");
        var caseUrl = await ApplyForUseRegistrationAsync(enterprise, code, "西湖区文三路 92 号", screenshot: null);

        // The official sends it back (退回补正): the address lacks the lift's position.
        var official = await browser.NewPageAsync();
        await official.SignInAsync("demo.city");
        await DecideAsync(official, code, "受理", "退回补正", "使用地点请写明楼栋和梯号。", screenshots: false);

        // The enterprise sees what is asked of it, fixes the address and sends the form again.
        await enterprise.OpenAsync(caseUrl);
        var act = enterprise.Locator("a[href^='portal/tasks/']").First;
        await Assertions.Expect(act).ToBeVisibleAsync();
        await act.ClickAsync();
        await enterprise.WaitForURLAsync(new Regex("/portal/tasks/"));
        await enterprise.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(enterprise.Locator("#main")).ToContainTextAsync("使用地点请写明楼栋和梯号。");
        var form = enterprise.Locator("form.ah-form");
        await Assertions.Expect(form.Locator("#" + await form.Label("设备使用地点").GetAttributeAsync("for"))).ToHaveValueAsync("西湖区文三路 92 号");
        await form.FillFieldAsync("设备使用地点", "西湖区文三路 92 号 3 幢 2 号梯");
        await enterprise.ScreenshotAsync("portal-correction");
        await form.Locator("button[type=submit]").ClickAsync();
        await enterprise.WaitForURLAsync(new Regex("/portal/cases/"));

        // Back in the official's queue at 受理, with the corrected address and the history of the round.
        await official.OpenAsync("tasks");
        await official.FillAsync("#queue-q", code);
        await official.ClickAsync("#queue-search");
        var row = official.Locator("tr.ah-queue-row", new PageLocatorOptions { HasText = code });
        await Assertions.Expect(row).ToContainTextAsync("受理");
        await row.Locator("a").First.ClickAsync();
        await official.WaitForURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"));
        await official.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(official.Locator("#main")).ToContainTextAsync("西湖区文三路 92 号 3 幢 2 号梯");
        await Assertions.Expect(official.Locator("#main")).ToContainTextAsync("使用地点请写明楼栋和梯号。");
        await official.ScreenshotAsync("tasks-resubmitted");
    }

    /// <summary>
    /// The official finds the case in 待办 by its device code, claims it from the row, opens it and
    /// decides with the decision form.
    /// </summary>
    private static async Task DecideAsync(IPage official, string code, string taskName, string decision, string comment, bool screenshots)
    {
        await official.OpenAsync("tasks");
        await official.FillAsync("#queue-q", code);
        await official.ClickAsync("#queue-search");
        var row = official.Locator("tr.ah-queue-row", new PageLocatorOptions { HasText = code });
        await Assertions.Expect(row).ToContainTextAsync(taskName);
        if (screenshots)
        {
            await official.ScreenshotAsync("tasks-queue");
        }

        await row.Locator(".ah-queue-claim").ClickAsync();
        await Assertions.Expect(row.Locator(".ah-queue-claim")).ToHaveCountAsync(0);
        await row.Locator("a").First.ClickAsync();
        await official.WaitForURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"));
        await official.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(official.Locator(".ah-diagram .ah-active").First).ToBeAttachedAsync();

        var form = official.Locator(".ah-decision form.ah-form");
        await form.GetByRole(AriaRole.Radio, new LocatorGetByRoleOptions { Name = decision, Exact = true }).CheckAsync();
        await form.FillFieldAsync("审查意见", comment);
        if (screenshots)
        {
            await official.ScreenshotAsync("tasks-task");
        }

        await official.ClickAsync("#decision-submit");
        await Assertions.Expect(official.Locator(".ah-action-message")).ToBeVisibleAsync();
    }

    /// <summary>The case page shows the certificate once the service tasks after the decision have run.</summary>
    private static async Task<ILocator> WaitForCertificateLinkAsync(IPage page, string caseUrl)
    {
        var link = page.Locator("a[download]");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.OpenAsync(caseUrl);
            if (await link.CountAsync() > 0)
            {
                return link.First;
            }

            Assert.True(DateTime.UtcNow < deadline, "No certificate on the case page within 60 s of the decision.");
            await Task.Delay(1000);
        }
    }

    /// <summary>Fills unit 11's form in the portal and sends it; returns the address of the case page it lands on.</summary>
    private static async Task<string> ApplyForUseRegistrationAsync(IPage page, string code, string address, string? screenshot)
    {
        await page.OpenAsync("portal/apply/11");
        var form = page.Locator("form.ah-form");
        await form.FillFieldAsync("单位名称", "演示使用单位");
        await form.FillFieldAsync("统一社会信用代码", CreditCode.Create("91330106MA2900001").Value);
        await form.FillFieldAsync("联系人", "王安全");
        await form.FillFieldAsync("联系电话", "13800000000");
        await form.FillFieldAsync("设备代码", code);
        await form.SelectFieldAsync("设备种类", "电梯");
        await form.FillFieldAsync("设备品种（代码）", "3110");
        await form.FillFieldAsync("设备使用地点", address);
        await form.FillFieldAsync("制造单位", "演示生产单位");
        await form.FillDateAsync("制造日期", "2026-03-02");
        await form.FillDateAsync("投入使用日期", "2026-11-20");
        await form.FillFieldAsync("安全管理员", "李管理");
        await form.UploadAsync("使用登记表", FormFilling.SmallPdf("使用登记表.pdf"));
        await form.UploadAsync("产品合格证（含产品数据表）", FormFilling.SmallPdf("产品合格证.pdf"));
        await form.UploadAsync("监督检验证明", FormFilling.SmallPdf("监督检验证明.pdf"));
        await form.ConfirmDateAsync("制造日期", "2026-03-02");
        await form.ConfirmDateAsync("投入使用日期", "2026-11-20");
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(screenshot);
        }

        await form.Locator("button[type=submit]").ClickAsync();
        try
        {
            // Starting the case validates on the server and runs the process to its first task.
            await page.WaitForURLAsync(url => url.Contains("/portal/cases/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("failed-apply-" + code);
            var shown = await page.Locator(".ant-form-item-explain-error, [role=alert]").AllInnerTextsAsync();
            Assert.Fail($"The application for {code} did not reach its case page within 60 s; the page shows: {string.Join(" | ", shown)}");
        }

        await page.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page.Url;
    }

    private static string NewLiftCode() => EquipmentCode.Create(CatalogCode.Parse("3110"), "20001", 2026, Random.Shared.Next(1, 99999)).Value;

    /// <summary>
    /// The demo enterprise account acts for organisation 2001, which the small demo province of the
    /// browser host does not generate: the user unit is put in the registry under that id, as a real
    /// deployment registers it (the host tests of the units do the same).
    /// </summary>
    private async Task EnsureDemoUserUnitAsync()
    {
        await using var scope = browser.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Id == DemoUsers.UserUnitId))
        {
            return;
        }

        db.Organisations.Add(new Organisation
        {
            Id = DemoUsers.UserUnitId, Name = "演示使用单位", CreditCode = CreditCode.Create("91330106MA2900001").Value,
            Roles = OrganisationRoles.UserUnit, RegionCode = "330106", Address = "西湖区文三路 90 号",
        });
        await db.SaveChangesAsync();
    }
}
