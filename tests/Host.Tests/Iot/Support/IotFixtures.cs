using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Iot.Support;

/// <summary>A test host with MQTT ingestion on, on one database and one broker (embedded or Mosquitto).</summary>
public interface IIotFixture
{
    /// <summary>The host and its database.</summary>
    TestDatabase Database { get; }

    /// <summary>Where devices connect.</summary>
    int BrokerPort { get; }

    /// <summary>The Mosquitto broker, when the fixture runs one (null: the host's embedded broker).</summary>
    MosquittoBroker? Mosquitto { get; }

    /// <summary>Makes issued device secrets valid on the broker (Mosquitto reloads its generated password file).</summary>
    async Task AllowDevicesAsync(CancellationToken cancellationToken)
    {
        if (Mosquitto is not null)
        {
            var all = await Database.Factory.Services.GetRequiredService<DeviceCredentials>().AllAsync(cancellationToken);
            await Mosquitto.ReloadPasswordsAsync(all);
        }
    }
}

/// <summary>Settings that turn ingestion on for a test host.</summary>
internal static class IotSettings
{
    public static void Apply(Dictionary<string, string?> settings, int port, MosquittoBroker? mosquitto)
    {
        settings["Iot:Enabled"] = "true";
        settings["Iot:Host"] = "127.0.0.1";
        settings["Iot:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Iot:ClientId"] = $"approvalhub-test-{Guid.NewGuid():N}";
        settings["Iot:AlarmSweepInterval"] = "00:00:00.500";
        settings["Iot:TelemetryFlushInterval"] = "00:00:00.050";
        settings["Jobs:PollInterval"] = "00:00:00.200";
        if (mosquitto is not null)
        {
            settings["Iot:Broker"] = "External";
            settings["Iot:Username"] = MosquittoBroker.HostUser;
            settings["Iot:Password"] = mosquitto.HostPassword;
        }
    }
}

/// <summary>SQLite, embedded broker.</summary>
public sealed class EmbeddedSqlite : SqliteDatabase, IIotFixture
{
    public TestDatabase Database => this;

    public int BrokerPort { get; } = FreePort.Next();

    public MosquittoBroker? Mosquitto => null;

    protected override void ConfigureHost(Dictionary<string, string?> settings) => IotSettings.Apply(settings, BrokerPort, null);
}

/// <summary>PostgreSQL, embedded broker.</summary>
public sealed class EmbeddedPostgres : PostgresDatabase, IIotFixture
{
    public TestDatabase Database => this;

    public int BrokerPort { get; } = FreePort.Next();

    public MosquittoBroker? Mosquitto => null;

    protected override void ConfigureHost(Dictionary<string, string?> settings) => IotSettings.Apply(settings, BrokerPort, null);
}

/// <summary>SQLite, Mosquitto.</summary>
public sealed class MosquittoSqlite : SqliteDatabase, IIotFixture, IAsyncLifetime
{
    private readonly MosquittoBroker _broker = new();

    public TestDatabase Database => this;

    public int BrokerPort => _broker.Port;

    public MosquittoBroker? Mosquitto => _broker;

    // The broker must listen before the host starts; ConfigureHost runs just before that.
    protected override void ConfigureHost(Dictionary<string, string?> settings)
    {
        _broker.StartAsync().GetAwaiter().GetResult();
        IotSettings.Apply(settings, _broker.Port, _broker);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await _broker.DisposeAsync();
    }
}

/// <summary>PostgreSQL, Mosquitto.</summary>
public sealed class MosquittoPostgres : PostgresDatabase, IIotFixture, IAsyncLifetime
{
    private readonly MosquittoBroker _broker = new();

    public TestDatabase Database => this;

    public int BrokerPort => _broker.Port;

    public MosquittoBroker? Mosquitto => _broker;

    protected override void ConfigureHost(Dictionary<string, string?> settings)
    {
        _broker.StartAsync().GetAwaiter().GetResult();
        IotSettings.Apply(settings, _broker.Port, _broker);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await _broker.DisposeAsync();
    }
}
