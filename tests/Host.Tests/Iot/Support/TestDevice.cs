using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ApprovalHub.Host.Tests.Iot.Support;

/// <summary>A simulated device: an MQTT 5 client signed in with its 设备代码 and secret, publishing QoS 1.</summary>
public sealed class TestDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private int _sequence;

    private TestDevice(int port, string code, string secret)
    {
        Code = code;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"device-{code}-{Guid.NewGuid():N}")
            .WithCredentials(code, secret)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
    }

    /// <summary>The device's 设备代码.</summary>
    public string Code { get; }

    /// <summary>Connects; the result tells whether the broker accepted the credentials.</summary>
    public static async Task<(TestDevice Device, MqttClientConnectResultCode Result)> TryConnectAsync(int port, string code, string secret, CancellationToken cancellationToken)
    {
        var device = new TestDevice(port, code, secret);
        try
        {
            var result = await device._client.ConnectAsync(device._options, cancellationToken);
            return (device, result.ResultCode);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException)
        {
            // MQTTnet 5 reports a refused CONNACK as this exception; the reason is in its message.
            return (device, MqttClientConnectResultCode.NotAuthorized);
        }
    }

    /// <summary>Connects or fails the test.</summary>
    public static async Task<TestDevice> ConnectAsync(int port, string code, string secret, CancellationToken cancellationToken)
    {
        var (device, result) = await TryConnectAsync(port, code, secret, cancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        return device;
    }

    /// <summary>A new message id.</summary>
    public string NextId() => $"{Code}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}";

    /// <summary>Publishes an event (code, optional state) and returns its id.</summary>
    public async Task<string> EventAsync(string code, string? state = null, DateTimeOffset? ts = null, string? id = null, CancellationToken cancellationToken = default)
    {
        id ??= NextId();
        await PublishEventAsync(code, id, cancellationToken, state, ts);
        return id;
    }

    private Task<MqttClientPublishReasonCode> PublishEventAsync(string code, string id, CancellationToken cancellationToken, string? state = null, DateTimeOffset? ts = null)
    {
        var stateField = state is null ? string.Empty : $",\"state\":\"{state}\"";
        return PublishAsync($"ah/v1/devices/{Code}/events",
            $"{{\"v\":1,\"id\":\"{id}\",\"ts\":\"{(ts ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture)}\",\"code\":\"{code}\"{stateField}}}", cancellationToken);
    }

    /// <summary>Publishes telemetry: the given JSON fields after v and ts.</summary>
    public Task TelemetryAsync(string fields, DateTimeOffset? ts = null, CancellationToken cancellationToken = default) =>
        PublishAsync($"ah/v1/devices/{Code}/telemetry",
            $"{{\"v\":1,\"ts\":\"{(ts ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture)}\",{fields}}}", cancellationToken);

    /// <summary>Publishes any payload to any topic (QoS 1); returns the broker's answer.</summary>
    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, string payload, CancellationToken cancellationToken = default) =>
        await PublishAsync(topic, Encoding.UTF8.GetBytes(payload), cancellationToken);

    /// <summary>Publishes raw bytes.</summary>
    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken = default)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return (await _client.PublishAsync(message, cancellationToken)).ReasonCode;
    }

    /// <summary>
    /// Publishes like a real terminal that keeps its unsent events: on a broken connection it
    /// reconnects and sends the same message (same id) again until the broker acknowledges it.
    /// </summary>
    public async Task EventUntilAcknowledgedAsync(string code, string id, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(_options, cancellationToken);
                }

                // MQTT 5: 16 "no matching subscribers" means no host holds a subscription right now
                // (Mosquitto does not restore a shared subscription after a restart until the host
                // subscribes again). The device contract (docs/mqtt.md): keep the event, send it again.
                if (await PublishEventAsync(code, id, cancellationToken) == MqttClientPublishReasonCode.Success)
                {
                    return;
                }

                await Task.Delay(100, cancellationToken);
                continue;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException
                                           && !cancellationToken.IsCancellationRequested && DateTime.UtcNow < until)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
