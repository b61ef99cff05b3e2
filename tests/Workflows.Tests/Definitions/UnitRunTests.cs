using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Definitions;

/// <summary>
/// Representative units run end to end on the in-memory engine with no-op handlers that only
/// record which service task ran: a filing, a decision with rejection and with return to the
/// applicant, the SLA escalation after the limit, 会签, and the "new device into service" step that
/// calls four units. The API-level tests per unit come with the registry and identity (issue #7, part 2).
/// </summary>
public sealed class UnitRunTests() : EngineTest(new MemoryStores())
{
    private const string Applicant = "zhang.wei";

    private readonly List<string> _calls = [];

    private static readonly object Case = new { regionCode = "330106", organisationId = 42L, equipmentCode = "31101089020260000123" };

    private void DeployAll()
    {
        foreach (var parsed in UnitCatalog.Files.Values)
        {
            Definitions.Deploy(parsed);
        }

        foreach (var type in UnitCatalog.Load().ServiceTypes.Select(t => t.Type))
        {
            Handlers.Add(type, (context, _) =>
            {
                _calls.Add($"{type}@{context.ElementId}");
                return ValueTask.CompletedTask;
            });
        }
    }

    private async Task<Guid> StartUnitAsync(string key, object? vars = null)
    {
        var merged = Vars(Case)!.Concat(Vars(vars) ?? new Dictionary<string, System.Text.Json.Nodes.JsonNode?>())
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var started = await Engine.StartAsync(new StartProcessRequest(key) { Variables = merged, Initiator = Applicant }, Ct);
        await DrainAsync();
        return started.InstanceId;
    }

    private async Task DoAsync(Guid id, string task, object? vars = null)
    {
        await CompleteAsync(id, task, vars);
        await DrainAsync();
    }

    // Service tasks are async continuations: run the jobs that are due now.
    private Task DrainAsync() => AdvanceAsync("PT0S");

    private async Task<UserTaskRecord> OpenAsync(Guid id, string elementId) =>
        Assert.Single(await OpenTaskRowsAsync(id), t => t.ElementId == elementId);

    private string[] Effects() => [.. _calls.Select(c => c[..c.IndexOf('@', StringComparison.Ordinal)])];

    [Fact]
    public async Task A_construction_notice_is_accepted_at_once_without_anyone_approving_it()
    {
        DeployAll();

        var id = await StartUnitAsync("unit_18_installation_notice");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Empty(await Queries.GetTasksAsync(id, Ct));
        Assert.Equal(["notice.accept", "notify.send"], Effects());
    }

