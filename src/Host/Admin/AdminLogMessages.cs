// The analysts' designer and instance operations log in the 8000s (8000–8099), in this file so that
// the central list in Diagnostics/LogMessages.cs stays untouched by this feature.
namespace ApprovalHub.Host.Diagnostics;

internal static partial class LogMessages
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "Draft of {ProcessKey} published as v{Version} by {PublishedBy}")]
    public static partial void DraftPublished(this ILogger logger, string processKey, int version, string publishedBy);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning,
        Message = "Publishing the draft of {ProcessKey} by {PublishedBy} was refused with {ErrorCount} error(s)")]
    public static partial void DraftPublishRefused(this ILogger logger, string processKey, string publishedBy, int errorCount);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information,
        Message = "Instance {InstanceId} of {ProcessKey} v{Version} started by {UserName} from the admin")]
    public static partial void InstanceStartedByAnalyst(this ILogger logger, Guid instanceId, string processKey, int version, string userName);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Warning,
        Message = "Instance {InstanceId} canceled by {UserName}: {Reason}")]
    public static partial void InstanceCanceledByOperator(this ILogger logger, Guid instanceId, string userName, string reason);

    [LoggerMessage(EventId = 8020, Level = LogLevel.Information,
        Message = "{Migrated} of {Requested} instance(s) of {ProcessKey} migrated to v{TargetVersion} by {UserName}")]
    public static partial void InstancesMigrated(this ILogger logger, int migrated, int requested, string processKey, int targetVersion, string userName);

    [LoggerMessage(EventId = 8021, Level = LogLevel.Warning,
        Message = "Migration of {Requested} instance(s) of {ProcessKey} to v{TargetVersion} by {UserName} refused: {Refused} cannot move")]
    public static partial void MigrationRefused(this ILogger logger, int requested, string processKey, int targetVersion, string userName, int refused);
    }
