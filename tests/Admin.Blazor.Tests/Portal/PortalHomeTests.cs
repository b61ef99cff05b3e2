using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Notifications;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class PortalHomeTests : PortalTestBase
{
    [Fact]
    public void TheDesk_ShouldPutWhatIsAskedOfTheUserFirst_WithALinkToAct()
    {
        var task = Guid.NewGuid();
        Cases.Todo.Add(new QueueItem
        {
            TaskId = task,
            InstanceId = Guid.NewGuid(),
            BusinessKey = "AH11-20261120-000007",
            UnitName = "11 使用登记（首次）",
            TaskName = "补正材料",
            CreatedAt = DateTimeOffset.UnixEpoch,
            WorkingDaysLeft = -2,
        });

        var page = Render<PortalHome>();

        var asked = page.Find(".ah-portal-asked");
        Assert.Contains("补正材料", asked.TextContent, StringComparison.Ordinal);
        Assert.Contains("已超期 2 个工作日", asked.TextContent, StringComparison.Ordinal);
        Assert.Equal($"portal/tasks/{task}", asked.QuerySelector("a")!.GetAttribute("href"));
        var query = Assert.IsType<TaskQuery>(Cases.Calls.Single(c => c.Command == "queue").Argument);
        Assert.Equal(TaskView.Todo, query.View);
    }

    [Fact]
    public void TheDesk_ShouldListDraftsRecentCasesAndDevicesFallingDue()
    {
        Cases.Drafts["11"] = new DraftView(Guid.NewGuid(), "11", [], DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        Cases.Mine.Add(new QueueItem { InstanceId = Guid.NewGuid(), BusinessKey = "AH09-20261101-000001", UnitName = "09 延期检验申请", CreatedAt = DateTimeOffset.UnixEpoch, CaseStatus = "已办结" });
        Registry.Devices.Add(new PortalDevice("3110TC001202600001", EquipmentCategory.Lift, EquipmentStatus.InUse, "测试大厦1号梯", null, null,
            new DateOnly(2026, 12, 10), new DateOnly(2026, 11, 10), false, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 5), false));

        var page = Render<PortalHome>();

        Assert.Contains("11 使用登记（首次）", page.Markup, StringComparison.Ordinal);
        Assert.Contains("保存于 2026-11-25 10:00:00", page.Markup, StringComparison.Ordinal);
        Assert.Contains("AH09-20261101-000001", page.Markup, StringComparison.Ordinal);
        Assert.Contains("14 天后到期", page.Markup, StringComparison.Ordinal);
        Assert.Equal(PortalDeviceFilter.DueSoon, Registry.Queries.Single().Filter);
    }

    [Fact]
    public void AMessage_ShouldBeMarkedRead_WhenTheUserSaysSo()
    {
        Registry.Notifications.Add(new NotificationView(7, default, "使用登记已通过", "您的使用登记申请已办结。", "approve", "同意登记", "3110TC001202600001",
            Guid.NewGuid(), "unit_11_use_registration", "Notify_result", DateTimeOffset.UnixEpoch, null));

        var page = Render<PortalHome>();

        Assert.Equal("1", page.Find("#messages-title .ah-portal-count").TextContent);
        Assert.Contains("同意登记", page.Find(".ah-portal-messages").TextContent, StringComparison.Ordinal);
        page.Find(".ah-portal-messages button").Click();

        Assert.Equal("0", page.Find("#messages-title .ah-portal-count").TextContent);
        Assert.Empty(page.FindAll(".ah-portal-messages button"));
    }

    [Fact]
    public void AnEmptyDesk_ShouldSayThereIsNothingToDo()
    {
        var page = Render<PortalHome>();

        Assert.Contains("目前没有需要您处理的事项", page.Markup, StringComparison.Ordinal);
        Assert.Contains("暂无消息", page.Markup, StringComparison.Ordinal);
    }
}
