using ApprovalHub.Supervision.Iot.Messages;
using MQTTnet;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// A parsed message waiting to be stored, holding the broker's delivery: it is acknowledged only
/// after its row is committed, so a crash before that makes the broker deliver it again.
/// </summary>
internal abstract class IngestedMessage(string equipmentCode, DateTimeOffset receivedAt, MqttApplicationMessageReceivedEventArgs? delivery)
{
    public string EquipmentCode { get; } = equipmentCode;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>Sends the QoS 1 acknowledgement. A lost connection is fine: the persistent session redelivers.</summary>
    public async Task AcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (delivery is null)
        {
            return;
        }

        try
        {
            await delivery.AcknowledgeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong on the way back (the connection dropped, the client was replaced
            // after a reconnect), the row is committed and the broker redelivers an unacknowledged
            // message, which the (device, message id) key then stores no second time.
        }
    }
}

internal sealed class IngestedTelemetry(string equipmentCode, TelemetryMessage message, string json, DateTimeOffset receivedAt, MqttApplicationMessageReceivedEventArgs? delivery)
    : IngestedMessage(equipmentCode, receivedAt, delivery)
{
    public TelemetryMessage Message { get; } = message;

    public string Json { get; } = json;
}

internal sealed class IngestedEvent(string equipmentCode, EventMessage message, DateTimeOffset receivedAt, MqttApplicationMessageReceivedEventArgs? delivery)
    : IngestedMessage(equipmentCode, receivedAt, delivery)
{
    public EventMessage Message { get; } = message;
}
