using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// Applying through the API: the catalog, server-side form validation, who may apply for which
/// unit, the variables a case gets, drafts, and the anonymous complaint of unit 30. Both stores.
/// </summary>
public abstract class CaseApplicationTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string userName)
    {
        await CaseWorld.EnsureAsync(database.Factory);
        return CaseWorld.ClientFor(database.Factory, userName);
    }

    [Fact]
    public async Task The_catalog_lists_nine_steps_and_34_units_with_their_forms()
    {
        var client = await ClientAsync("demo.enterprise");
        var catalog = await client.GetFromJsonAsync<JsonObject>("/api/units", Json.Options, Cancellation);
        Assert.Equal(9, catalog!["steps"]!.AsArray().Count);
        Assert.Equal(34, catalog["units"]!.AsArray().Count);

        var unit = await client.GetFromJsonAsync<JsonObject>("/api/units/11", Json.Options, Cancellation);
        Assert.Equal("unit_11_use_registration", (string?)unit!["unit"]!["processKey"]);
        Assert.Equal("coding", (string?)unit["step"]!["code"]);
        Assert.Equal("unit-11-use-registration", (string?)JsonNode.Parse((string)unit["form"]!)!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/units/99", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_applies_and_the_case_carries_region_organisation_parties_and_a_readable_number()
    {
        var client = await ClientAsync("demo.enterprise");
        var started = await client.ApplyAsync("11", CaseApi.Form("11", CaseWorld.XihuLift));

        Assert.Matches(@"^AH11-\d{8}-\d{6}$", started.BusinessKey);
        Assert.Equal("Task_accept", Assert.Single(started.OpenedTasks).ElementId);
        var state = await database.Factory.Services.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(started.InstanceId, Cancellation);
        var variables = state!.Scopes[0].Variables;
        Assert.Equal(CaseWorld.XihuStreet, (string?)variables["regionCode"]);
        Assert.Equal(CaseWorld.UserUnit, (long?)variables["organisationId"]);
        Assert.Equal("demo.enterprise", (string?)variables["initiator"]);
        Assert.Equal("demo.enterprise", state.StartedBy);

        // The task row carries what the queue filters by; the device's maintenance unit is a party.
        var task = (await database.Factory.Services.GetRequiredService<IWorkflowQueries>().GetTasksAsync(started.InstanceId, Cancellation)).Single();
        Assert.Equal((CaseWorld.XihuLift, started.BusinessKey, CaseWorld.XihuStreet), (task.SubjectCode, task.BusinessKey, task.RegionCode));
        Assert.Contains(CaseWorld.Maintainer, task.PartyOrganisationIds);
        Assert.DoesNotContain(CaseWorld.InspectionBody, task.PartyOrganisationIds);

        var second = await client.ApplyAsync("11", CaseApi.Form("11", CaseWorld.XihuLift));
        Assert.Equal(started.BusinessKey[..^6], second.BusinessKey[..^6]);
        Assert.True(string.CompareOrdinal(second.BusinessKey, started.BusinessKey) > 0);
    }

    [Fact]
    public async Task A_bad_form_answers_field_errors_and_stores_nothing()
    {
        var client = await ClientAsync("demo.enterprise");
        var createContext = database.Factory.Services.GetRequiredService<Func<WorkflowDbContext>>();
        async Task<int> CountAsync()
        {
            await using var db = createContext();
            return await db.Tasks.CountAsync(t => t.ProcessKey == "unit_09_inspection_postponement", Cancellation);
        }

        var before = await CountAsync();
        var bad = CaseApi.Form("09", CaseWorld.XihuLift, new Dictionary<string, JsonNode?>
        {
            ["reason"] = null,
            ["equipmentCode"] = "not-a-code",
            ["invented"] = "x",
        });
        var response = await client.TryApplyAsync("09", bad);
        await CaseApi.AssertFieldErrorAsync(response, "equipmentCode");
        var errors = (await response.ObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("reason") && errors.ContainsKey("invented"), errors.ToJsonString());

        // A device code in the request that contradicts the form is a field error too.
        await CaseApi.AssertFieldErrorAsync(await client.TryApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift), CaseWorld.ShangchengLift), "equipmentCode");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Only_the_units_applicant_may_apply_at_the_right_level_for_their_own_device()
    {
        var enterprise = await ClientAsync("demo.enterprise");
        await CaseApi.AssertProblemAsync(await database.Factory.CreateClient().PostAsJsonAsync("/api/units/11/applications", new { data = CaseApi.Form("11", CaseWorld.XihuLift) }, Cancellation), HttpStatusCode.Unauthorized);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.city")).TryApplyAsync("11", CaseApi.Form("11", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await enterprise.TryApplyAsync("31", CaseApi.Form("31", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await enterprise.TryApplyAsync("30", CaseApi.Form("30", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await enterprise.TryApplyAsync("99", new JsonObject()), HttpStatusCode.NotFound);

        // Another unit's device, and a regulator unit at the wrong level (31 is the county's, not the street's).
        await CaseApi.AssertProblemAsync(await enterprise.TryApplyAsync("09", CaseApi.Form("09", CaseWorld.ShangchengLift)), HttpStatusCode.Forbidden);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.street")).TryApplyAsync("31", CaseApi.Form("31", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);

        // The county applies for 31 in its county; the neighbouring county may not for this device.
        var county = await (await ClientAsync("demo.county")).ApplyAsync("31", CaseApi.Form("31", CaseWorld.XihuLift));
        Assert.StartsWith("AH31-", county.BusinessKey, StringComparison.Ordinal);
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county.shangcheng")).TryApplyAsync("31", CaseApi.Form("31", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);

        // 维保记录 (25) is for registered maintenance units only.
        await CaseApi.AssertProblemAsync(await enterprise.TryApplyAsync("25", CaseApi.Form("25", CaseWorld.XihuLift)), HttpStatusCode.Forbidden);
        var maintained = await (await ClientAsync(CaseWorld.MaintenanceUser)).ApplyAsync("25", CaseApi.Form("25", CaseWorld.XihuLift));
        Assert.Equal("Task_record", Assert.Single(maintained.OpenedTasks).ElementId);
    }

    [Fact]
    public async Task The_inspection_body_named_in_the_form_sees_the_application_and_an_unknown_one_is_refused()
    {
        var enterprise = await ClientAsync("demo.enterprise");
        await CaseApi.AssertFieldErrorAsync(
            await enterprise.TryApplyAsync("06", CaseApi.Form("06", CaseWorld.XihuLift, new Dictionary<string, JsonNode?> { ["inspectionBody"] = "不存在的检验所" })),
            "inspectionBody");

        var started = await enterprise.ApplyAsync("06", CaseApi.Form("06", CaseWorld.XihuLift, new Dictionary<string, JsonNode?> { ["inspectionBody"] = CaseWorld.InspectionBodyName }));
        var inspector = await ClientAsync("demo.inspector");
        var todo = await inspector.TodoAsync(started.BusinessKey);
        Assert.Equal("检验机构受理", todo?.TaskName);
        Assert.Null(await (await ClientAsync(CaseWorld.OtherEnterprise)).TodoAsync(started.BusinessKey));
    }

    [Fact]
    public async Task Drafts_are_saved_per_user_and_unit_and_an_application_from_a_draft_removes_it()
    {
        var enterprise = await ClientAsync("demo.enterprise");
        var partial = new JsonObject { ["equipmentCode"] = CaseWorld.XihuLift, ["reason"] = "半成品" };
        var saved = await (await enterprise.PutAsJsonAsync("/api/drafts/09", new { data = partial }, Cancellation)).ReadAsync<DraftView>(Cancellation);
        Assert.Equal(("09", "半成品"), (saved.UnitCode, (string?)saved.Data["reason"]));
        var again = await (await enterprise.PutAsJsonAsync("/api/drafts/09", new { data = new JsonObject { ["reason"] = "改过" } }, Cancellation)).ReadAsync<DraftView>(Cancellation);
        Assert.Equal(saved.Id, again.Id);
        Assert.Equal("改过", (string?)(await enterprise.GetFromJsonAsync<DraftView>("/api/drafts/09", Json.Options, Cancellation))!.Data["reason"]);
        Assert.Contains(await enterprise.GetFromJsonAsync<List<DraftView>>("/api/drafts", Json.Options, Cancellation) ?? [], d => d.Id == saved.Id);

        // Nobody else sees it, nor uses it; an official may not keep drafts of an enterprise unit.
        Assert.Equal(HttpStatusCode.NotFound, (await (await ClientAsync(CaseWorld.OtherEnterprise)).GetAsync("/api/drafts/09", Cancellation)).StatusCode);
        var foreign = await (await ClientAsync(CaseWorld.OtherEnterprise)).PostAsJsonAsync("/api/units/09/applications",
            new { data = CaseApi.Form("09", CaseWorld.ShangchengLift), draftId = saved.Id }, Cancellation);
        await CaseApi.AssertFieldErrorAsync(foreign, "draftId");
        await CaseApi.AssertProblemAsync(await (await ClientAsync("demo.county")).PutAsJsonAsync("/api/drafts/09", new { data = partial }, Cancellation), HttpStatusCode.Forbidden);

        await enterprise.ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift), draftId: saved.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync("/api/drafts/09", Cancellation)).StatusCode);
        await enterprise.PutAsJsonAsync("/api/drafts/09", new { data = partial }, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.DeleteAsync("/api/drafts/09", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.DeleteAsync("/api/drafts/09", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_public_complains_without_an_account_and_follows_it_up_by_reference()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var anonymous = database.Factory.CreateClient();
        var form = CaseApi.Form("30", null, new Dictionary<string, JsonNode?> { ["equipmentCode"] = null, ["contactPhone"] = null });
        var response = await anonymous.PostAsJsonAsync($"/api/public/devices/{CaseWorld.XihuLift}/complaints", new { data = form }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.ReadAsync<ComplaintReceipt>(Cancellation);
        Assert.Matches(@"^AH30-\d{8}-\d{6}-[0-9A-Z]{4}$", receipt.Reference);

        var status = await anonymous.GetFromJsonAsync<ComplaintStatus>($"/api/public/complaints/{receipt.Reference}", Json.Options, Cancellation);
        Assert.Equal(("received", "已受理"), (status!.State, status.StateName));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/complaints/{receipt.Reference[..^4]}ZZZZ", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/complaints/anything", Cancellation)).StatusCode);

        // The county of the device dispatches it; the enterprise complained about never sees it.
        var task = await (await ClientAsync("demo.county")).TodoAsync(receipt.Reference);
        Assert.Equal("派发核查", task?.TaskName);
        Assert.Null(await (await ClientAsync("demo.county.shangcheng")).TodoAsync(receipt.Reference));
        var enterprise = await ClientAsync("demo.enterprise");
        Assert.Null(await enterprise.TodoAsync(receipt.Reference));
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/tasks/{task!.TaskId}", Cancellation)).StatusCode);

        await CaseApi.AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/public/devices/3110TC001202699999/complaints", new { data = form }, Cancellation), HttpStatusCode.NotFound);
        await CaseApi.AssertFieldErrorAsync(
            await anonymous.PostAsJsonAsync($"/api/public/devices/{CaseWorld.XihuLift}/complaints", new { data = new JsonObject { ["topic"] = "fault" } }, Cancellation),
            "description");
    }
}

public sealed class SqliteCaseApplicationTests(SqliteDatabase database)
    : CaseApplicationTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresCaseApplicationTests(PostgresDatabase database)
    : CaseApplicationTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
