using System.Net;
using System.Security.Cryptography;
using ApprovalHub.Supervision.Iot.Messages;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// The embedded broker (MQTTnet.Server) of the single-node default, so <c>dotnet run</c> needs no
/// Mosquitto. It checks in code what Mosquitto's password file and ACL check: a device connects
/// with its 设备代码 and secret, and publishes only under its own code; everything else is refused
/// and counted. The host's own client signs in with a secret made at startup.
/// </summary>
/// <remarks>
/// MQTTnet's broker refuses <c>$share/…</c> filters (SharedSubscriptionsNotSupported), so the host
/// subscribes plainly here; that is enough for the one node the embedded setup has. Several nodes
/// need an external broker.
/// </remarks>
public sealed class EmbeddedBroker(
    IOptions<IotOptions> options,
    DeviceCredentials credentials,
    IotMetrics metrics,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The host's own user name on the embedded broker.</summary>
    public const string HostUser = "approvalhub-host";

    private MqttServer? _server;

    /// <summary>The host's secret for this run (never stored).</summary>
    public string HostSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>True once the broker listens.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.Host))
            .WithDefaultEndpointPort(o.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        try
        {
            await server.StartAsync();
            _server = server;
            logger.BrokerStarted(o.Host, o.Port);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or InvalidOperationException)
        {
            // The web application stays up (work queues, registry); ingestion keeps retrying.
            logger.BrokerFailed(o.Host, o.Port, ex);
            server.Dispose();
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions());
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (e.UserName == HostUser)
        {
            e.ReasonCode = CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(e.Password ?? string.Empty), System.Text.Encoding.UTF8.GetBytes(HostSecret))
                ? MqttConnectReasonCode.Success
                : MqttConnectReasonCode.BadUserNameOrPassword;
        }
        else if (string.IsNullOrEmpty(e.UserName) || !await credentials.VerifyAsync(e.UserName, e.Password, e.CancellationToken))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        if (e.ReasonCode != MqttConnectReasonCode.Success)
        {
            metrics.CountDropped(IotMetrics.Reasons.Unauthorised);
            logger.DeviceRefused(e.ClientId, "bad user name or secret");
        }
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.UserName == HostUser)
        {
            return Task.CompletedTask;
        }

        // A device writes only its own topics: ah/v1/devices/{its code}/telemetry|events.
        var topic = e.ApplicationMessage.Topic;
        if (!IotTopics.TryParse(topic, out var code, out _) || !string.Equals(code, e.UserName, StringComparison.Ordinal))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            metrics.CountDropped(IotMetrics.Reasons.Unauthorised);
            logger.MessageDropped(topic, IotMetrics.Reasons.Unauthorised, $"client {e.ClientId} is {e.UserName}");
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        // Devices have nothing to read; only the host subscribes.
        if (e.UserName != HostUser)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }
}
