using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Tests.Iot.Support;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Iot;

/// <summary>
/// Mosquitto restarts and host nodes that go away: the host's persistent session, the
/// store-then-acknowledge rule and devices that resend an event until a host has it (PUBACK reason
/// success, not "no matching subscribers") mean no fault event is lost, and the (device, message id)
/// key means none is stored twice. Both stores, on Mosquitto (the embedded broker is single-node by design).
/// </summary>
public abstract class ReliabilityTests<TFixture>(TFixture fixture)
    where TFixture : class, IIotFixture
{
    private const int Events = 120;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApprovalHubFactory Factory => fixture.Database.Factory;

    [Fact]
    public async Task A_mosquitto_restart_mid_stream_loses_no_fault_event_and_stores_none_twice()
    {
        await Factory.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var lift = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 3, Ct);
        await using var device = await IotTestKit.ConnectAsync(fixture, lift.EquipmentCode, Ct);

        var ids = Enumerable.Range(0, Events).Select(i => $"restart-{i}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (i == Events / 2)
            {
                await fixture.Mosquitto!.RestartAsync();
            }

            // Event 40 (恢复自动运行) raises nothing: this is about delivery, not alarms.
            await device.EventUntilAcknowledgedAsync("40", ids[i], Ct);
        }

        await AssertStoredOnceAsync(lift.EquipmentCode, ids);
        Assert.True(Factory.Services.GetRequiredService<MqttIngestion>().IsConnected);
    }

    [Fact]
    public async Task A_node_that_stops_while_another_shares_the_subscription_loses_and_doubles_no_fault_event()
    {
        await Factory.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var lift = await IotTestKit.DeviceAsync(Factory, EquipmentCategory.Lift, 4, Ct);
        await using var device = await IotTestKit.ConnectAsync(fixture, lift.EquipmentCode, Ct);

        // A second node on the same database and broker, in the same shared-subscription group.
        var clientId = $"approvalhub-second-{Guid.NewGuid():N}";
        var second = SecondNode(clientId);
        var stopped = false;
        var ids = Enumerable.Range(0, Events).Select(i => $"node-{i}").ToList();
        try
        {
            await second.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            for (var i = 0; i < ids.Count; i++)
            {
                if (i == Events / 3)
                {
                    // The node goes away mid-stream: what it had received but not stored stays
                    // unacknowledged in its session.
                    await second.DisposeAsync();
                    stopped = true;
                }

                await device.EventUntilAcknowledgedAsync("40", ids[i], Ct);
            }
        }
        finally
        {
            if (!stopped)
            {
                await second.DisposeAsync();
            }
        }

        // The node comes back with the same client id and gets what its session kept.
        await using var back = SecondNode(clientId);
        await back.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await AssertStoredOnceAsync(lift.EquipmentCode, ids);
    }

    private ApprovalHubFactory SecondNode(string clientId)
    {
        var settings = fixture.Database.Settings(demo: false);
        settings["Iot:Enabled"] = "true";
        settings["Iot:Broker"] = "External";
        settings["Iot:Host"] = "127.0.0.1";
        settings["Iot:Port"] = fixture.BrokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Iot:Username"] = MosquittoBroker.HostUser;
        settings["Iot:Password"] = fixture.Mosquitto!.HostPassword;
        settings["Iot:ClientId"] = clientId;
        settings["Jobs:Enabled"] = "false";
        var node = new ApprovalHubFactory(settings);
        _ = node.Server;
        return node;
    }

    private async Task AssertStoredOnceAsync(string equipmentCode, List<string> ids)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        List<string> stored;
        while (true)
        {
            await using var db = Factory.Services.GetRequiredService<Func<IotDbContext>>()();
            stored = await db.FaultEvents.AsNoTracking().Where(e => e.EquipmentCode == equipmentCode && ids.Contains(e.MessageId)).Select(e => e.MessageId).ToListAsync(Ct);
            if (stored.Count >= ids.Count || DateTime.UtcNow > until)
            {
                break;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }
}

public sealed class MosquittoSqliteReliabilityTests(MosquittoSqlite fixture) : ReliabilityTests<MosquittoSqlite>(fixture), IClassFixture<MosquittoSqlite>;

public sealed class MosquittoPostgresReliabilityTests(MosquittoPostgres fixture) : ReliabilityTests<MosquittoPostgres>(fixture), IClassFixture<MosquittoPostgres>;
