namespace ApprovalHub.Host.Cases;

/// <summary>Log events of the case layer: ids 6000–6099 (docs/architecture.md lists the ranges).</summary>
internal static partial class CaseLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Case {BusinessKey} of unit {UnitCode} started by {UserName} in region {RegionCode} (instance {InstanceId})")]
    public static partial void CaseStarted(this ILogger logger, string businessKey, string unitCode, string userName, string regionCode, Guid instanceId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "{UserName} did {Action} on task {TaskId} ({ElementId}) of instance {InstanceId}")]
    public static partial void TaskActed(this ILogger logger, string userName, string action, Guid taskId, string elementId, Guid instanceId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information,
        Message = "Public complaint {Reference} received about device {DeviceCode} in region {RegionCode}")]
    public static partial void ComplaintReceived(this ILogger logger, string reference, string deviceCode, string regionCode);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information,
        Message = "{UserName} withdrew instance {InstanceId}: {How}")]
    public static partial void CaseWithdrawn(this ILogger logger, string userName, Guid instanceId, string how);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning,
        Message = "{UserName} was refused {Action} on {Target}: {Kind} {Reason}")]
    public static partial void CaseActionRefused(this ILogger logger, string userName, string action, string target, string kind, string reason);
}
