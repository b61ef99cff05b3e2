using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class MyCasesPageTests : PortalTestBase
{
    [Fact]
    public void MyCases_ShouldListEveryApplicationWithWhereItIsAndALink()
    {
        var id = Guid.NewGuid();
        Cases.Mine.Add(new QueueItem
        {
            InstanceId = id,
            BusinessKey = "AH11-20261120-000007",
            UnitName = "11 使用登记（首次）",
            TaskName = "审查决定",
            SubjectCode = "3110TC001202600001",
            CaseStatus = "办理中",
            CreatedAt = new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero),
        });

        var page = Render<MyCasesPage>();

        var cells = page.Find("tr.ant-table-row").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["AH11-20261120-000007", "11 使用登记（首次）", "3110TC001202600001", "审查决定", "办理中", "2026-11-20 09:30:00"], cells);
        Assert.Equal($"portal/cases/{id}", page.Find("tr.ant-table-row a").GetAttribute("href"));
    }

    [Fact]
    public void ManyCases_ShouldBePagedOnTheServer()
    {
        for (var i = 0; i < 45; i++)
        {
            Cases.Mine.Add(new QueueItem { InstanceId = Guid.NewGuid(), BusinessKey = $"AH11-20261120-{i:000000}", UnitName = "11 使用登记（首次）", CreatedAt = DateTimeOffset.UnixEpoch });
        }

        var page = Render<MyCasesPage>();

        Assert.Equal(20, page.FindAll("tr.ant-table-row").Count);
        Assert.NotEmpty(page.FindAll(".ant-pagination"));
    }

    [Fact]
    public void NoCases_ShouldPointToTheServices()
    {
        var page = Render<MyCasesPage>();

        Assert.Equal("portal/units", page.Find(".ah-portal-empty a").GetAttribute("href"));
    }
}
