using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// The actions on a task over HTTP, as engine commands, with their required comments and their
/// denials (other region, other organisation, wrong level, not the holder, anonymous). Both stores.
/// </summary>
public abstract class TaskActionTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string userName)
    {
        await CaseWorld.EnsureAsync(database.Factory);
        return CaseWorld.ClientFor(database.Factory, userName);
    }

    /// <summary>A 使用登记 (unit 11): 受理 then 审查决定, both the city's (regulator.city).</summary>
    private async Task<StartedCase> RegistrationAsync() =>
        await (await ClientAsync("demo.enterprise")).ApplyAsync("11", CaseApi.Form("11", CaseWorld.XihuLift));

    [Fact]
    public async Task Claim_unclaim_and_approve_move_the_case_on_with_the_officials_opinion()
    {
        var started = await RegistrationAsync();
        var accept = started.OpenedTasks[0].TaskId;
        var city = await ClientAsync("demo.city");

        await city.DoAsync(accept, "claim");
        var claimed = await city.TaskAsync(accept);
        Assert.Equal(("demo.city", false, true, true), (claimed.Task.Assignee, claimed.Allowed.Claim, claimed.Allowed.Unclaim, claimed.Allowed.Transfer));
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.SecondCityOfficial)).ActAsync(accept, "claim"), HttpStatusCode.Forbidden);
        await city.DoAsync(accept, "unclaim");
        Assert.Null((await city.TaskAsync(accept)).Task.Assignee);

        // A candidate decides without claiming first; the next step opens.
        var approved = await (await ClientAsync(CaseWorld.SecondCityOfficial)).DoAsync(accept, "complete", CaseApi.Decision("approve", "材料齐全，予以受理"));
        Assert.Equal("Task_decide", Assert.Single(approved.OpenedTasks).ElementId);
        var decide = await city.TaskAsync(approved.OpenedTasks[0].TaskId);
        var opinion = Assert.Single(decide.History, h => h.Kind == HistoryKind.Approved);
        Assert.Equal((CaseWorld.SecondCityOfficial, "受理", "材料齐全，予以受理"), (opinion.Actor, opinion.StepName, opinion.Comment));
        Assert.Contains(decide.History, h => h.Kind == HistoryKind.Claimed);
        Assert.Contains("Task_accept", decide.Diagram.CompletedElementIds);

        // Done is done: a second decision is a conflict, not a silent success.
        await CaseApi.AssertProblemAsync(await city.ActAsync(accept, "complete", CaseApi.Decision("approve")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rejecting_and_returning_need_a_reason_and_a_return_goes_to_a_step_the_case_passed()
    {
        var started = await RegistrationAsync();
        var city = await ClientAsync("demo.city");
        var decide = (await city.DoAsync(started.OpenedTasks[0].TaskId, "complete", CaseApi.Decision("approve"))).OpenedTasks[0].TaskId;

        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(decide, "complete", CaseApi.Decision("reject", null)), "comment");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(decide, "complete", new { data = new { decision = "maybe", comment = "无" } }), "decision");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(decide, "complete", new { data = new { decision = "approve", comment = "同意", regionCode = "110000" } }), "regionCode");
        await city.DoAsync(decide, "claim");
        var page = await city.TaskAsync(decide);
        Assert.Equal("Task_accept", Assert.Single(page.ReturnTargets).ElementId);
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(decide, "return", new { targetElementId = "Task_accept", comment = " " }), "comment");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(decide, "return", new { targetElementId = "Task_decide_correct", comment = "退回" }), "targetElementId");

        var returned = await city.DoAsync(decide, "return", new { targetElementId = "Task_accept", comment = "受理意见不全，请重新受理" });
        var reopened = Assert.Single(returned.OpenedTasks);
        Assert.Equal("Task_accept", reopened.ElementId);
        var history = (await city.TaskAsync(reopened.TaskId)).History;
        var back = Assert.Single(history, h => h.Kind == HistoryKind.Returned);
        Assert.Equal(("审查决定", "受理", "受理意见不全，请重新受理"), (back.StepName, back.Target, back.Comment));

        // Rejecting with a reason ends in the applicant's receipt task.
        var decideAgain = (await city.DoAsync(reopened.TaskId, "complete", CaseApi.Decision("approve"))).OpenedTasks[0].TaskId;
        var rejected = await city.DoAsync(decideAgain, "complete", CaseApi.Decision("reject", "设备未经监督检验，不予登记"));
        Assert.Equal("Task_decide_rejected", Assert.Single(rejected.OpenedTasks).ElementId);
        var enterprise = await ClientAsync("demo.enterprise");
        var receipt = await enterprise.TaskAsync(rejected.OpenedTasks[0].TaskId);
        Assert.True(receipt.Allowed.Complete);
        Assert.Contains(receipt.History, h => h.Kind == HistoryKind.Rejected && h.Comment == "设备未经监督检验，不予登记");
    }

    [Fact]
    public async Task Transfer_and_delegation_hand_a_task_to_officials_who_can_see_the_case()
    {
        var started = await RegistrationAsync();
        var accept = started.OpenedTasks[0].TaskId;
        var city = await ClientAsync("demo.city");
        await CaseApi.AssertProblemAsync(await city.ActAsync(accept, "transfer", new { toUser = CaseWorld.SecondCityOfficial, comment = "出差" }), HttpStatusCode.Forbidden);
        await city.DoAsync(accept, "claim");

        var missing = await city.ActAsync(accept, "transfer", new { toUser = "", comment = "" });
        await CaseApi.AssertFieldErrorAsync(missing, "toUser");
        Assert.True((await missing.ObjectAsync())["errors"]!.AsObject().ContainsKey("comment"));
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(accept, "transfer", new { toUser = CaseWorld.NingboCityOfficial, comment = "出差" }), "toUser");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(accept, "transfer", new { toUser = "nobody.here", comment = "出差" }), "toUser");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(accept, "delegate", new { toUser = "demo.province", comment = " " }), "comment");

        await city.DoAsync(accept, "transfer", new { toUser = CaseWorld.SecondCityOfficial, comment = "出差，转同事办理" });
        var second = await ClientAsync(CaseWorld.SecondCityOfficial);
        Assert.Equal(CaseWorld.SecondCityOfficial, (await second.TodoAsync(started.BusinessKey))?.Assignee);
        Assert.Null(await city.TodoAsync(started.BusinessKey));

        await second.DoAsync(accept, "delegate", new { toUser = "demo.province", comment = "请省局核对制造许可" });
        var province = await ClientAsync("demo.province");
        var delegated = await province.TaskAsync(accept);
        Assert.Equal((true, false, DelegationState.Pending), (delegated.Allowed.Resolve, delegated.Allowed.Complete, delegated.Task.DelegationState));
        await CaseApi.AssertProblemAsync(await second.ActAsync(accept, "complete", CaseApi.Decision("approve")), HttpStatusCode.Forbidden);
        await province.DoAsync(accept, "resolve", new { comment = "许可有效" });

        var back = await second.TaskAsync(accept);
        Assert.Equal((CaseWorld.SecondCityOfficial, true), (back.Task.Assignee, back.Allowed.Complete));
        Assert.Equal(
            [HistoryKind.Claimed, HistoryKind.Transferred, HistoryKind.Delegated, HistoryKind.Resolved],
            back.History.Where(h => h.Kind is HistoryKind.Claimed or HistoryKind.Transferred or HistoryKind.Delegated or HistoryKind.Resolved).Select(h => h.Kind));
        Assert.Equal(("demo.province", "请省局核对制造许可"), back.History.Where(h => h.Kind == HistoryKind.Delegated).Select(h => (h.Target, h.Comment)).Single());
    }

    [Fact]
    public async Task Copies_go_to_people_in_scope_and_urges_come_from_the_applicant_or_an_official()
    {
        var started = await RegistrationAsync();
        var accept = started.OpenedTasks[0].TaskId;
        var city = await ClientAsync("demo.city");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(accept, "cc", new { recipients = Array.Empty<string>() }), "recipients");
        await CaseApi.AssertFieldErrorAsync(await city.ActAsync(accept, "cc", new { recipients = new[] { CaseWorld.NingboCityOfficial } }), "recipients");
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.enterprise")).ActAsync(accept, "cc", new { recipients = new[] { "demo.city" } }), HttpStatusCode.Forbidden);
        await city.DoAsync(accept, "cc", new { recipients = new[] { "demo.county" }, comment = "知悉" });
        Assert.Single((await (await ClientAsync("demo.county")).QueueAsync($"view=cc&q={started.BusinessKey}")).Items);

        var enterprise = await ClientAsync("demo.enterprise");
        await enterprise.DoAsync(accept, "urge", new { comment = "请尽快受理" });
        await city.DoAsync(accept, "claim");
        await CaseApi.AssertProblemAsync(await city.ActAsync(accept, "urge", new { comment = "自己催自己" }), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.OtherEnterprise)).ActAsync(accept, "urge", new { }), HttpStatusCode.NotFound);
        var page = await city.TaskAsync(accept);
        Assert.Equal(1, page.Task.UrgeCount);
        Assert.Contains(page.History, h => h.Kind == HistoryKind.Urged && h.Actor == "demo.enterprise" && h.Comment == "请尽快受理");
        Assert.Contains(page.History, h => h.Kind == HistoryKind.CarbonCopied && h.Target == "demo.county");
    }

    [Fact]
    public async Task Denials_other_region_other_organisation_wrong_level_and_anonymous()
    {
        var started = await (await ClientAsync("demo.enterprise")).ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        var task = started.OpenedTasks[0].TaskId;
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county.shangcheng")).ActAsync(task, "claim"), HttpStatusCode.NotFound);
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.OtherEnterprise)).ActAsync(task, "claim"), HttpStatusCode.NotFound);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.enterprise")).ActAsync(task, "claim"), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.city")).ActAsync(task, "complete", CaseApi.Decision("approve")), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.street")).ActAsync(task, "claim"), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await database.Factory.CreateClient().PostAsJsonAsync($"/api/tasks/{task}/claim", new { }, Cancellation), HttpStatusCode.Unauthorized);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county")).ActAsync(Guid.NewGuid(), "claim"), HttpStatusCode.NotFound);

        // Every denial left the task as it was.
        var page = await (await ClientAsync("demo.county")).TaskAsync(task);
        Assert.Equal((null, true), (page.Task.Assignee, page.Allowed.Claim));
        Assert.Equal([HistoryKind.Started, HistoryKind.TaskCreated], page.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task The_applicant_withdraws_until_the_officials_act()
    {
        var enterprise = await ClientAsync("demo.enterprise");
        var first = await enterprise.ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        var detail = await enterprise.GetFromJsonAsync<CaseDetail>($"/api/instances/{first.InstanceId}", Json.Options, Cancellation);
        Assert.True(detail!.CanWithdraw);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county")).PostAsJsonAsync($"/api/instances/{first.InstanceId}/withdraw", new { }, Cancellation), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await (await ClientAsync(CaseWorld.OtherEnterprise)).PostAsJsonAsync($"/api/instances/{first.InstanceId}/withdraw", new { }, Cancellation), HttpStatusCode.NotFound);
        var withdrawn = await enterprise.PostAsJsonAsync($"/api/instances/{first.InstanceId}/withdraw", new { comment = "填错设备" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var state = await database.Factory.Services.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(first.InstanceId, Cancellation);
        Assert.Equal(InstanceStatus.Canceled, state!.Status);
        Assert.Null(await (await ClientAsync("demo.county")).TodoAsync(first.BusinessKey));

        var second = await enterprise.ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        await (await ClientAsync("demo.county")).DoAsync(second.OpenedTasks[0].TaskId, "claim");
        Assert.False((await enterprise.GetFromJsonAsync<CaseDetail>($"/api/instances/{second.InstanceId}", Json.Options, Cancellation))!.CanWithdraw);
        await CaseApi.AssertProblemAsync(await enterprise.PostAsJsonAsync($"/api/instances/{second.InstanceId}/withdraw", new { }, Cancellation), HttpStatusCode.Conflict);

        // The case page: the applicant and the county read it, the neighbouring county does not.
        Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync("demo.county")).GetAsync($"/api/instances/{second.InstanceId}", Cancellation)).StatusCode);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county.shangcheng")).GetAsync($"/api/instances/{second.InstanceId}", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signers_are_added_and_removed_on_a_parallel_countersignature()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var key = TestBpmn.NewKey("countersign");
        var analyst = database.Factory.CreateClientFor(SignedInClients.Analyst);
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d_{{key}}">
              <process id="{{key}}" name="会签测试" isExecutable="true">
                <startEvent id="start" ah:initiator="initiator" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
                <userTask id="sign" name="会签" ah:assignee="${signer}" ah:formKey="decision">
                  <multiInstanceLoopCharacteristics isSequential="false" ah:collection="${signers}" ah:elementVariable="signer" />
                </userTask>
                <sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;
        (await analyst.PostAsync("/api/definitions", TestBpmn.Content(xml), Cancellation)).EnsureSuccessStatusCode();
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var started = await engine.StartAsync(new StartProcessRequest(key)
        {
            Initiator = "demo.county",
            Variables = new Dictionary<string, JsonNode?> { ["regionCode"] = "330106", ["signers"] = new JsonArray("demo.county", "demo.street") },
        }, Cancellation);
        var countyTask = (await database.Factory.Services.GetRequiredService<IWorkflowQueries>().GetTasksAsync(started.InstanceId, Cancellation))
            .Single(t => t.Assignee == "demo.county").Id;
        var county = await ClientAsync("demo.county");
        var page = await county.TaskAsync(countyTask);
        Assert.Equal((true, true, 2), (page.Allowed.AddSigner, page.Allowed.RemoveSigner, page.Signers.Count));

        await CaseApi.AssertFieldErrorAsync(await county.ActAsync(countyTask, "signers", new { add = CaseWorld.NingboCityOfficial }), "add");
        await CaseApi.AssertFieldErrorAsync(await county.ActAsync(countyTask, "signers", new { add = "demo.street" }), "add");
        await CaseApi.AssertFieldErrorAsync(await county.ActAsync(countyTask, "signers", new { }), "add");
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.city")).ActAsync(countyTask, "signers", new { add = "demo.province" }), HttpStatusCode.Forbidden);
        var added = await county.DoAsync(countyTask, "signers", new { add = "demo.city", comment = "请市局会签" });
        var cityTask = Assert.Single(added.OpenedTasks).TaskId;
        Assert.Equal(3, (await county.TaskAsync(countyTask)).Signers.Count);

        var streetTask = (await county.TaskAsync(countyTask)).Signers.Single(s => s.Assignee == "demo.street").TaskId;
        await CaseApi.AssertFieldErrorAsync(await county.ActAsync(countyTask, "signers", new { removeTaskId = countyTask }), "removeTaskId");
        await county.DoAsync(countyTask, "signers", new { removeTaskId = streetTask, comment = "街道不参与" });
        Assert.Equal(2, (await county.TaskAsync(countyTask)).Signers.Count);

        await county.DoAsync(countyTask, "complete", CaseApi.Decision("approve"));
        await (await ClientAsync("demo.city")).DoAsync(cityTask, "complete", CaseApi.Decision("approve"));
        Assert.Equal(InstanceStatus.Completed, (await database.Factory.Services.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(started.InstanceId, Cancellation))!.Status);
    }
}

public sealed class SqliteTaskActionTests(SqliteDatabase database)
    : TaskActionTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresTaskActionTests(PostgresDatabase database)
    : TaskActionTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
