using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Effects;

/// <summary>Log events of the service-task handlers (event ids 4100–4199).</summary>
internal static partial class HandlerLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "{HandlerType} at {ElementId} (run {Run}) of instance {InstanceId} was already done; returning its stored outputs (call {IdempotencyKey})")]
    public static partial void EffectReplayed(this ILogger logger, string handlerType, string elementId, int run, Guid instanceId, string idempotencyKey);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "{HandlerType} at {ElementId} (run {Run}) of instance {InstanceId} ran twice at once; the first commit stands, the second rolled back")]
    public static partial void EffectRaced(this ILogger logger, string handlerType, string elementId, int run, Guid instanceId);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Issued use-registration certificate {CertificateNumber} for {EquipmentCode} (instance {InstanceId})")]
    public static partial void CertificateIssued(this ILogger logger, string certificateNumber, string equipmentCode, Guid instanceId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information,
        Message = "Notification {Kind} from {ElementId} of instance {InstanceId} queued for {Recipient}")]
    public static partial void NotificationQueued(this ILogger logger, string kind, string elementId, Guid instanceId, string recipient);
}
