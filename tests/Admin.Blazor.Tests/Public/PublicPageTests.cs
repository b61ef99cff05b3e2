using ApprovalHub.Admin.Blazor.Components.Public;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Traceability;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Public;

/// <summary>The public QR pages as components: what a visitor reads, and the complaint form drawn from unit 30's schema.</summary>
public sealed class PublicPageTests : PortalTestBase
{
    private readonly FakeDirectory _directory = new();

    public PublicPageTests()
    {
        Services.AddSingleton<IPublicDeviceDirectory>(_directory);
    }

    [Fact]
    public void ADevicePage_ShouldShowItsPublicFactsHotlineAndRescueCode()
    {
        _directory.Facts["3110TC001202600001"] = Lift();

        var page = Render<PublicDevicePage>(p => p.Add(d => d.Code, "3110TC001202600001"));

        Assert.Equal("电梯", page.Find("#device-title").TextContent);
        Assert.Equal("在用", page.Find(".ah-status-inuse").TextContent);
        Assert.Equal("33011234", page.Find(".ah-public-rescue-code strong").TextContent);
        Assert.Equal("tel:96333", page.Find(".ah-public-rescue .ah-public-call").GetAttribute("href"));
        var facts = page.Find(".ah-public-facts").TextContent;
        Assert.Contains("杭州某物业管理有限公司", facts, StringComparison.Ordinal);
        Assert.Contains("合格（2026-03-02）", facts, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".ah-public-overdue, .ah-public-alarm"));
    }

    [Fact]
    public void AnOverdueDeviceWithAnAlarm_ShouldWarnTheVisitor()
    {
        _directory.Facts["3110TC001202600001"] = Lift() with { Overdue = true, AlarmActive = true };

        var page = Render<PublicDevicePage>(p => p.Add(d => d.Code, "3110TC001202600001"));

        Assert.Contains("超过检验有效期", page.Find(".ah-public-overdue").TextContent, StringComparison.Ordinal);
        Assert.Contains("尚未解除的告警", page.Find(".ah-public-alarm").TextContent, StringComparison.Ordinal);
        Assert.Contains("ah-public-danger", page.FindAll(".ah-public-facts dd")[3].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheComplaintForm_ShouldBeDrawnFromUnit30sSchema_WithoutTheDeviceCodeAndFiles()
    {
        _directory.Facts["3110TC001202600001"] = Lift();

        var page = Render<PublicDevicePage>(p => p.Add(d => d.Code, "3110TC001202600001"));

        Assert.Equal(["Input.Fields[topic]", "Input.Fields[description]", "Input.Fields[contactPhone]"],
            page.FindAll(".ah-public-form [name^='Input.Fields']").Select(f => f.GetAttribute("name")));
        Assert.Equal(["", "fault", "noInspection", "noMaintenance", "unsafe", "other"], page.FindAll("#complaint-topic option").Select(o => o.GetAttribute("value")));
        Assert.Equal("1000", page.Find("#complaint-description").GetAttribute("maxlength"));
        Assert.Equal("complaint-description-errors", page.Find("#complaint-description").GetAttribute("aria-describedby"));
        Assert.NotNull(page.Find("label[for='complaint-contactPhone']"));
    }

    [Fact]
    public void AnUnknownCode_ShouldSayNoDeviceHasIt()
    {
        var page = Render<PublicDevicePage>(p => p.Add(d => d.Code, "311000000000000000"));

        Assert.Equal("未找到设备", page.Find("h1").TextContent);
        Assert.Contains("311000000000000000", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".ah-public-form[method='post']"));
    }

    [Fact]
    public void ThePage_ShouldBeInEnglish_ForAVisitorWhoChoseIt()
    {
        UseCulture(SupportedCultures.English);
        _directory.Facts["3110TC001202600001"] = Lift();

        var page = Render<PublicDevicePage>(p => p.Add(d => d.Code, "3110TC001202600001"));

        Assert.Equal("In use", page.Find(".ah-status-inuse").TextContent);
        Assert.Equal("Call the rescue line 96333", page.Find(".ah-public-rescue .ah-public-call").TextContent);
    }

    [Fact]
    public void TheFollowUpPage_ShouldShowWhereAComplaintStands_AndThankAfterSubmission()
    {
        Cases.Complaints["AH30-20261126-000001-K7QX"] = new ComplaintStatus("AH30-20261126-000001-K7QX", new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero), "inProgress", "处理中", null);
        Services.GetRequiredService<NavigationManager>().NavigateTo("q/complaints/AH30-20261126-000001-K7QX?submitted=true");

        var page = Render<ComplaintStatusPage>(p => p.Add(c => c.Reference, "ah30-20261126-000001-k7qx"));

        Assert.Equal("AH30-20261126-000001-K7QX", page.Find(".ah-public-reference").TextContent);
        Assert.Equal("处理中", page.Find(".ah-complaint-inprogress").TextContent);
        Assert.Contains("2026-11-26 10:00:00", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownReference_ShouldSaySo_AndOfferTheLookupAgain()
    {
        var page = Render<ComplaintStatusPage>(p => p.Add(c => c.Reference, "AH30-20260101-000001-ZZZZ"));

        Assert.Contains("没有受理编号为 AH30-20260101-000001-ZZZZ 的投诉举报", page.Find(".ah-public-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("AH30-20260101-000001-ZZZZ", page.Find("#complaint-reference").GetAttribute("value"));
        Assert.Equal("get", page.Find("form.ah-public-lookup").GetAttribute("method"));
    }

    private static PublicDeviceFacts Lift() => new()
    {
        EquipmentCode = "3110TC001202600001",
        CategoryName = "电梯",
        Status = EquipmentStatus.InUse,
        StatusName = "在用",
        UseCertificateNumber = "梯11浙A00001(26)",
        UseUnit = "杭州某物业管理有限公司",
        LastInspectionResult = "合格",
        LastInspectedOn = new DateOnly(2026, 3, 2),
        NextDueOn = new DateOnly(2027, 3, 1),
        MaintenanceUnit = "杭州某电梯维保有限公司",
        LastMaintainedOn = new DateOnly(2026, 11, 20),
        RescueCode = "33011234",
        Hotline = "96333",
    };

    private sealed class FakeDirectory : IPublicDeviceDirectory
    {
        public Dictionary<string, PublicDeviceFacts> Facts { get; } = new(StringComparer.Ordinal);

        public Task<PublicDeviceFacts?> FindAsync(string equipmentCode, CancellationToken cancellationToken) =>
            Task.FromResult(Facts.GetValueOrDefault(equipmentCode));
    }
}
