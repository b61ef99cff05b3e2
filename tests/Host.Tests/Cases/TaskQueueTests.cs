using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// The officials' queue over HTTP: who sees which task (group, level, region, organisation),
/// filters, sorting, paging, the four tabs, and the task page. Both stores.
/// </summary>
public abstract class TaskQueueTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string userName)
    {
        await CaseWorld.EnsureAsync(database.Factory);
        return CaseWorld.ClientFor(database.Factory, userName);
    }

    /// <summary>A 延期检验申请 (unit 09) of the demo user unit: its first task is the 西湖区 county's (regulator.county).</summary>
    private async Task<StartedCase> PostponementAsync() =>
        await (await ClientAsync("demo.enterprise")).ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));

    [Fact]
    public async Task A_task_is_in_the_queue_of_its_group_in_its_region_and_out_of_sight_elsewhere()
    {
        var started = await PostponementAsync();
        var county = await ClientAsync("demo.county");
        var item = await county.TodoAsync(started.BusinessKey);
        Assert.NotNull(item);
        Assert.Equal(("09", "审查决定", CaseWorld.XihuLift, "演示使用单位"), (item.UnitCode, item.TaskName, item.SubjectCode, item.SubjectName));
        Assert.Equal("台台检验", item.StepName);
        Assert.NotNull(item.DueAt);
        Assert.InRange(item.WorkingDaysLeft!.Value, 4, 5);
        var taskId = item.TaskId!.Value;

        // The neighbouring county neither lists nor reads it; the city (another level) reads it but it is not theirs to take.
        var shangcheng = await ClientAsync("demo.county.shangcheng");
        Assert.Null(await shangcheng.TodoAsync(started.BusinessKey));
        await CaseApi.AssertProblemAsync(await shangcheng.GetAsync($"/api/tasks/{taskId}", Cancellation), HttpStatusCode.NotFound);
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.NingboCityOfficial)).GetAsync($"/api/tasks/{taskId}", Cancellation), HttpStatusCode.NotFound);
        var city = await ClientAsync("demo.city");
        Assert.Null(await city.TodoAsync(started.BusinessKey));
        Assert.False((await city.TaskAsync(taskId)).Allowed.Claim);

        // The applicant organisation reads its own case's task (and may urge it), another enterprise may not.
        var mine = await (await ClientAsync("demo.enterprise")).TaskAsync(taskId);
        Assert.Equal((false, true), (mine.Allowed.Complete, mine.Allowed.Urge));
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.OtherEnterprise)).GetAsync($"/api/tasks/{taskId}", Cancellation), HttpStatusCode.NotFound);
        await CaseApi.AssertProblemAsync(await database.Factory.CreateClient().GetAsync("/api/tasks", Cancellation), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_task_page_has_the_applicant_form_cards_history_diagram_and_the_callers_actions()
    {
        var started = await PostponementAsync();
        var county = await ClientAsync("demo.county");
        var detail = await county.TaskAsync(started.OpenedTasks[0].TaskId);

        Assert.Equal(("Task_decide", UserTaskStatus.Open), (detail.Task.ElementId, detail.Task.Status));
        Assert.Equal(("09", started.BusinessKey, "active"), (detail.Case.UnitCode, detail.Case.BusinessKey, detail.Case.Status));
        Assert.Equal("unit-09-inspection-postponement", detail.ApplicantForm!.FormKey);
        Assert.Equal(CaseWorld.XihuLift, (string?)detail.ApplicantForm.Data["equipmentCode"]);
        Assert.False(detail.ApplicantForm.Data.ContainsKey("regionCode"));
        Assert.Equal("decision", detail.TaskForm!.FormKey);
        Assert.Equal(CaseWorld.XihuLift, detail.Device!.EquipmentCode);
        Assert.Equal($"/registry/devices/{detail.Device.Id}", detail.Device.TimelineUrl);
        Assert.Equal(CaseWorld.UserUnit, detail.Organisation!.Id);
        Assert.Equal([HistoryKind.Started, HistoryKind.TaskCreated], detail.History.Select(h => h.Kind));
        Assert.Contains("unit_09_inspection_postponement", detail.Diagram.Xml, StringComparison.Ordinal);
        Assert.Contains("Task_decide", detail.Diagram.ActiveElementIds);
        Assert.Equal((true, true, false), (detail.Allowed.Claim, detail.Allowed.Complete, detail.Allowed.Transfer));
        Assert.Empty(detail.ReturnTargets);
    }

    [Fact]
    public async Task Filters_sorting_and_paging_are_answered_by_the_database()
    {
        var cases = new List<StartedCase>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await PostponementAsync());
        }

        var county = await ClientAsync("demo.county");
        var today = cases[0].BusinessKey[..^7];
        var all = await county.QueueAsync($"unit=09&q={today}&sort=created&pageSize=100");
        Assert.True(all.Total >= 3);
        Assert.Equal(all.Items.OrderBy(i => i.CreatedAt).ThenBy(i => i.TaskId).Select(i => i.TaskId), all.Items.Select(i => i.TaskId));

        var first = await county.QueueAsync($"unit=09&q={today}&sort=-created&pageSize=2&page=1");
        var second = await county.QueueAsync($"unit=09&q={today}&sort=-created&pageSize=2&page=2");
        Assert.Equal((all.Total, 2), (first.Total, first.Items.Count));
        Assert.Empty(first.Items.Select(i => i.TaskId).Intersect(second.Items.Select(i => i.TaskId)));
        Assert.Equal(cases[^1].BusinessKey, first.Items[0].BusinessKey);

        // Step, region, device code, applicant name, deadline.
        Assert.Equal(all.Total, (await county.QueueAsync($"step=inspection&q={today}&pageSize=1")).Total);
        Assert.Equal(0, (await county.QueueAsync($"step=coding&q={today}")).Total);
        Assert.Equal(all.Total, (await county.QueueAsync($"region=330106&unit=09&q={today}")).Total);
        Assert.Equal(0, (await county.QueueAsync($"region=330102&unit=09&q={today}")).Total);
        Assert.Contains((await county.QueueAsync($"q={CaseWorld.XihuLift[..10]}&pageSize=100")).Items, i => i.BusinessKey == cases[0].BusinessKey);
        Assert.Contains((await county.QueueAsync($"q={Uri.EscapeDataString("演示使用")}&pageSize=100")).Items, i => i.BusinessKey == cases[0].BusinessKey);
        var soon = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(30).ToString("O"));
        Assert.Equal(all.Total, (await county.QueueAsync($"unit=09&q={today}&dueBefore={soon}")).Total);
        Assert.Equal(0, (await county.QueueAsync($"unit=09&q={today}&dueBefore={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}")).Total);

        // An overdue task: the SLA filter finds it and the SLA order puts it first.
        var overdue = cases[1].OpenedTasks[0].TaskId;
        await using (var db = database.Factory.Services.GetRequiredService<Func<WorkflowDbContext>>()())
        {
            await db.Tasks.Where(t => t.Id == overdue).ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaState, SlaState.Overdue), Cancellation);
        }

        Assert.Equal(overdue, Assert.Single((await county.QueueAsync($"sla=overdue&q={cases[1].BusinessKey}")).Items).TaskId);
        Assert.Equal(overdue, (await county.QueueAsync($"sort=sla&unit=09&q={today}")).Items[0].TaskId);
    }

    [Fact]
    public async Task Bad_filters_are_field_errors()
    {
        var county = await ClientAsync("demo.county");
        foreach (var (query, field) in new[]
                 {
                     ("view=mine", "view"), ("sla=red", "sla"), ("sort=name", "sort"), ("unit=99", "unit"), ("step=nowhere", "step"),
                     ("region=3301", "region"), ("pageSize=1000", "pageSize"), ("page=0", "page"), ($"q={new string('x', 101)}", "q"),
                 })
        {
            await CaseApi.AssertFieldErrorAsync(await county.GetAsync($"/api/tasks?{query}", Cancellation), field);
        }
    }

    [Fact]
    public async Task Done_copied_and_started_tabs_list_what_the_caller_handled_received_and_started()
    {
        var started = await PostponementAsync();
        var county = await ClientAsync("demo.county");
        var taskId = started.OpenedTasks[0].TaskId;
        await county.DoAsync(taskId, "cc", new { recipients = new[] { "demo.street" }, comment = "请街道知悉" });
        await county.DoAsync(taskId, "complete", CaseApi.Decision("approve"));

        var done = await county.QueueAsync($"view=done&q={started.BusinessKey}");
        Assert.Equal(taskId, Assert.Single(done.Items).TaskId);
        Assert.NotNull(done.Items[0].EndedAt);

        var copies = await (await ClientAsync("demo.street")).QueueAsync($"view=cc&q={started.BusinessKey}");
        var copy = Assert.Single(copies.Items);
        Assert.Equal(("demo.county", "请街道知悉", started.InstanceId), (copy.CopiedBy, copy.CopyComment, copy.InstanceId));

        var enterprise = await ClientAsync("demo.enterprise");
        var mine = await enterprise.QueueAsync($"view=started&q={started.BusinessKey}");
        Assert.Equal(started.InstanceId, Assert.Single(mine.Items).InstanceId);
        Assert.Equal("09 延期检验申请", mine.Items[0].UnitName);
        var casesMine = await enterprise.GetFromJsonAsync<QueuePage>("/api/cases/mine?pageSize=100", Json.Options, Cancellation);
        Assert.Contains(casesMine!.Items, i => i.InstanceId == started.InstanceId);
        Assert.Empty((await county.QueueAsync($"view=started&q={started.BusinessKey}")).Items);
    }
}

public sealed class SqliteTaskQueueTests(SqliteDatabase database)
    : TaskQueueTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresTaskQueueTests(PostgresDatabase database)
    : TaskQueueTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
