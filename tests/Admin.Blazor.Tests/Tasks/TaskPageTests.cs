using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Diagrams;
using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>/tasks/{id}: the case around the task, read-only; a task out of scope reads as missing; an enterprise gets nothing.</summary>
public sealed class TaskPageTests : TasksTestBase
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private const string Xml = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="unit_09" /></definitions>""";

    private static TaskDetail Detail() => new()
    {
        Task = new TaskSummary
        {
            Id = Id,
            ElementId = "Task_decide",
            Name = "审查决定",
            Status = UserTaskStatus.Open,
            CandidateUsers = [],
            CandidateGroups = ["regulator.county"],
            FormKey = "decision",
            CreatedAt = Created,
            DueAt = Created.AddDays(7),
            WorkingDaysLeft = 2,
            UrgeCount = 1,
        },
        Case = new CaseSummary
        {
            InstanceId = Guid.NewGuid(),
            BusinessKey = "AH09-20261124-000001",
            ProcessKey = "unit_09_inspection_postponement",
            Version = 1,
            UnitName = "09 延期检验申请",
            Status = "active",
            StartedBy = "demo.enterprise",
            StartedAt = Created,
            SubjectName = "演示使用单位",
        },
        ApplicantForm = new FormView("unit-09-inspection-postponement", UnitCatalog.Shipped().FormJson("unit-09-inspection-postponement")!,
            new JsonObject { ["equipmentCode"] = "3110TC001202600001" }),
        TaskForm = new FormView("decision", UnitCatalog.Shipped().FormJson("decision")!, []),
        Device = new DeviceCard(7, "3110TC001202600001", "3110", "在用", "测试大厦1号梯", "330106001000", "梯11浙A00001(26)", "演示使用单位", new DateOnly(2026, 12, 20), false, "/registry/devices/7"),
        History =
        [
            new HistoryItem(Created, HistoryKind.Started, "demo.enterprise", "StartEvent", "提交申请", null, null),
            new HistoryItem(Created.AddHours(2), HistoryKind.Urged, "demo.enterprise", "Task_decide", "审查决定", null, "请尽快审批"),
        ],
        Diagram = new DiagramView("unit_09_inspection_postponement", 1, Xml, ["StartEvent"], ["Task_decide"], []),
        ReturnTargets = [],
        Signers = [],
        Allowed = new TaskPermissions { Claim = true, Complete = true },
    };

    [Fact]
    public void TheTaskPage_ShouldShowTheApplicationReadOnly_TheCards_TheHistoryAndWhereTheCaseStands()
    {
        Layer.Tasks[Id] = Detail();

        var page = Render<TaskPage>(p => p.Add(t => t.Id, Id));

        Assert.StartsWith("审查决定", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("剩 2 个工作日", page.Find(".ah-task-meta").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("section[aria-labelledby=applicant-form-title] form.ah-form-readonly"));
        Assert.Empty(page.FindAll("section[aria-labelledby=applicant-form-title] input"));
        var record = page.Find("#card-device").ParentElement!.QuerySelector("a")!;
        Assert.Equal(("/registry/devices/7", null), (record.GetAttribute("href"), record.GetAttribute("target")));
        Assert.Contains("请尽快审批", page.Find(".ah-history").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Task_decide"], page.FindComponent<BpmnDiagram>().Instance.State.Active);
        Assert.NotNull(page.Find("#action-claim"));
        Assert.NotNull(page.Find("section.ah-decision form"));
    }

    [Fact]
    public void ATaskOutOfScope_ShouldReadAsMissing()
    {
        var page = Render<TaskPage>(p => p.Add(t => t.Id, Id));

        Assert.Contains("没有这个任务，或不在您的辖区、单位范围内。", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnterprise_ShouldGetNoTaskPage()
    {
        Layer.Tasks[Id] = Detail();
        SignIn("demo.enterprise", "enterprise");

        var page = Render<TaskPage>(p => p.Add(t => t.Id, Id));

        Assert.Contains("工作台面向监管部门和检验检测机构", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("AH09-20261124-000001", page.Markup, StringComparison.Ordinal);
    }
}
