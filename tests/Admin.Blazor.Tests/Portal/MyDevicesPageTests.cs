using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Equipment;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class MyDevicesPageTests : PortalTestBase
{
    // Today is 2026-11-26 in Beijing (PortalTestBase.Now).
    private static readonly PortalDevice OverdueLift = new(
        "3110TC001202600001", EquipmentCategory.Lift, EquipmentStatus.InUse, "测试大厦1号梯", "梯11浙A00001(26)", "/api/certificates/1/pdf",
        new DateOnly(2026, 11, 20), new DateOnly(2026, 10, 20), true, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 16), true);

    private static readonly PortalDevice Boiler = new(
        "1110TC001202600002", EquipmentCategory.Boiler, EquipmentStatus.Suspended, "锅炉房", null, null,
        new DateOnly(2027, 6, 30), new DateOnly(2027, 5, 30), false, null, null, false);

    [Fact]
    public void Devices_ShouldShowTheirDueDates_WithOverdueOnesInRed()
    {
        Registry.Devices.AddRange([OverdueLift, Boiler]);

        var page = Render<MyDevicesPage>();

        var rows = page.FindAll("tr.ant-table-row");
        Assert.Equal(2, rows.Count);
        var lift = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3110TC001202600001", lift[0]);
        Assert.Equal("电梯", lift[1]);
        Assert.Equal("在用", lift[3]);
        Assert.Contains("2026-11-20", lift[4], StringComparison.Ordinal);
        Assert.Contains("已超期 6 天", lift[4], StringComparison.Ordinal);
        Assert.Contains("已超期 10 天", lift[6], StringComparison.Ordinal);
        Assert.Equal("/api/certificates/1/pdf", rows[0].QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal("portal/apply/06?device=3110TC001202600001", rows[0].QuerySelectorAll("a").Last().GetAttribute("href"));

        var boiler = rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("停用", boiler[3]);
        Assert.Equal("2027-06-30", boiler[4]);
        Assert.Equal("—", boiler[6]);
        Assert.Empty(rows[1].QuerySelectorAll("a"));
    }

    [Fact]
    public void AFilter_ShouldAskTheRegistryForThatList()
    {
        Registry.Devices.AddRange([OverdueLift, Boiler]);
        var page = Render<MyDevicesPage>();

        page.FindAll(".ah-portal-filters button").Single(b => b.TextContent == "已超期").Click();

        Assert.Equal(PortalDeviceFilter.Overdue, Registry.Queries[^1].Filter);
        Assert.Single(page.FindAll("tr.ant-table-row"));
        Assert.Equal("true", page.FindAll(".ah-portal-filters button").Single(b => b.TextContent == "已超期").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void TheHomePagesLink_ShouldOpenTheDueSoonList()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("portal/devices?filter=DueSoon");

        Render<MyDevicesPage>();

        Assert.Equal(PortalDeviceFilter.DueSoon, Registry.Queries[0].Filter);
    }

    [Fact]
    public void Search_ShouldSendTheTextToTheRegistry()
    {
        var page = Render<MyDevicesPage>();

        page.Find("#device-search").Change("测试大厦");
        page.Find("form.ah-portal-search").Submit();

        Assert.Equal("测试大厦", Registry.Queries[^1].Q);
        Assert.Equal(1, Registry.Queries[^1].Page);
    }

    [Fact]
    public void LicencesAndOperatorCertificates_ShouldShowWhenToRenew()
    {
        Registry.Certificates = new PortalCertificates(
            [new PortalLicence("TS3310001-2026", "电梯安装", new DateOnly(2023, 1, 1), new DateOnly(2027, 3, 31), new DateOnly(2026, 9, 30))],
            [new PortalOperatorCertificate("T330106199001011234", "张伟", "T", "电梯修理", new DateOnly(2026, 12, 20), new DateOnly(2026, 11, 20))]);

        var page = Render<MyDevicesPage>();

        var tables = page.FindAll(".ah-portal-panel table");
        Assert.Equal(2, tables.Count);
        Assert.Contains("已超期 57 天", tables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("张伟", tables[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("24 天后到期", tables[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDevices_ShouldSaySo()
    {
        var page = Render<MyDevicesPage>();

        Assert.Equal("没有符合条件的设备。", page.Find(".ah-portal-empty").TextContent);
    }
}
