using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Cockpit;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>
/// The closed loop of issue #10 through the real host, engine, handlers and job pump: an overdue
/// lift raises a warning, the warning opens a unit 31 hazard case (hazard.open records the hazard),
/// the use unit rectifies and the inspection body's pass moves the validity on, the warning clears
/// with its record, the street reviews and the hazard is closed — and the cockpit's figures follow
/// every step. Both stores.
/// </summary>
public abstract class CockpitEndToEndTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private WorkflowEngine Engine => database.Factory.Services.GetRequiredService<WorkflowEngine>();

    private IWorkflowQueries Queries => database.Factory.Services.GetRequiredService<IWorkflowQueries>();

    [Fact]
    public async Task An_overdue_lift_warns_opens_a_hazard_case_and_clears_when_rectified_while_the_cockpit_follows()
    {
        var today = database.Factory.Services.GetRequiredService<TimeProvider>().Today();

        // A lift in use in Hangzhou whose validity has just run out.
        var device = await database.WithAsync((_, cockpit) => cockpit.DeviceRisks.AsNoTracking()
            .Where(r => r.Status == EquipmentStatus.InUse && r.Category == EquipmentCategory.Lift && !r.Overdue && r.RegionCode.StartsWith("3301"))
            .OrderBy(r => r.DeviceId).FirstAsync(Cancellation));
        await database.ChangeRegistryAsync(async registry =>
            (await registry.Devices.SingleAsync(d => d.Id == device.DeviceId, Cancellation)).InspectionValidUntil = today.AddDays(-2), Cancellation);
        var county = device.RegionCode[..6];

        // The night: the warning and its case; the job pump runs every case's hazard.open.
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var warning = await WarningAsync(device.DeviceId);
        Assert.Equal(WarningRules.HazardRectification, warning.CaseProcessKey);
        await SettleAsync();
        var rectify = await TaskAsync(warning.CaseInstanceId!.Value, "Task_rectify");
        var orderedView = await ViewAsync(county);
        var ordered = orderedView.Figures;
        var row = await RowAsync(device.DeviceId);
        Assert.True(row.Overdue);
        Assert.Equal(1, row.OpenGeneralHazards);
        Assert.True(ordered.Overdue.Value >= 1 && ordered.HazardsOpen.Value >= 1);
        var overdueWarnings = orderedView.Warnings.Single(w => w.Rule.Rule == WarningRule.InspectionOverdue).Open.Value;

        // The use unit rectifies: it has the lift inspected, and the inspection body reports a pass.
        var review = Assert.Single((await Engine.CompleteTaskAsync(rectify.Id, new Dictionary<string, JsonNode?>
        {
            ["rectification"] = "已委托检验机构完成定期检验", ["comment"] = "检验合格，报告已上传",
        }, "demo.enterprise", Cancellation)).CreatedTasks);
        await database.ChangeRegistryAsync(async registry =>
        {
            var lift = await registry.Devices.SingleAsync(d => d.Id == device.DeviceId, Cancellation);
            lift.LastInspectedOn = today;
            lift.LastInspectionResult = InspectionResult.Pass;
            lift.InspectionValidUntil = today.AddYears(1);
            registry.Inspections.Add(new InspectionRecord { DeviceId = lift.Id, Kind = InspectionKind.Periodic, InspectedOn = today, Result = InspectionResult.Pass, ValidUntil = today.AddYears(1) });
        }, Cancellation);

        // The cause is gone: the warning closes with its record, the case is told, the figures drop.
        var cleared = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Include(w => w.Events).SingleAsync(w => w.Id == warning.Id, Cancellation));
        Assert.Equal("已完成检验，检验有效期已更新", cleared.CloseReason);
        Assert.Equal([WarningEventKind.Opened, WarningEventKind.CaseOpened, WarningEventKind.Closed], cleared.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.True((bool)(await Queries.GetInstanceAsync(warning.CaseInstanceId.Value, Cancellation))!.Scopes[0].Variables["warningCleared"]!);
        var inspectedView = await ViewAsync(county);
        var inspected = inspectedView.Figures;
        Assert.Equal(ordered.Overdue.Value - 1, inspected.Overdue.Value);
        Assert.Equal(overdueWarnings - 1, inspectedView.Warnings.Single(w => w.Rule.Rule == WarningRule.InspectionOverdue).Open.Value);
        Assert.Equal(ordered.HazardsOpen.Value, inspected.HazardsOpen.Value);

        // The street reviews and approves: the hazard is closed (销号) and the case ends.
        await Engine.CompleteTaskAsync(review.TaskId, new Dictionary<string, JsonNode?> { ["decision"] = "approve", ["comment"] = "复查合格，予以销号" }, "demo.street", Cancellation);
        var done = await WaitAsync(async () => await Queries.GetInstanceAsync(warning.CaseInstanceId.Value, Cancellation) is { Status: InstanceStatus.Completed } i ? i : null);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        await database.Factory.Services.GetRequiredService<RiskChangeQueue>().WhenIdleAsync(Cancellation);

        var closedHazard = await database.WithAsync((registry, _) => registry.Hazards.AsNoTracking().SingleAsync(h => h.DeviceId == device.DeviceId && h.FoundOn == today, Cancellation));
        Assert.Equal(today, closedHazard.ClosedOn);
        var rectified = (await ViewAsync(county)).Figures;
        Assert.Equal(inspected.HazardsOpen.Value - 1, rectified.HazardsOpen.Value);
        Assert.Equal(inspected.HazardsClosed12Months + 1, rectified.HazardsClosed12Months);
        var after = await RowAsync(device.DeviceId);
        Assert.Equal((false, 0, 0.0), (after.Overdue, after.OpenGeneralHazards, after.PointsInspectionOverdue));
        Assert.True(after.Score < row.Score);
        await database.AssertFiguresAddUpAsync(Cancellation);

        // The list behind the closed warnings shows the warning with its case.
        var closedList = await database.Factory.CreateClientFor("demo.city")
            .GetFromJsonAsync<WarningListPage>($"/api/cockpit/warnings?region={county}&rule=inspection-overdue&state=closed", Json.Options, Cancellation);
        Assert.Contains(closedList!.Items, w => w.Id == warning.Id && w.CaseInstanceId == warning.CaseInstanceId);
    }

    private async Task<CockpitView> ViewAsync(string county) =>
        (await database.Factory.CreateClientFor("demo.city").GetFromJsonAsync<CockpitView>($"/api/cockpit?region={county}", Json.Options, Cancellation))!;

    private Task<Supervision.Risk.DeviceRisk> RowAsync(long device) =>
        database.WithAsync((_, cockpit) => cockpit.DeviceRisks.AsNoTracking().SingleAsync(r => r.DeviceId == device, Cancellation));

    private Task<Warning> WarningAsync(long device) =>
        database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking()
            .SingleAsync(w => w.ClosedAt == null && w.Rule == WarningRule.InspectionOverdue && w.SubjectId == device, Cancellation));

    // Every case the night opened has run its first service task (hazard.open for unit 31) and
    // waits for a person: from here on the figures move only by what this test does.
    private async Task SettleAsync()
    {
        var cases = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.CaseInstanceId != null).Select(w => w.CaseInstanceId!.Value).ToListAsync(Cancellation));
        foreach (var instance in cases)
        {
            await WaitAsync(async () => (await Queries.GetTasksAsync(instance, Cancellation)).Any(t => t.Status == UserTaskStatus.Open) ? instance : (Guid?)null);
        }

        await database.Factory.Services.GetRequiredService<RiskChangeQueue>().WhenIdleAsync(Cancellation);
    }

    private async Task<UserTaskRecord> TaskAsync(Guid instance, string element) =>
        await WaitAsync(async () => (await Queries.GetTasksAsync(instance, Cancellation)).FirstOrDefault(t => t.ElementId == element && t.Status == UserTaskStatus.Open));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100, Cancellation);
        }

        throw new TimeoutException("The engine's jobs did not get there within 30 seconds.");
    }
}

public sealed class SqliteCockpitEndToEndTests(SqliteDatabase database)
    : CockpitEndToEndTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresCockpitEndToEndTests(PostgresDatabase database)
    : CockpitEndToEndTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
