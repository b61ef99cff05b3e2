namespace ApprovalHub.Host.Iot;

/// <summary>Log messages of MQTT ingestion and alarms: event ids 5000–5099 (never renumbered or reused).</summary>
internal static partial class IotLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Host}:{Port}")]
    public static partial void BrokerStarted(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Critical, Message = "The embedded MQTT broker cannot listen on {Host}:{Port}; devices cannot connect. Free the port or set Iot:Port")]
    public static partial void BrokerFailed(this ILogger logger, string host, int port, Exception error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "MQTT ingestion connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent}, shared subscriptions: {Shared})")]
    public static partial void IngestionConnected(this ILogger logger, string host, int port, string clientId, bool sessionPresent, bool shared);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "MQTT ingestion cannot reach {Host}:{Port}: {Reason}; retrying in {Delay}")]
    public static partial void IngestionUnreachable(this ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "MQTT ingestion disconnected from the broker: {Reason}")]
    public static partial void IngestionDisconnected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Dropped an MQTT message on {Topic}: {Reason} ({Detail})")]
    public static partial void MessageDropped(this ILogger logger, string topic, string reason, string? detail);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Device {ClientId} refused: {Reason}")]
    public static partial void DeviceRefused(this ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Storing a batch of {Count} telemetry rows failed; the broker will redeliver them")]
    public static partial void TelemetryWriteFailed(this ILogger logger, int count, Exception error);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "Storing the event {MessageId} of {EquipmentCode} failed; the broker will redeliver it")]
    public static partial void EventWriteFailed(this ILogger logger, string equipmentCode, string messageId, Exception error);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Alarm {AlarmId} {Type} of {EquipmentCode}: {Change} (occurrences {Occurrences})")]
    public static partial void AlarmChanged(this ILogger logger, Guid alarmId, string type, string equipmentCode, string change, int occurrences);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Alarm {AlarmId} opened case {InstanceId}")]
    public static partial void CaseOpened(this ILogger logger, Guid alarmId, Guid instanceId);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "The case of alarm {AlarmId} could not be updated; the sweeper tries again")]
    public static partial void CaseUpdateFailed(this ILogger logger, Guid alarmId, Exception error);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "The alarm sweep failed; it runs again shortly")]
    public static partial void SweepFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Telemetry retention: dropped {Dropped} (older than {Cutoff:O})")]
    public static partial void RetentionApplied(this ILogger logger, string dropped, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Error, Message = "Telemetry retention failed; it runs again at the next interval")]
    public static partial void RetentionFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Information, Message = "Device secret of {EquipmentCode} issued by {IssuedBy}")]
    public static partial void CredentialIssued(this ILogger logger, string equipmentCode, string issuedBy);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Error, Message = "Processing the alarm messages of {EquipmentCode} failed")]
    public static partial void AlarmProcessingFailed(this ILogger logger, string equipmentCode, Exception error);
}
