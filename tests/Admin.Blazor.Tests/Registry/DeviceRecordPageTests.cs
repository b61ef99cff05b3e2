using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Registry;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Registry;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Registry;

/// <summary>/registry/devices/{id}: the file and the timeline newest first; a device out of scope reads as missing; an enterprise gets nothing.</summary>
public sealed class DeviceRecordPageTests : AdminTestBase
{
    private const long Id = 7;
    private static readonly Guid CaseId = Guid.Parse("0b7e1f7a-5d0c-4bd4-9a8e-2f0b8d9c1a11");

    private readonly FakeDeviceRecords _records = new();
    private readonly BunitAuthorizationContext _authorization;

    public DeviceRecordPageTests()
    {
        Services.AddSingleton<IDeviceRecords>(_records);
        _authorization = AddAuthorization();
        SignIn("demo.county", "regulator");
    }

    private static DeviceRecord Record(bool overdue) => new(
        new DeviceDetails
        {
            Id = Id,
            EquipmentCode = "3110TC001202600001",
            RegistrationCode = "31103301062026000001",
            UseCertificateNumber = "梯11浙A00001(26)",
            CatalogCode = "3110",
            Category = EquipmentCategory.Lift,
            Status = EquipmentStatus.InUse,
            StatusName = "在用",
            AllowedStatuses = [EquipmentStatus.Suspended],
            RegionCode = "330106001000",
            Address = "测试大厦1号梯",
            UserOrganisation = new OrganisationRef(1, "演示使用单位", "91330106MA00000001"),
            MaintenanceOrganisation = new OrganisationRef(2, "演示维保公司", "91330106MA00000002"),
            ManufacturerOrganisation = new OrganisationRef(3, "演示电梯制造厂", "91330106MA00000003"),
            ManufacturedOn = new DateOnly(2025, 3, 1),
            InstalledOn = new DateOnly(2025, 9, 10),
            FirstUsedOn = new DateOnly(2025, 10, 1),
            LastInspectedOn = new DateOnly(2025, 9, 10),
            LastInspectionResult = InspectionResult.Pass,
            InspectionValidUntil = new DateOnly(2026, 9, 9),
            NextDueOn = new DateOnly(2026, 9, 9),
            Overdue = overdue,
            LastMaintainedOn = new DateOnly(2026, 11, 20),
        },
        "/api/certificates/%E6%A2%AF11/pdf",
        [
            new DeviceRecordEntry(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), "case.started", "09 延期检验申请", "AH09-20261124-000001", $"/tasks/cases/{CaseId}"),
            new DeviceRecordEntry(new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero), "maintenance", "维护保养", "半月维保", null),
            new DeviceRecordEntry(new DateTimeOffset(2025, 9, 9, 16, 0, 0, TimeSpan.Zero), "inspection", "定期检验", "合格，有效期至 2026-09-09（报告 R1）", null),
            new DeviceRecordEntry(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), "something.new", "新类型记录", null, null),
        ]);

    private void SignIn(string userName, params string[] roles)
    {
        _authorization.SetAuthorized(userName);
        _authorization.SetRoles(roles);
        _authorization.SetClaims(new Claim("name", userName));
    }

    private IRenderedComponent<DeviceRecordPage> Open() => Render<DeviceRecordPage>(p => p.Add(x => x.Id, Id));

    [Fact]
    public void The_file_shows_the_registry_facts_with_the_certificate_pdf()
    {
        _records.Records[Id] = Record(overdue: false);

        var page = Open();

        var file = page.Find("dl.ah-record-file").TextContent;
        foreach (var fact in new[] { "3110TC001202600001", "31103301062026000001", "电梯", "3110", "在用", "演示使用单位", "测试大厦1号梯", "330106001000", "演示电梯制造厂", "2025-03-01", "演示维保公司", "2026-11-20", "2026-09-09", "合格" })
        {
            Assert.Contains(fact, file, StringComparison.Ordinal);
        }

        Assert.Equal("/api/certificates/%E6%A2%AF11/pdf", page.Find("a.ah-record-pdf").GetAttribute("href"));
        Assert.Empty(page.FindAll(".ah-record-overdue"));
        Assert.Equal(["设备档案 3110TC001202600001", "设备档案", "生命周期记录"], page.FindAll("h1, h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void An_overdue_inspection_is_red_and_says_so_in_words()
    {
        _records.Records[Id] = Record(overdue: true);

        var overdue = Open().Find(".ah-record-overdue");

        Assert.Equal("2026-09-09（已超期）", overdue.TextContent.Trim());
    }

    [Fact]
    public void The_timeline_is_a_table_newest_first_with_kinds_dates_and_the_case_link()
    {
        _records.Records[Id] = Record(overdue: false);

        var rows = Open().FindAll("table.ah-record-timeline tbody tr");

        Assert.Equal(4, rows.Count);
        var cells = rows.Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2026-11-24", "2026-11-20", "2025-09-10", "2025-03-01"], cells.Select(c => c[0]));
        Assert.Equal(["业务申请", "维护保养", "检验", "新类型记录"], cells.Select(c => c[1]));
        Assert.Contains("AH09-20261124-000001", cells[0][2], StringComparison.Ordinal);
        Assert.Contains("合格，有效期至 2026-09-09", cells[2][2], StringComparison.Ordinal);
        Assert.Equal($"/tasks/cases/{CaseId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.All(rows.Skip(1), row => Assert.Null(row.QuerySelector("a")));
        Assert.Equal("2026-11-24T02:00:00.0000000+00:00", rows[0].QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void English_users_get_english_labels_and_kinds()
    {
        UseCulture(SupportedCultures.English);
        _records.Records[Id] = Record(overdue: true);

        var page = Open();

        Assert.Contains("Device record", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Lifts", page.Find("dl.ah-record-file").TextContent, StringComparison.Ordinal);
        Assert.Contains("In use", page.Find("dl.ah-record-file").TextContent, StringComparison.Ordinal);
        Assert.Contains("overdue", page.Find(".ah-record-overdue").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Case opened", "Maintenance", "Inspection"], page.FindAll("table.ah-record-timeline tbody tr").Take(3).Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
    }

    [Fact]
    public void A_device_out_of_scope_reads_as_not_found()
    {
        var page = Open();

        Assert.Equal([Id], _records.Asked);
        Assert.Contains("没有这台设备，或不在您的辖区、单位范围内", page.Find(".ah-record-not-found").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("dl.ah-record-file"));
        Assert.Empty(page.FindAll("table"));
    }

    [Theory]
    [InlineData("inspector")]
    [InlineData("admin")]
    public void Inspection_bodies_and_administrators_may_open_a_record(string role)
    {
        SignIn("someone", role);
        _records.Records[Id] = Record(overdue: false);

        var page = Open();

        Assert.Single(page.FindAll("dl.ah-record-file"));
    }

    [Fact]
    public void An_enterprise_gets_a_notice_and_the_registry_is_not_asked()
    {
        SignIn("demo.enterprise", "enterprise");
        _records.Records[Id] = Record(overdue: false);

        var page = Open();

        Assert.Contains("设备档案面向监管部门", page.Find(".ah-record-forbidden").TextContent, StringComparison.Ordinal);
        Assert.Empty(_records.Asked);
        Assert.DoesNotContain("3110TC001202600001", page.Markup, StringComparison.Ordinal);
    }
}
