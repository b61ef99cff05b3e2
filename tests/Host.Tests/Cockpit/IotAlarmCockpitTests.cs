using System.Net;
using ApprovalHub.Host.Cockpit;
using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Tests.Iot.Support;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>
/// Issue #9 meets issue #10, end to end on the embedded broker and both stores: a lift reports a
/// trapped passenger over MQTT → the alarm → its registry record (<c>reg_alarms</c>) → the device's
/// risk and the county's "alarms today" in the cockpit; the acknowledgement gives the response time.
/// </summary>
public abstract class IotAlarmCockpitTests<TFixture>(TFixture fixture)
    where TFixture : class, IIotFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApprovalHubFactory Factory => fixture.Database.Factory;

    [Fact]
    public async Task An_entrapment_over_mqtt_reaches_the_registry_the_devices_risk_and_the_cockpit()
    {
        IotTestKit.EnsureHandlers(Factory);
        await Factory.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var queue = Factory.Services.GetRequiredService<RiskChangeQueue>();
        var lift = await WithAsync((registry, _) => registry.Devices.AsNoTracking()
            .Where(d => d.Category == EquipmentCategory.Lift && d.Status == EquipmentStatus.InUse && d.MaintenanceOrganisationId != null)
            .OrderBy(d => d.Id).Skip(20).FirstAsync(Ct));
        var county = lift.RegionCode[..6];
        await queue.WhenIdleAsync(Ct);
        var before = await RiskAsync(lift.Id);
        var cockpitBefore = await CockpitAsync(county);

        await using var device = await IotTestKit.ConnectAsync(fixture, lift.EquipmentCode, Ct);
        await device.EventAsync("11", ts: DateTimeOffset.UtcNow, cancellationToken: Ct);
        var alarm = await IotTestKit.OpenAlarmAsync(Factory, lift.EquipmentCode, "lift.entrapment", Ct);

        // The record, once (the ledger wrote it with the alarm), and the device's risk moved by it.
        await IotTestKit.UntilAsync(async () => (await RiskAsync(lift.Id)).AlarmsToday == before.AlarmsToday + 1, "the device's risk to count the alarm", Ct);
        var record = Assert.Single(await WithAsync((registry, _) => registry.Alarms.AsNoTracking()
            .Where(a => a.DeviceId == lift.Id && a.RaisedAt >= alarm.RaisedAt.AddSeconds(-1)).ToListAsync(Ct)));
        Assert.Equal(("11", (DateTimeOffset?)null), (record.FaultCode, record.ClearedAt));
        var risk = await RiskAsync(lift.Id);
        Assert.Equal(before.Entrapments + 1, risk.Entrapments);
        Assert.True(risk.Score > before.Score, $"the entrapment raises the score ({before.Score} → {risk.Score})");

        // The county's cockpit counts it, and its list of devices with alarms today has the lift.
        await queue.WhenIdleAsync(Ct);
        var cockpit = await CockpitAsync(county);
        Assert.Equal(cockpitBefore.Figures.AlarmsToday.Value + 1, cockpit.Figures.AlarmsToday.Value);
        var listed = await GetAsync<DeviceListPage>($"{cockpit.Figures.AlarmsToday.List}&limit=500");
        Assert.Contains(listed.Items, d => d.DeviceId == lift.Id);

        // The maintenance unit acknowledges it through the API: answered, with a response time.
        using var acknowledge = await Factory.CreateClientFor(SignedInClients.Admin).PostAsync($"/api/iot/alarms/{alarm.Id}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        await IotTestKit.UntilAsync(async () => (await RiskAsync(lift.Id)).AlarmsTodayAnswered == before.AlarmsTodayAnswered + 1, "the acknowledgement to count", Ct);
        await queue.WhenIdleAsync(Ct);
        var answered = await CockpitAsync(county);
        Assert.Equal(cockpitBefore.Figures.AlarmsTodayAnswered + 1, answered.Figures.AlarmsTodayAnswered);
        Assert.NotNull(answered.Figures.AlarmResponseMinutesToday);
        Assert.Single(await WithAsync((registry, _) => registry.Alarms.AsNoTracking().Where(a => a.DeviceId == lift.Id && a.RaisedAt >= alarm.RaisedAt.AddSeconds(-1)).ToListAsync(Ct)));
    }

    private Task<T> WithAsync<T>(Func<RegistryDbContext, CockpitDbContext, Task<T>> work) => fixture.Database.WithAsync(work);

    private Task<DeviceRisk> RiskAsync(long deviceId) =>
        WithAsync((_, cockpit) => cockpit.DeviceRisks.AsNoTracking().SingleAsync(r => r.DeviceId == deviceId, Ct));

    private Task<CockpitView> CockpitAsync(string region) => GetAsync<CockpitView>($"/api/cockpit?region={region}");

    private async Task<T> GetAsync<T>(string url)
    {
        using var response = await Factory.CreateClientFor(SignedInClients.Admin).GetAsync(url, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.ReadAsync<T>(Ct);
    }
}

public sealed class SqliteIotAlarmCockpitTests(EmbeddedSqlite fixture)
    : IotAlarmCockpitTests<EmbeddedSqlite>(fixture), IClassFixture<EmbeddedSqlite>;

public sealed class PostgresIotAlarmCockpitTests(EmbeddedPostgres fixture)
    : IotAlarmCockpitTests<EmbeddedPostgres>(fixture), IClassFixture<EmbeddedPostgres>;
