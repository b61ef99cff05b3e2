using System.Text.Json.Nodes;
using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Tests.Iot.Support;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Iot;

/// <summary>
/// From a simulated device over MQTT to a rescue case, on the embedded broker and on Mosquitto, on
/// both stores: the entrapment flow with repeat, escalation and clear; telemetry and a threshold
/// alarm; bad messages counted and dropped while ingestion goes on.
/// </summary>
public abstract class AlarmFlowTests<TFixture>(TFixture fixture)
    where TFixture : class, IIotFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApprovalHubFactory Factory => fixture.Database.Factory;

    private T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task An_entrapment_opens_one_rescue_case_that_escalates_on_time_and_closes_when_the_lift_is_normal_and_the_rescue_confirmed()
    {
        IotTestKit.EnsureHandlers(Factory);
        await Service<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var lift = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 0, Ct);
        await using var device = await IotTestKit.ConnectAsync(fixture, lift.EquipmentCode, Ct);
        var queries = Service<IWorkflowQueries>();
        var engine = Service<WorkflowEngine>();

        // 困人: the alarm is active at once and opens the case (step 9 calls unit 34).
        var raisedAt = DateTimeOffset.UtcNow;
        await device.EventAsync("11", ts: raisedAt, cancellationToken: Ct);
        var alarm = await IotTestKit.OpenAlarmAsync(Factory, lift.EquipmentCode, "lift.entrapment", Ct, a => a.CaseInstanceId is not null);
        Assert.Equal((AlarmStatus.Active, AlarmSeverity.Critical, 1), (alarm.Status, alarm.Severity, alarm.Occurrences));
        var root = await queries.GetInstanceAsync(alarm.CaseInstanceId!.Value, Ct);
        Assert.Equal(("step_9_emergency", AlarmCases.BusinessKey(alarm.Id)), (root!.ProcessKey, root.BusinessKey));
        var unit = Assert.Single(await queries.GetChildrenAsync(root.Id, Ct));
        Assert.Equal("unit_34_iot_alarm", unit.ProcessKey);
        Assert.Equal(lift.EquipmentCode, Variable(unit, "equipmentCode"));
        Assert.Equal(AlarmCases.BusinessKey(alarm.Id), Variable(unit, "alarmId"));
        Assert.True(await RegistryAlarmFlagAsync(lift.Id));

        // The maintenance unit is notified (an async service task), then 到场救援 waits for it with
        // the arrival limit of the lift's place as its escalation timer.
        var rescue = await OpenTaskAsync(unit.Id, "Task_rescue");
        Assert.Contains("maintenance", rescue.CandidateGroups);
        var limit = ArrivalLimits.For(lift.RegionCode);
        var deadline = Assert.Single(await queries.GetJobsAsync(unit.Id, Ct), j => j.ElementId == "Task_rescue_deadline");
        Assert.InRange(deadline.DueAt, raisedAt + limit - TimeSpan.FromSeconds(5), DateTimeOffset.UtcNow + limit);
        Assert.InRange(rescue.DueAt!.Value, raisedAt + limit - TimeSpan.FromSeconds(5), DateTimeOffset.UtcNow + limit);

        // The lift reports it again: the same alarm counts it and the case hears of it.
        await device.EventAsync("11", cancellationToken: Ct);
        await IotTestKit.OpenAlarmAsync(Factory, lift.EquipmentCode, "lift.entrapment", Ct, a => a.Occurrences == 2);
        await IotTestKit.UntilAsync(async () => (await queries.GetInstanceAsync(root.Id, Ct))!.Scopes[0].Variables.TryGetValue("alarmOccurrences", out var n) && n?.GetValue<int>() == 2,
            "the repeat on the case", Ct);
        await using (var db = Service<Func<IotDbContext>>()())
        {
            Assert.Equal(1, await db.Alarms.CountAsync(a => a.EquipmentCode == lift.EquipmentCode && a.Type == "lift.entrapment", Ct));
        }

        // Nobody arrives in time: the timer escalates to the street rescue station and the regulator.
        await engine.FireJobAsync(deadline.Id, Ct);
        var station = await OpenTaskAsync(unit.Id, "Task_rescue_station");
        Assert.Contains("regulator.street", station.CandidateGroups);
        Assert.DoesNotContain(await queries.GetTasksAsync(unit.Id, Ct), t => t.ElementId == "Task_rescue" && t.Status == UserTaskStatus.Open);

        // The station confirms the rescue; the case then waits for the lift to report normal.
        await engine.CompleteTaskAsync(station.Id, new Dictionary<string, JsonNode?>
        {
            ["arrivedAt"] = DateTimeOffset.UtcNow.ToString("O"), ["trapped"] = 2, ["faultCode"] = "trapped", ["handling"] = "盘车放人，乘客无伤",
            ["hazardFound"] = false, ["accident"] = false,
        }, "demo.street", Ct);
        await IotTestKit.UntilAsync(async () => (await queries.GetSubscriptionsAsync(unit.Id, Ct))
            .Any(s => s.MessageName == AlarmCases.ClearedMessage && s.CorrelationKey == AlarmCases.BusinessKey(alarm.Id)), "the wait for normal", Ct);
        Assert.Equal(InstanceStatus.Active, (await queries.GetInstanceAsync(root.Id, Ct))!.Status);

        // 恢复自动运行: the alarm clears and the case runs to its end.
        await device.EventAsync(AlarmRuleSet.LiftBackToNormal, cancellationToken: Ct);
        var cleared = await IotTestKit.EventuallyAsync(Factory, db => db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alarm.Id && a.ClearedAt != null, Ct), "the clear", Ct);
        Assert.Equal((AlarmStatus.Cleared, "40"), (cleared.Status, cleared.ClearReason));
        await IotTestKit.UntilAsync(async () => (await queries.GetInstanceAsync(root.Id, Ct))!.Status == InstanceStatus.Completed, "the case to close", Ct, seconds: 30);
        Assert.False(await RegistryAlarmFlagAsync(lift.Id));
    }

    [Fact]
    public async Task Telemetry_is_stored_and_a_boiler_held_above_its_pressure_limit_raises_an_alarm_that_clears_when_pressure_is_normal()
    {
        IotTestKit.EnsureHandlers(Factory);
        await Service<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var boiler = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Boiler, 0, Ct);
        await using var device = await IotTestKit.ConnectAsync(fixture, boiler.EquipmentCode, Ct);

        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < 20; i++)
        {
            await device.TelemetryAsync($"\"pressure\":1.0{i % 10},\"temperature\":95.5,\"waterLevel\":0", start.AddSeconds(i), Ct);
        }

        await IotTestKit.UntilAsync(async () =>
        {
            await using var db = Service<Func<IotDbContext>>()();
            return await db.Telemetry.CountAsync(t => t.EquipmentCode == boiler.EquipmentCode, Ct) == 20;
        }, "20 telemetry rows", Ct);

        // Above 1.6 MPa (no pressureMax reported) since 30 s ago: pending for 10 s, then active.
        await device.TelemetryAsync("\"pressure\":1.9", DateTimeOffset.UtcNow.AddSeconds(-30), Ct);
        var pending = await IotTestKit.OpenAlarmAsync(Factory, boiler.EquipmentCode, "boiler.overpressure", Ct);
        Assert.Equal("pressure", pending.FaultCode);
        await Service<AlarmSweeper>().RunOnceAsync(Ct);
        var active = await IotTestKit.OpenAlarmAsync(Factory, boiler.EquipmentCode, "boiler.overpressure", Ct, a => a.Status == AlarmStatus.Active && a.CaseInstanceId is not null);
        Assert.Equal(AlarmSeverity.Critical, active.Severity);

        await device.TelemetryAsync("\"pressure\":1.2", DateTimeOffset.UtcNow, Ct);
        var cleared = await IotTestKit.EventuallyAsync(Factory, db => db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == active.Id && a.ClearedAt != null, Ct), "the clear", Ct);
        Assert.Equal((AlarmStatus.Cleared, "normal"), (cleared.Status, cleared.ClearReason));
    }

    [Fact]
    public async Task Malformed_oversized_and_misaddressed_messages_are_counted_and_dropped_while_ingestion_goes_on()
    {
        await Service<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var lift = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 1, Ct);
        var other = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 2, Ct);
        await using var device = await IotTestKit.ConnectAsync(fixture, lift.EquipmentCode, Ct);
        var metrics = Service<IotMetrics>();
        var (malformed, oversized, unauthorised) = (metrics.DroppedTotal(IotMetrics.Reasons.Malformed), metrics.DroppedTotal(IotMetrics.Reasons.Oversized), metrics.DroppedTotal(IotMetrics.Reasons.Unauthorised));

        string[] bad =
        [
            "not json at all", "{", "null", "[]", "{\"v\":2,\"id\":\"x\",\"ts\":\"2026-11-26T10:00:00Z\",\"code\":\"11\"}",
            "{\"v\":1,\"id\":\"x\",\"ts\":\"2026-11-26T10:00:00Z\",\"code\":\"11\",\"surprise\":true}",
            "{\"v\":1,\"ts\":\"2026-11-26T10:00:00Z\",\"code\":\"11\"}", "{\"v\":1,\"id\":\"x\",\"ts\":\"1970-01-01T00:00:00Z\",\"code\":\"11\"}",
            "{\"v\":1,\"id\":\"x\",\"ts\":\"2026-11-26T10:00:00Z\",\"code\":\"困人!\"}", "{\"v\":1,\"id\":\"x\",\"ts\":\"2026-11-26T10:00:00Z\",\"code\":\"11\",\"state\":\"maybe\"}",
        ];
        const int Rounds = 20;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var payload in bad)
            {
                await device.PublishAsync($"ah/v1/devices/{lift.EquipmentCode}/events", payload.Replace("2026-11-26T10:00:00Z", DateTimeOffset.UtcNow.ToString("O"), StringComparison.Ordinal), Ct);
            }

            await device.PublishAsync($"ah/v1/devices/{lift.EquipmentCode}/telemetry", "{\"v\":1,\"ts\":\"" + DateTimeOffset.UtcNow.ToString("O") + "\",\"speed\":-3}", Ct);
        }

        await device.PublishAsync($"ah/v1/devices/{lift.EquipmentCode}/events", new byte[8192], Ct);
        var misaddressed = await device.PublishAsync($"ah/v1/devices/{other.EquipmentCode}/events",
            "{\"v\":1,\"id\":\"stolen\",\"ts\":\"" + DateTimeOffset.UtcNow.ToString("O") + "\",\"code\":\"11\"}", Ct);

        // Still ingesting: a good message after the flood is stored.
        var good = await device.EventAsync(AlarmRuleSet.LiftBackToNormal, cancellationToken: Ct);
        await IotTestKit.EventuallyAsync(Factory, db => db.FaultEvents.AsNoTracking().FirstOrDefaultAsync(e => e.MessageId == good, Ct), "the good message", Ct);
        await IotTestKit.UntilAsync(() => Task.FromResult(metrics.DroppedTotal(IotMetrics.Reasons.Malformed) >= malformed + (Rounds * (bad.Length + 1))), "the malformed count", Ct);
        Assert.True(metrics.DroppedTotal(IotMetrics.Reasons.Oversized) > oversized);
        await using (var db = Service<Func<IotDbContext>>()())
        {
            Assert.False(await db.FaultEvents.AnyAsync(e => e.EquipmentCode == other.EquipmentCode || e.EquipmentCode == lift.EquipmentCode && e.MessageId != good, Ct));
        }

        // A wrong secret is refused at the door.
        var (intruder, result) = await TestDevice.TryConnectAsync(fixture.BrokerPort, other.EquipmentCode, "guessed-secret", Ct);
        await intruder.DisposeAsync();
        Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, result);
        if (fixture.Mosquitto is null)
        {
            // The embedded broker counts what it refuses; Mosquitto logs it instead.
            Assert.NotEqual(MQTTnet.MqttClientPublishReasonCode.Success, misaddressed);
            Assert.True(metrics.DroppedTotal(IotMetrics.Reasons.Unauthorised) >= unauthorised + 2);
        }
    }

    private async Task<UserTaskRecord> OpenTaskAsync(Guid instanceId, string elementId)
    {
        var queries = Service<IWorkflowQueries>();
        UserTaskRecord? task = null;
        await IotTestKit.UntilAsync(async () =>
        {
            task = (await queries.GetTasksAsync(instanceId, Ct)).FirstOrDefault(t => t.ElementId == elementId && t.Status == UserTaskStatus.Open);
            return task is not null;
        }, $"task {elementId}", Ct);
        return task!;
    }

    private static string? Variable(InstanceState instance, string name) =>
        instance.Scopes[0].Variables.TryGetValue(name, out var value) ? value?.ToString() : null;

    private async Task<bool> RegistryAlarmFlagAsync(long deviceId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Devices.Where(d => d.Id == deviceId).Select(d => d.AlarmActive).SingleAsync(Ct);
    }
}

public sealed class EmbeddedSqliteAlarmFlowTests(EmbeddedSqlite fixture) : AlarmFlowTests<EmbeddedSqlite>(fixture), IClassFixture<EmbeddedSqlite>;

public sealed class EmbeddedPostgresAlarmFlowTests(EmbeddedPostgres fixture) : AlarmFlowTests<EmbeddedPostgres>(fixture), IClassFixture<EmbeddedPostgres>;

public sealed class MosquittoSqliteAlarmFlowTests(MosquittoSqlite fixture) : AlarmFlowTests<MosquittoSqlite>(fixture), IClassFixture<MosquittoSqlite>;

public sealed class MosquittoPostgresAlarmFlowTests(MosquittoPostgres fixture) : AlarmFlowTests<MosquittoPostgres>(fixture), IClassFixture<MosquittoPostgres>;
