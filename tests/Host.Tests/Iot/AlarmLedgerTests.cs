using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Tests.Iot.Support;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Messages;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Iot;

/// <summary>
/// Alarm state in the database: one open alarm per (device, type) however many consumers report it
/// at once, one case per alarm, false-alarm delays, repeat rules, and who may see and acknowledge
/// alarms or issue device secrets. Both stores; no broker needed.
/// </summary>
public abstract class AlarmLedgerTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApprovalHubFactory Factory => database.Factory;

    private Func<IotDbContext> Contexts => Factory.Services.GetRequiredService<Func<IotDbContext>>();

    [Fact]
    public async Task Concurrent_reports_of_one_condition_on_several_consumers_raise_one_alarm_and_open_one_case()
    {
        IotTestKit.EnsureHandlers(Factory);
        var lift = Facts(await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 10, Ct));

        // Three ledgers stand for three nodes sharing the subscription; 24 reports arrive at once.
        var ledgers = Enumerable.Range(0, 3).Select(_ => new AlarmLedger(Contexts, AlarmRuleSet.Default, TimeProvider.System)).ToArray();
        var now = DateTimeOffset.UtcNow;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => ledgers[i % 3].RecordEventAsync(lift, Event($"m{i}", "11", now), now, Ct), Ct)));

        var changes = outcomes.SelectMany(o => o.Changes).ToList();
        Assert.Single(changes, c => c.Kind == AlarmChangeKind.Raised);
        Assert.Equal(23, changes.Count(c => c.Kind == AlarmChangeKind.Repeated));
        await using (var db = Contexts())
        {
            var alarm = Assert.Single(await db.Alarms.Where(a => a.EquipmentCode == lift.EquipmentCode && a.Type == "lift.entrapment").ToListAsync(Ct));
            Assert.Equal((AlarmStatus.Active, 24), (alarm.Status, alarm.Occurrences));
            Assert.Equal(24, await db.FaultEvents.CountAsync(e => e.EquipmentCode == lift.EquipmentCode && e.Code == "11", Ct));
        }

        // A redelivered message is stored once and changes nothing.
        var again = await ledgers[0].RecordEventAsync(lift, Event("m3", "11", now), now, Ct);
        Assert.True(again.Duplicate);

        // Several nodes try to open the case at once: one case.
        var opened = changes.Single(c => c.Kind == AlarmChangeKind.Raised);
        var engine = Factory.Services.GetRequiredService<WorkflowEngine>();
        var queries = Factory.Services.GetRequiredService<IWorkflowQueries>();
        var cases = ledgers.Select(l => new AlarmCases(engine, queries, l)).ToArray();
        var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => cases[i % 3].OpenAsync(Copy(opened.Alarm), opened.Rule, lift, Ct), Ct)));
        var instanceId = Assert.Single(started.OfType<Guid>());
        var roots = (await queries.FindByBusinessKeyAsync(AlarmCases.BusinessKey(opened.Alarm.Id), Ct)).Where(i => i.ParentInstanceId is null).ToList();
        Assert.Equal(instanceId, Assert.Single(roots).Id);
        Assert.Equal("step_9_emergency", roots[0].ProcessKey);

        // A sweeper run after that finds nothing to do for this alarm.
        Assert.DoesNotContain(await ledgers[1].WithoutCaseAsync(DateTimeOffset.UtcNow.AddMinutes(1), 100, Ct), a => a.Id == opened.Alarm.Id);
    }

    [Fact]
    public async Task A_door_zone_stop_is_confirmed_only_after_its_false_alarm_delay_and_one_that_ends_sooner_is_dismissed()
    {
        var lift = Facts(await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 11, Ct));
        var ledger = Factory.Services.GetRequiredService<AlarmLedger>();
        var now = DateTimeOffset.UtcNow;

        var pending = Assert.Single((await ledger.RecordEventAsync(lift, Event("a1", "04", now), now, Ct)).Changes);
        Assert.Equal((AlarmChangeKind.Pending, AlarmStatus.Pending), (pending.Kind, pending.Alarm.Status));
        Assert.Equal(now + TimeSpan.FromSeconds(30), pending.Alarm.ConfirmDueAt);
        Assert.DoesNotContain(await ledger.ActivateDueAsync(100, Ct), c => c.Alarm.Id == pending.Alarm.Id);

        var ended = Assert.Single((await ledger.RecordEventAsync(lift, Event("a2", AlarmRuleSet.LiftBackToNormal, now.AddSeconds(12)), now, Ct)).Changes);
        Assert.Equal((AlarmChangeKind.Dismissed, AlarmStatus.Dismissed, "40"), (ended.Kind, ended.Alarm.Status, ended.Alarm.ClearReason));

        // The same stop, still there after the delay, becomes active.
        var old = now - TimeSpan.FromSeconds(40);
        var second = Assert.Single((await ledger.RecordEventAsync(lift, Event("a3", "04", old), now, Ct)).Changes);
        var activated = Assert.Single(await ledger.ActivateDueAsync(100, Ct), c => c.Alarm.Id == second.Alarm.Id);
        Assert.Equal(AlarmStatus.Active, activated.Alarm.Status);
        Assert.True(activated.Rule.OpensCase);
    }

    [Fact]
    public async Task Door_faults_raise_an_alarm_only_when_they_repeat_within_the_window()
    {
        var lift = Facts(await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 12, Ct));
        var ledger = Factory.Services.GetRequiredService<AlarmLedger>();
        var now = DateTimeOffset.UtcNow;

        Assert.Empty((await ledger.RecordEventAsync(lift, Event("d1", "03", now.AddMinutes(-20)), now, Ct)).Changes);
        Assert.Empty((await ledger.RecordEventAsync(lift, Event("d2", "03", now.AddMinutes(-2)), now, Ct)).Changes);
        Assert.Empty((await ledger.RecordEventAsync(lift, Event("d3", "02", now.AddMinutes(-1)), now, Ct)).Changes);
        var raised = Assert.Single((await ledger.RecordEventAsync(lift, Event("d4", "03", now), now, Ct)).Changes);
        Assert.Equal(("lift.door-faults-repeated", AlarmSeverity.Minor, false), (raised.Alarm.Type, raised.Alarm.Severity, raised.Rule.OpensCase));
    }

    [Fact]
    public async Task Alarms_and_device_secrets_are_visible_and_manageable_only_within_the_callers_scope()
    {
        var lift = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 0, Ct);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<ApprovalHub.Supervision.Persistence.RegistryDbContext>();
            lift = await registry.Devices.AsNoTracking().Where(d => d.Category == EquipmentCategory.Lift && d.RegionCode.StartsWith("3301") && !d.RegionCode.StartsWith("330102")
                    && d.UserOrganisationId != ApprovalHub.Host.Demo.DemoUsers.UserUnitId)
                .OrderBy(d => d.Id).FirstAsync(Ct);
        }

        var ledger = Factory.Services.GetRequiredService<AlarmLedger>();
        var now = DateTimeOffset.UtcNow;
        var alarm = Assert.Single((await ledger.RecordEventAsync(Facts(lift), Event("s1", "09", now), now, Ct)).Changes).Alarm;

        var city = Factory.CreateClientFor("demo.city");
        var outside = Factory.CreateClientFor("demo.county.shangcheng");
        var list = await city.GetFromJsonAsync<AlarmPageDto>($"/api/iot/alarms?device={lift.EquipmentCode}", Json.Options, Ct);
        Assert.Equal(alarm.Id, Assert.Single(list!.Items).Id);
        Assert.Empty((await outside.GetFromJsonAsync<AlarmPageDto>($"/api/iot/alarms?device={lift.EquipmentCode}", Json.Options, Ct))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/iot/alarms/{alarm.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.PostAsync($"/api/iot/alarms/{alarm.Id}/acknowledge", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await city.GetAsync("/api/iot/alarms?status=sometimes", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/iot/alarms", Ct)).StatusCode);

        var acknowledged = await city.PostAsync($"/api/iot/alarms/{alarm.Id}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var view = await acknowledged.Content.ReadFromJsonAsync<AlarmDto>(Json.Options, Ct);
        Assert.Equal(("acknowledged", "demo.city"), (view!.Status, view.AcknowledgedBy));
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsync($"/api/iot/alarms/{alarm.Id}/acknowledge", null, Ct)).StatusCode);

        // Secrets: the administrator (or the device's use unit) only; a regulator who sees the device is
        // refused, one who does not see it is told it does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"/api/iot/devices/{lift.EquipmentCode}/credentials", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.PostAsync($"/api/iot/devices/{lift.EquipmentCode}/credentials", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClientFor("demo.enterprise").PostAsync($"/api/iot/devices/{lift.EquipmentCode}/credentials", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Factory.CreateClientFor(SignedInClients.Admin).PostAsync("/api/iot/devices/not-a-code/credentials", null, Ct)).StatusCode);
        var issued = await Factory.CreateClientFor(SignedInClients.Admin).PostAsync($"/api/iot/devices/{lift.EquipmentCode}/credentials", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var secret = (await issued.Content.ReadFromJsonAsync<SecretDto>(Json.Options, Ct))!.Secret;
        await using var db = Contexts();
        var stored = await db.Credentials.AsNoTracking().SingleAsync(c => c.EquipmentCode == lift.EquipmentCode, Ct);
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.True(ApprovalHub.Supervision.Iot.DeviceSecrets.Verify(secret, stored.SecretHash));
        Assert.Equal(lift.UserOrganisationId, stored.OrganisationId);
    }

    private static DeviceFacts Facts(Device d) =>
        new(d.Id, d.EquipmentCode, d.Category, d.RegionCode, d.UserOrganisationId, d.MaintenanceOrganisationId, d.RescueCode);

    private static EventMessage Event(string id, string code, DateTimeOffset ts) => new() { Version = 1, Id = id, Code = code, Ts = ts };

    // Each node works on its own copy of the row, as it would after reading it.
    private static Alarm Copy(Alarm a)
    {
        var copy = Alarm.Raise(AlarmRuleSet.Default.Find(a.Type)!, new DeviceFacts(a.DeviceId, a.EquipmentCode, EquipmentCategory.Lift, a.RegionCode, a.UserOrganisationId, a.MaintenanceOrganisationId, null), a.FaultCode, a.RaisedAt);
        copy.Id = a.Id;
        return copy;
    }

    private sealed record AlarmPageDto(IReadOnlyList<AlarmDto> Items);

    private sealed record AlarmDto(Guid Id, string Status, string? AcknowledgedBy);

    private sealed record SecretDto(string Secret);
}

public sealed class SqliteAlarmLedgerTests(SqliteDatabase database)
    : AlarmLedgerTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAlarmLedgerTests(PostgresDatabase database)
    : AlarmLedgerTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
