using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>/tasks: tabs, filters and paging become the server's query and the page's address; claiming from a row.</summary>
public sealed class TaskQueuePageTests : TasksTestBase
{
    private static readonly DateTimeOffset Arrived = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static QueueItem Row(int n, string? assignee = null) => new()
    {
        TaskId = Guid.NewGuid(),
        InstanceId = Guid.NewGuid(),
        BusinessKey = $"AH09-20261124-{n:000000}",
        UnitCode = "09",
        UnitName = "09 延期检验申请",
        StepName = "台台检验",
        TaskName = "审查决定",
        RegionCode = "330106001000",
        SubjectCode = "3110TC001202600001",
        SubjectName = "演示使用单位",
        Assignee = assignee,
        CreatedAt = Arrived,
        DueAt = Arrived.AddDays(7),
        SlaState = SlaState.Normal,
        WorkingDaysLeft = 3,
    };

    [Fact]
    public void TheQueue_ShouldOpenOnTheToDoTab_NearestDeadlineFirst_WithTheRowsAndTheirBadges()
    {
        Layer.Rows.AddRange([Row(1), Row(2, "demo.county")]);

        var page = Render<TaskQueuePage>();

        var query = Assert.Single(Layer.Queries);
        Assert.Equal((TaskView.Todo, TaskSort.Due, 1, QueueState.PageSize), (query.View, query.Sort, query.Page, query.PageSize));
        Assert.Equal("demo.county", Layer.LastUser!.Identity!.Name);
        Assert.Equal("true", page.Find("#queue-tab-Todo").GetAttribute("aria-selected"));
        var rows = page.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal($"tasks/{Layer.Rows[0].TaskId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("剩 3 个工作日", rows[0].QuerySelector(".ah-sla")!.TextContent.Trim());
        Assert.Contains("demo.county", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ATab_ShouldQueryItsView_AndPutItInTheAddress()
    {
        var page = Render<TaskQueuePage>();

        page.Find("#queue-tab-Done").Click();

        Assert.Equal((TaskView.Done, TaskSort.Due), (Layer.Queries[^1].View, Layer.Queries[^1].Sort));
        Assert.Equal("http://localhost/tasks?tab=done", Navigation.Uri);
        Assert.Equal("true", page.Find("#queue-tab-Done").GetAttribute("aria-selected"));
        Assert.Equal("-1", page.Find("#queue-tab-Todo").GetAttribute("tabindex"));
    }

    [Fact]
    public void ArrowKeys_ShouldMoveTheFocusBetweenTabs_WithoutLoadingThem()
    {
        var page = Render<TaskQueuePage>();

        page.Find("#queue-tab-Todo").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });

        JSInterop.VerifyFocusAsyncInvoke();
        Assert.Single(Layer.Queries);
        Assert.Equal("true", page.Find("#queue-tab-Todo").GetAttribute("aria-selected"));
    }

    [Fact]
    public void CopiesAndCases_ShouldSortByDate_AndHaveNoDeadlineFilters()
    {
        var page = Render<TaskQueuePage>();

        page.Find("#queue-tab-Started").Click();

        Assert.Equal((TaskView.Started, TaskSort.CreatedDescending), (Layer.Queries[^1].View, Layer.Queries[^1].Sort));
        Assert.Empty(page.FindAll("#queue-sla"));
        Assert.Empty(page.FindAll("#queue-due"));
        Assert.Empty(page.FindAll("#queue-region"));
        Assert.Equal(["CreatedDescending", "Created"], page.FindAll("#queue-sort option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void TheFilters_ShouldBecomeTheServersQuery_AndTheAddress()
    {
        var page = Render<TaskQueuePage>();

        page.Find("#queue-unit").Change("11");
        page.Find("#queue-step").Change("coding");
        page.Find("#queue-sla").Change("Overdue");
        page.Find("#queue-due").Change("2026-12-01");
        page.Find("#queue-region").Change(" 330106 ");
        page.Find("#queue-q").Change(" 演示 ");
        page.Find("#queue-sort").Change("Sla");
        page.Find("form.ah-queue-filters").Submit();

        var query = Layer.Queries[^1];
        Assert.Equal(("11", "coding", (SlaState?)SlaState.Overdue, "330106", "演示", TaskSort.Sla, 1), (query.Unit, query.Step, query.Sla, query.Region, query.Q, query.Sort, query.Page));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(8)).AddTicks(-1), query.DueBefore);
        Assert.Equal("http://localhost/tasks?unit=11&step=coding&sla=overdue&region=330106&due=2026-12-01&q=%E6%BC%94%E7%A4%BA&sort=sla", Navigation.Uri);
    }

    [Fact]
    public void Reset_ShouldClearTheFilters_AndKeepTheTab()
    {
        Navigation.NavigateTo("tasks?tab=done&unit=11&q=AH09");
        var page = Render<TaskQueuePage>();

        page.Find("#queue-reset").Click();

        var query = Layer.Queries[^1];
        Assert.Equal((TaskView.Done, (string?)null, (string?)null), (query.View, query.Unit, query.Q));
        Assert.Equal("http://localhost/tasks?tab=done", Navigation.Uri);
        Assert.Equal(string.Empty, page.Find("#queue-q").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public void AnAddress_ShouldOpenItsTabWithItsFilters_AndIgnoreWhatDoesNotBelong()
    {
        Navigation.NavigateTo("tasks?tab=cc&unit=11&sla=overdue&sort=due&page=3&region=3301");

        var page = Render<TaskQueuePage>();

        var query = Assert.Single(Layer.Queries);
        Assert.Equal((TaskView.Cc, "11", (SlaState?)null, TaskSort.CreatedDescending, 3, "3301"), (query.View, query.Unit, query.Sla, query.Sort, query.Page, query.Region));
        Assert.Equal("11", page.Find("#queue-unit").GetAttribute("value"));
    }

    [Fact]
    public void TheBackButton_ShouldShowWhatTheAddressSays()
    {
        var page = Render<TaskQueuePage>();

        Navigation.NavigateTo("tasks?tab=started");

        page.WaitForAssertion(() => Assert.Equal(TaskView.Started, Layer.Queries[^1].View));
        Assert.Equal(2, Layer.Queries.Count);
        Assert.Equal("true", page.Find("#queue-tab-Started").GetAttribute("aria-selected"));
    }

    [Fact]
    public void ThePager_ShouldAskForTheNextPage_AndStopAtTheEnds()
    {
        Layer.Rows.AddRange(Enumerable.Range(1, 45).Select(n => Row(n)));
        var page = Render<TaskQueuePage>();
        Assert.True(page.Find("#queue-previous").HasAttribute("disabled"));
        Assert.Contains("第 1/3 页，共 45 条", page.Find(".ah-pager").TextContent, StringComparison.Ordinal);

        page.Find("#queue-next").Click();
        page.Find("#queue-next").Click();

        Assert.Equal(3, Layer.Queries[^1].Page);
        Assert.Equal("http://localhost/tasks?page=3", Navigation.Uri);
        Assert.Equal(5, page.FindAll("tbody tr").Count);
        Assert.True(page.Find("#queue-next").HasAttribute("disabled"));

        page.Find("#queue-previous").Click();
        Assert.Equal(2, Layer.Queries[^1].Page);
    }

    [Fact]
    public void AnUnassignedToDo_ShouldBeClaimableFromItsRow()
    {
        Layer.Rows.AddRange([Row(1), Row(2, "demo.county")]);
        var page = Render<TaskQueuePage>();

        var button = Assert.Single(page.FindAll(".ah-queue-claim"));
        Assert.Equal("签收 AH09-20261124-000001", button.GetAttribute("aria-label"));
        button.Click();

        var call = Assert.Single(Layer.Calls);
        Assert.Equal(("claim", Layer.Rows[0].TaskId!.Value), (call.Command, call.Id));
        Assert.Contains("已签收：审查决定（AH09-20261124-000001）", page.Find(".ah-queue-message").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Layer.Queries.Count);
    }

    [Fact]
    public void AClaimSomeoneWasFasterAt_ShouldSayWhy()
    {
        Layer.Rows.Add(Row(1));
        var page = Render<TaskQueuePage>();
        Layer.Refuse = CaseException.Conflict("任务已被 demo.county2 签收");

        page.Find(".ah-queue-claim").Click();

        Assert.Contains("任务已被 demo.county2 签收", page.Find(".ah-queue-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AFilterTheServerRefuses_ShouldBeExplained()
    {
        var page = Render<TaskQueuePage>();
        Layer.Refuse = CaseException.Field("region", "地区不在您的辖区内");

        page.Find("#queue-region").Change("3302");
        page.Find("form.ah-queue-filters").Submit();

        Assert.Contains("地区不在您的辖区内", page.Find("#queue-errors").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#queue-region").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void CopiesAndCases_ShouldOpenTheCasePage()
    {
        var copy = Row(1) with { CopiedBy = "demo.city", CopyComment = "请关注" };
        Layer.Rows.Add(copy);
        Navigation.NavigateTo("tasks?tab=cc");

        var page = Render<TaskQueuePage>();

        Assert.Equal($"tasks/cases/{copy.InstanceId}", page.Find("tbody a").GetAttribute("href"));
        Assert.Contains("请关注", page.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".ah-queue-claim"));
    }

    [Fact]
    public void AnEnterprise_ShouldGetNoQueue()
    {
        SignIn("demo.enterprise", "enterprise");

        var page = Render<TaskQueuePage>();

        Assert.Contains("工作台面向监管部门和检验检测机构", page.Markup, StringComparison.Ordinal);
        Assert.Empty(Layer.Queries);
        Assert.Empty(page.FindAll("[role=tablist]"));
    }

    [Fact]
    public void EveryFilter_ShouldHaveALabel()
    {
        var page = Render<TaskQueuePage>();

        foreach (var field in page.FindAll("form.ah-queue-filters select, form.ah-queue-filters input"))
        {
            Assert.NotNull(page.Find($"label[for={field.Id}]"));
        }
    }
}
