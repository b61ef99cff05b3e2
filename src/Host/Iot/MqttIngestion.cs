using System.Buffers;
using System.Text;
using ApprovalHub.Supervision.Iot.Messages;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// The host's MQTT 5 client, on the embedded or an external broker alike: a persistent session
/// (clean start off, session expiry from <see cref="IotOptions.SessionExpiry"/>); telemetry through a
/// shared subscription (<c>$share/approvalhub/ah/v1/devices/+/telemetry</c>), so several nodes split
/// the load; events on every node (<see cref="IotTopics.HostFilters"/>), so no node's absence or
/// broker restart strands one. (The embedded MQTTnet broker does not support
/// shared subscriptions; there the one node subscribes to the same filters without the group.) Every delivery is acknowledged by hand, after
/// its row is committed; malformed, oversized or misaddressed messages are counted and dropped
/// (and acknowledged, so they are not delivered again).
/// </summary>
public sealed class MqttIngestion(
    IOptions<IotOptions> options,
    IServiceProvider services,
    IotMetrics metrics,
    TimeProvider time,
    ILogger<MqttIngestion> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IMqttClient? _client;

    /// <summary>Completes when the first subscription is in place (tests and the bench wait for it).</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client?.IsConnected == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            if (!stoppingToken.IsCancellationRequested && e.ClientWasConnected)
            {
                logger.IngestionDisconnected(e.ReasonString ?? e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var delay = TimeSpan.FromMilliseconds(250);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!client.IsConnected)
                {
                    try
                    {
                        await ConnectAsync(client, o, stoppingToken);
                        delay = TimeSpan.FromMilliseconds(250);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        logger.IngestionUnreachable(o.Host, o.Port, ex.Message, delay);
                        await Task.Delay(delay, time, stoppingToken);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                        continue;
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (client.IsConnected)
            {
                // Normal disconnect: the session (and what the broker queues for it) stays until it expires.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
                {
                }
            }

            _client = null;
        }
    }

    private async Task ConnectAsync(IMqttClient client, IotOptions o, CancellationToken cancellationToken)
    {
        var (user, password) = o.IsEmbedded
            ? (EmbeddedBroker.HostUser, services.GetRequiredService<EmbeddedBroker>().HostSecret)
            : (o.Username, o.Password);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(o.EffectiveClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)o.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)o.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(user))
        {
            builder = builder.WithCredentials(user, password);
        }

        var result = await client.ConnectAsync(builder.Build(), cancellationToken);

        // MQTTnet's broker refuses $share filters (its CONNACK says so): the embedded, single-node
        // setup then subscribes plainly. External brokers (Mosquitto, EMQX) always get the shared group.
        var shared = !o.IsEmbedded || result.SharedSubscriptionAvailable;
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in shared ? IotTopics.HostFilters(o.SharedGroup) : IotTopics.Filters)
        {
            subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        logger.IngestionConnected(o.Host, o.Port, o.EffectiveClientId, result.IsSessionPresent, shared);
        _subscribed.TrySetResult();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        e.AutoAcknowledge = false;
        metrics.CountReceived();
        var received = time.GetUtcNow();
        var o = options.Value;
        var topic = e.ApplicationMessage.Topic;
        var payload = e.ApplicationMessage.Payload;
        if (payload.Length > o.MaxPayloadBytes)
        {
            await DropAsync(e, topic, IotMetrics.Reasons.Oversized, $"{payload.Length} bytes", stoppingToken);
            return;
        }

        if (!IotTopics.TryParse(topic, out var code, out var kind))
        {
            await DropAsync(e, topic, IotMetrics.Reasons.Malformed, "not a device topic", stoppingToken);
            return;
        }

        // Copied out: the client reuses its buffers once the handler returns.
        var bytes = payload.ToArray();
        if (kind == IotMessageKind.Telemetry)
        {
            if (!IotMessageParser.TryParseTelemetry(bytes, out var telemetry, out var error) || OutOfClock(telemetry.Ts, received, o, ref error))
            {
                await DropAsync(e, topic, IotMetrics.Reasons.Malformed, error, stoppingToken);
                return;
            }

            await services.GetRequiredService<TelemetryPipeline>().EnqueueAsync(
                new IngestedTelemetry(code, telemetry, Encoding.UTF8.GetString(bytes), received, e), stoppingToken);
        }
        else
        {
            if (!IotMessageParser.TryParseEvent(bytes, out var message, out var error) || OutOfClock(message.Ts, received, o, ref error))
            {
                await DropAsync(e, topic, IotMetrics.Reasons.Malformed, error, stoppingToken);
                return;
            }

            await services.GetRequiredService<EventPipeline>().EnqueueAsync(new IngestedEvent(code, message, received, e), stoppingToken);
        }
    }

    private static bool OutOfClock(DateTimeOffset ts, DateTimeOffset now, IotOptions o, ref string? error)
    {
        if ((ts - now).Duration() <= o.MaxClockSkew)
        {
            return false;
        }

        error = $"ts {ts:O} is more than {o.MaxClockSkew} from the host clock";
        return true;
    }

    private async Task DropAsync(MqttApplicationMessageReceivedEventArgs e, string topic, string reason, string? detail, CancellationToken cancellationToken)
    {
        metrics.CountDropped(reason);
        logger.MessageDropped(topic, reason, detail);
        try
        {
            await e.AcknowledgeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection dropped: the broker delivers it again and it is dropped again.
        }
    }
}
