using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>A use-registration case of the demo enterprise, as the case layer describes it.</summary>
internal static class CaseFixtures
{
    public static readonly DateTimeOffset Started = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);

    public const string Diagram = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="unit_11_use_registration" /></definitions>""";

    public static CaseDetail UseRegistration(Guid id, string status = "active", bool canWithdraw = false, string? certificate = null, params TaskSummary[] tasks) => new()
    {
        Case = new CaseSummary
        {
            InstanceId = id,
            BusinessKey = "AH11-20261120-000007",
            ProcessKey = "unit_11_use_registration",
            Version = 2,
            UnitCode = "11",
            UnitName = "11 使用登记（首次）",
            StepName = "件件赋码",
            Status = status,
            StartedBy = "demo.enterprise",
            StartedAt = Started,
            SubjectCode = "3110TC001202600001",
        },
        ApplicantForm = new FormView("unit-11-use-registration", UnitCatalog.Shipped().FormJson("unit-11-use-registration")!,
            new JsonObject { ["organisationName"] = "演示使用单位", ["category"] = "3000" }),
        Device = certificate is null ? null : new DeviceCard(1, "3110TC001202600001", "3110", "在用", "测试大厦1号梯", "330106001000", certificate, "演示使用单位", null, false, "/registry/devices/1"),
        History =
        [
            new HistoryItem(Started, HistoryKind.Started, "demo.enterprise", "StartEvent", "提交申请", null, null),
            new HistoryItem(Started.AddDays(1), HistoryKind.ReturnedForCorrection, "demo.city", "Task_accept", "受理", null, "请补充产品合格证扫描件。"),
        ],
        Diagram = new DiagramView("unit_11_use_registration", 2, Diagram, ["StartEvent", "Task_accept"], ["Task_accept_correct"], []),
        Tasks = tasks,
        CanWithdraw = canWithdraw,
    };

    public static TaskSummary Task(Guid id, string name, string? assignee, UserTaskStatus status = UserTaskStatus.Open, string formKey = "unit-11-use-registration") => new()
    {
        Id = id,
        ElementId = "Task_accept_correct",
        Name = name,
        Status = status,
        Assignee = assignee,
        CandidateUsers = [],
        CandidateGroups = [],
        FormKey = formKey,
        CreatedAt = Started.AddDays(1),
        DueAt = Started.AddDays(6),
    };
}