    [Fact]
    public async Task Use_registration_accepted_and_approved_creates_the_device_and_issues_the_certificate()
    {
        DeployAll();
        var id = await StartUnitAsync("unit_11_use_registration");

        var accept = await OpenAsync(id, "Task_accept");
        Assert.Equal(["regulator.city"], accept.CandidateGroups);
        Assert.Equal(("330106", 42L, "decision"), (accept.RegionCode, accept.OrganisationId, accept.FormKey));
        await DoAsync(id, "Task_accept", new { decision = "approve", comment = "材料齐全，予以受理" });
        Assert.NotNull((await OpenAsync(id, "Task_decide")).DueAt);
        await DoAsync(id, "Task_decide", new { decision = "approve", comment = "准予登记" });

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["registry.createDevice", "registry.issueUseCertificate", "notify.send"], Effects());
        Assert.Equal("End_done", (await CompletedAsync(id))[^1]);
    }

    [Fact]
    public async Task A_rejection_goes_back_to_the_applicant_with_the_reason_and_changes_nothing()
    {
        DeployAll();
        var id = await StartUnitAsync("unit_11_use_registration");
        await DoAsync(id, "Task_accept", new { decision = "approve", comment = "予以受理" });

        await DoAsync(id, "Task_decide", new { decision = "reject", comment = "监督检验证明与设备代码不符" });

        var receipt = await OpenAsync(id, "Task_decide_rejected");
        Assert.Equal((Applicant, "decision-receipt"), (receipt.Assignee, receipt.FormKey));
        Assert.Equal("监督检验证明与设备代码不符", (await VarAsync(id, "comment"))!.GetValue<string>());
        await DoAsync(id, "Task_decide_rejected", new { acknowledged = true });
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal("Task_decide_end_rejected", (await CompletedAsync(id))[^1]);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task Returned_papers_go_to_the_applicant_and_come_back_to_the_same_official_step()
    {
        DeployAll();
        var id = await StartUnitAsync("unit_11_use_registration");

        await DoAsync(id, "Task_accept", new { decision = "return", comment = "缺监督检验证明" });
        var correct = await OpenAsync(id, "Task_accept_correct");
        Assert.Equal((Applicant, "unit-11-use-registration"), (correct.Assignee, correct.FormKey));
        await DoAsync(id, "Task_accept_correct", new { supervisionCertificate = "file-20260302-0001" });

        Assert.Equal(["Task_accept"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Past_the_limit_the_decision_escalates_to_the_superior_level_after_three_reminders()
    {
        DeployAll();
        var id = await StartUnitAsync("unit_11_use_registration");
        await DoAsync(id, "Task_accept", new { decision = "approve", comment = "予以受理" });
        var decide = await OpenAsync(id, "Task_decide");

        await AdvanceAsync("P15WD");

        var row = (await Queries.GetTasksAsync(id, Ct)).Single(t => t.Id == decide.Id);
        Assert.Equal((UserTaskStatus.Canceled, SlaState.Escalated), (row.Status, row.SlaState));
        Assert.Equal(3, _calls.Count(c => c == "notify.send@Task_decide_remind_notify"));
        var superior = await OpenAsync(id, "Task_decide_superior");
        Assert.Equal(["regulator.province"], superior.CandidateGroups);
        Assert.Equal("330106", superior.RegionCode);

        await DoAsync(id, "Task_decide_superior", new { decision = "approve", comment = "超期，由省局直接决定准予登记" });
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Contains("registry.issueUseCertificate@Task_issue_certificate", _calls);
    }

    [Fact]
    public async Task The_investigation_report_is_countersigned_by_every_member_before_the_case_closes()
    {
        DeployAll();
        var id = await StartUnitAsync("unit_33_accident", new { accidentLevel = "general" });
        Assert.Contains("registry.changeStatus@Task_stop", _calls);
        await DoAsync(id, "Task_verify", new { decision = "approve", comment = "属实，已逐级上报" });
        var members = new[] { new { userId = "li", unit = "市局" }, new { userId = "wang", unit = "特检院" }, new { userId = "zhao", unit = "应急局" } };

        await DoAsync(id, "Task_investigate_city", new { investigators = members, findings = "维保不到位导致制动器失效", report = "file-report-1" });

        var signs = await OpenTaskRowsAsync(id);
        Assert.Equal(["li", "wang", "zhao"], signs.Select(t => t.Assignee!).Order(StringComparer.Ordinal));
        Assert.All(signs, t => Assert.Equal("Task_sign_report", t.ElementId));
        foreach (var sign in signs)
        {
            Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
            await Engine.CompleteTaskAsync(sign.Id, Vars(new { decision = "approve", comment = "同意" }), sign.Assignee, Ct);
            await DrainAsync();
        }

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal("notify.send@Task_notify_result", _calls[^1]);
    }

    [Fact]
    public async Task A_new_device_goes_into_service_through_notice_supervisory_inspection_acceptance_and_registration()
    {
        DeployAll();
        var id = await StartUnitAsync("step_4_notice");
        Assert.Equal(["notice.accept", "notify.send"], Effects());

        await DoAsync(id, "Task_apply_inspection", new { workKind = "installation" });
        await DoAsync(id, "Task_accept", new { decision = "approve", comment = "予以受理" });
        Assert.Equal(["inspector"], (await OpenAsync(id, "Task_inspect")).CandidateGroups);
        await DoAsync(id, "Task_inspect", new { result = "pass", reportNo = "JD-2026-0001", conclusion = "符合要求" });
        await DoAsync(id, "Task_acceptance", new { decision = "approve", comment = "验收通过" });
        var handover = await OpenAsync(id, "Task_handover");
        Assert.Equal(Applicant, handover.Assignee);
        await DoAsync(id, "Task_handover", new { acknowledged = true });
        await DoAsync(id, "Task_apply_registration");
        await DoAsync(id, "Task_accept", new { decision = "approve", comment = "予以受理" });
        await DoAsync(id, "Task_decide", new { decision = "approve", comment = "准予登记" });

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(
            ["notice.accept", "notify.send", "notify.send", "registry.recordInspectionResult", "notify.send",
             "registry.createDevice", "registry.issueUseCertificate", "notify.send"],
            Effects());
    }
}
