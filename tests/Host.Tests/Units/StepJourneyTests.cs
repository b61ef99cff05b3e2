using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>
/// The 9 step definitions, which orchestrate the units over a device's or an organisation's life.
/// The platform starts them (a schedule, an IoT message, an integration), so the tests start them
/// through the engine with the variables the case layer gives a case; every task is then done
/// through the HTTP API by whoever's queue lists it. The two long journeys run to their end: 台台检验
/// (reminder → 06 → 07 fails → 08 → next due date) and the new device (告知 → 监督检验 → 验收 →
/// 使用登记); every other step is shown to start and call its first unit. Both stores.
/// </summary>
public abstract class StepJourneyTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private WorkflowEngine Engine => database.Factory.Services.GetRequiredService<WorkflowEngine>();

    private IWorkflowQueries Queries => database.Factory.Services.GetRequiredService<IWorkflowQueries>();

    [Fact]
    public async Task Every_unit_inspected_reminds_then_a_failed_inspection_is_rectified_and_the_next_due_date_is_set()
    {
        var journey = await JourneyAsync();
        var (code, _) = await JourneyWorld.DeviceAsync(database.Factory, DeviceState.InUse);
        var started = await StartAsync("step_2_inspection", "demo.enterprise", code, CaseWorld.UserUnit, new()
        {
            ["reminderAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
            ["inspectionOrganisationId"] = CaseWorld.InspectionBody,
        });
        await journey.SettleAsync(started);
        var reminder = await journey.NotificationAsync("demo.enterprise", started, "Task_remind");
        Assert.Equal("dueReminder", (string?)reminder["kind"]);

        var application = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-06-periodic-inspection")!, new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["inspectionBody"] = CaseWorld.InspectionBodyName, ["category"] = "3000", ["variety"] = "3110",
        });
        var inspections = 0;
        var rested = await journey.RunAsync(started, task => task.ElementId switch
        {
            "Task_apply" => application,
            "Task_inspect" => Answer(task, new() { ["result"] = inspections++ == 0 ? "fail" : "pass", ["conclusion"] = "制动器间隙超标" }),
            _ => Answer(task),
        });

        // The cycle is back at its timer, due a month before the new validity ends.
        Assert.Equal(InstanceStatus.Active, rested.Status);
        Assert.Equal(
            ["Task_apply", "Task_accept", "Task_assign", "Task_inspect", "Task_sign", "Task_rectify", "Task_reinspect"],
            journey.Steps.Select(s => s.ElementId));
        Assert.Equal(
            ["demo.enterprise", "demo.inspector", "demo.inspector", "demo.inspector", "demo.inspector", "demo.enterprise", "demo.inspector"],
            journey.Steps.Select(s => s.Actor));
        var device = await journey.DeviceAsync("demo.enterprise", code);
        var next = DateOnly.Parse((string)device["nextDueOn"]!, CultureInfo.InvariantCulture);
        Assert.Equal(("inUse", "passOnReinspection", CaseWorld.InspectionBody), ((string)device["status"]!, (string?)device["lastInspectionResult"], (long)device["inspectionOrganisation"]!["id"]!));
        Assert.True(next > JourneyWorld.Today, $"next due {next}");
        var timer = Assert.Single(await Queries.GetJobsAsync(started, Cancellation), j => j.ElementId == "Timer_due");
        Assert.Equal((string?)device["applyForInspectionBy"], DateOnly.FromDateTime(timer.DueAt.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var timeline = await journey.TimelineAsync("demo.enterprise", code);
        Assert.Contains(timeline, e => (string?)e["kind"] == "inspection" && ((string?)e["detail"])?.StartsWith("不合格", StringComparison.Ordinal) == true);
        Assert.Contains(timeline, e => (string?)e["kind"] == "registration.suspended");
        Assert.Contains(timeline, e => (string?)e["kind"] == "registration.resumed");
    }

    [Fact]
    public async Task A_new_device_is_notified_inspected_accepted_and_registered_in_one_journey()
    {
        var journey = await JourneyAsync();

        // The manufacturer's product data sheet put the lift on file (在建), as its own journey.
        var coded = await UnitJourneys.RunAsync(journey, "05", JourneyPath.Approve);
        var code = coded.DeviceCode!;
        journey.Steps.Clear();
        var notice = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-18-installation-notice")!, new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["licenceNo"] = JourneyWorld.InstallationLicence, ["creditCode"] = JourneyWorld.CreditOf(JourneyWorld.Producer),
            ["organisationName"] = JourneyWorld.ProducerName, ["category"] = "3000", ["variety"] = "3110", ["userOrganisation"] = "演示使用单位",
        });
        var started = await StartAsync("step_4_notice", "demo.producer", code, JourneyWorld.Producer, new()
        {
            ["userOrganisationId"] = CaseWorld.UserUnit,
        }, notice);
        var known = new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["inspectionBody"] = CaseWorld.InspectionBodyName, ["workKind"] = "installation", ["category"] = "3000", ["variety"] = "3110",
            ["address"] = "西湖区文三路100号2号梯", ["creditCode"] = JourneyWorld.CreditOf(CaseWorld.UserUnit), ["organisationName"] = "演示使用单位",
            ["commissionedOn"] = JourneyWorld.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var ended = await journey.RunAsync(started, task => task.FormKey!.StartsWith("unit-", StringComparison.Ordinal)
            ? UnitJourneys.Filled(CaseApi.Catalog.FindForm(task.FormKey)!, known)
            : Answer(task));

        Assert.Equal(InstanceStatus.Completed, ended.Status);
        Assert.Equal(
            [
                ("Task_apply_inspection", "demo.producer"), ("Task_accept", "demo.inspector"), ("Task_inspect", "demo.inspector"),
                ("Task_acceptance", "demo.enterprise"), ("Task_handover", "demo.producer"), ("Task_apply_registration", "demo.enterprise"),
                ("Task_accept", "demo.city"), ("Task_decide", "demo.city"),
            ],
            journey.Steps.Select(s => (s.ElementId, s.Actor)));
        var device = await journey.DeviceAsync("demo.enterprise", code);
        Assert.Equal(("inUse", CaseWorld.UserUnit), ((string)device["status"]!, (long)device["userOrganisation"]!["id"]!));
        Assert.Equal(JourneyWorld.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)device["installedOn"]);
        await journey.AssertCertificatePdfAsync("demo.enterprise", (string)device["useCertificateNumber"]!);
        var kinds = (await journey.TimelineAsync("demo.enterprise", code)).Select(e => (string?)e["kind"]).ToList();
        Assert.Contains("registration.installationnotified", kinds);
        Assert.Contains("inspection", kinds);
        Assert.Contains("registration.registered", kinds);
    }

    [Fact]
    public async Task Factory_control_starts_with_the_licence_application_at_the_province()
    {
        var journey = await JourneyAsync();
        var form = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-01-production-licence")!, new Dictionary<string, JsonNode?>
        {
            ["inspectionBody"] = CaseWorld.InspectionBodyName, ["creditCode"] = JourneyWorld.CreditOf(JourneyWorld.Producer),
        });
        var started = await StartAsync("step_1_factory_control", "demo.producer", null, JourneyWorld.Producer, [], form);

        await AssertFirstTaskAsync(journey, started, "unit_01_production_licence", "Task_accept", "demo.province");
    }

    [Fact]
    public async Task Every_item_coded_starts_with_the_use_registration_at_the_city()
    {
        var journey = await JourneyAsync();
        var code = JourneyWorld.NewCode();
        var form = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-11-use-registration")!, new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["category"] = "3000", ["variety"] = "3110", ["creditCode"] = JourneyWorld.CreditOf(CaseWorld.UserUnit),
        });
        var started = await StartAsync("step_3_coding", "demo.enterprise", code, CaseWorld.UserUnit, [], form);

        await AssertFirstTaskAsync(journey, started, "unit_11_use_registration", "Task_accept", "demo.city");
    }

    [Fact]
    public async Task Every_job_accepted_files_the_renovation_notice_at_once_then_asks_the_inspection_body()
    {
        var journey = await JourneyAsync();
        var (code, _) = await JourneyWorld.DeviceAsync(database.Factory, DeviceState.InUse);
        var started = await StartAsync("step_5_acceptance", "demo.producer", code, JourneyWorld.Producer, new()
        {
            ["workKind"] = "renovation", ["licenceNo"] = JourneyWorld.InstallationLicence,
            ["plannedStart"] = JourneyWorld.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inspectionBody"] = CaseWorld.InspectionBodyName,
        });

        await AssertFirstTaskAsync(journey, started, "unit_22_supervisory_inspection", "Task_accept", "demo.inspector");
        Assert.Contains(await journey.TimelineAsync("demo.producer", code), e => (string?)e["kind"] == "registration.installationnotified");
    }

    [Fact]
    public async Task Everywhere_standardised_files_the_maintenance_contract_then_asks_for_the_first_record()
    {
        var journey = await JourneyAsync();
        var (code, _) = await JourneyWorld.DeviceAsync(database.Factory, DeviceState.InUse, maintainer: null);
        var form = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-24-maintenance-contract")!, new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["maintenanceUnit"] = JourneyWorld.ProducerName, ["maintenanceCredit"] = JourneyWorld.CreditOf(JourneyWorld.Producer),
            ["contractFrom"] = JourneyWorld.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["contractTo"] = JourneyWorld.Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var started = await StartAsync("step_6_standards", "demo.enterprise", code, CaseWorld.UserUnit, [], form);

        await AssertFirstTaskAsync(journey, started, "unit_25_maintenance_record", "Task_record", "demo.producer");
        Assert.Equal(JourneyWorld.Producer, (long)(await journey.DeviceAsync("demo.enterprise", code))["maintenanceOrganisation"]!["id"]!);
    }

    [Fact]
    public async Task Scan_every_time_files_the_daily_self_check_and_waits_for_the_next_working_day()
    {
        var journey = await JourneyAsync();
        var started = await StartAsync("step_7_scan", "demo.enterprise", null, CaseWorld.UserUnit, []);
        await journey.SettleAsync(started);

        var check = Assert.Single(await Queries.GetChildrenAsync(started, Cancellation));
        Assert.Equal(("unit_29_self_check", InstanceStatus.Completed), (check.ProcessKey, check.Status));
        Assert.NotNull(await journey.NotificationAsync("demo.enterprise", check.Id));
        Assert.Contains(await Queries.GetJobsAsync(started, Cancellation), j => j.ElementId == "Timer_next" && j.DueAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Trace_back_every_event_starts_with_the_double_random_inspection_at_the_county()
    {
        var journey = await JourneyAsync();
        var form = UnitJourneys.Filled(CaseApi.Catalog.FindForm("unit-32-random-inspection")!, new Dictionary<string, JsonNode?>
        {
            ["targets"] = new JsonArray(new JsonObject { ["organisationId"] = CaseWorld.UserUnit, ["organisationName"] = "演示使用单位", ["inspectors"] = "执法人员甲" }),
        });
        var started = await StartAsync("step_8_traceback", "demo.county", null, null, [], form, region: "330106");

        await AssertFirstTaskAsync(journey, started, "unit_32_random_inspection", "Task_check", "demo.county");
    }

    [Fact]
    public async Task Emergency_response_starts_from_the_iot_alarm_and_calls_the_maintenance_unit()
    {
        var journey = await JourneyAsync();
        var (code, _) = await JourneyWorld.DeviceAsync(database.Factory, DeviceState.InUse);
        var delivered = await Engine.CorrelateMessageAsync("iot.alarm", null, new Dictionary<string, JsonNode?>
        {
            ["equipmentCode"] = code, ["regionCode"] = CaseWorld.XihuStreet, ["organisationId"] = CaseWorld.UserUnit,
            ["partyOrganisationIds"] = new JsonArray(JourneyWorld.Producer), ["faultCode"] = "trapped",
        }, Cancellation);
        Assert.Equal(1, delivered);
        var started = (await Queries.FindByProcessAsync("step_9_emergency", Cancellation))
            .Single(i => (string?)i.Scopes[0].Variables.GetValueOrDefault("equipmentCode") == code).Id;

        await AssertFirstTaskAsync(journey, started, "unit_34_iot_alarm", "Task_rescue", "demo.producer");
        var alarm = Assert.Single(await Queries.GetChildrenAsync(started, Cancellation));
        Assert.Equal("alarm", (string?)(await journey.NotificationAsync("demo.producer", alarm.Id, "Task_notify_maintenance"))["kind"]);
    }

    private async Task<Journey> JourneyAsync()
    {
        await JourneyWorld.EnsureAsync(database.Factory);
        return new Journey(database.Factory);
    }

    /// <summary>Starts a step as the platform does, with the variables the case layer gives a case (region, organisation, parties) and the form's data.</summary>
    private async Task<Guid> StartAsync(
        string processKey, string initiator, string? code, long? organisation, Dictionary<string, JsonNode?> variables, JsonObject? form = null, string region = CaseWorld.XihuStreet)
    {
        var all = form?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [];
        foreach (var (key, value) in variables)
        {
            all[key] = value;
        }

        all["regionCode"] = region;
        all["partyOrganisationIds"] = new JsonArray([.. new[] { CaseWorld.UserUnit, CaseWorld.InspectionBody, JourneyWorld.Producer }
            .Where(id => id != organisation).Select(id => (JsonNode?)id)]);
        if (organisation is { } id)
        {
            all["organisationId"] = id;
        }

        if (code is not null)
        {
            all["equipmentCode"] = code;
        }

        var started = await Engine.StartAsync(new StartProcessRequest(processKey) { BusinessKey = code ?? Guid.NewGuid().ToString("N")[..12], Initiator = initiator, Variables = all }, Cancellation);
        return started.InstanceId;
    }

    /// <summary>The step called <paramref name="unitProcess"/>, whose first task is in <paramref name="user"/>'s 待办.</summary>
    private async Task AssertFirstTaskAsync(Journey journey, Guid step, string unitProcess, string element, string user)
    {
        await journey.SettleAsync(step);
        Assert.Equal(InstanceStatus.Active, (await journey.InstanceAsync(step)).Status);
        var task = Assert.Single(await journey.OpenTasksAsync(step));
        Assert.Equal((unitProcess, element), (task.ProcessKey, task.ElementId));
        Assert.Contains(await Queries.GetChildrenAsync(step, Cancellation), child => child.Id == task.InstanceId);
        Assert.Equal(user, (await journey.ActorAsync(task)).User);
    }

    private static JsonObject Answer(UserTaskRecord task, Dictionary<string, JsonNode?>? choices = null) =>
        UnitJourneys.DefaultTaskData([], task, choices);
}

public sealed class SqliteStepJourneyTests(SqliteDatabase database)
    : StepJourneyTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresStepJourneyTests(PostgresDatabase database)
    : StepJourneyTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
