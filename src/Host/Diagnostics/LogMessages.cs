namespace ApprovalHub.Host.Diagnostics;

/// <summary>
/// Every log message of ApprovalHub, source-generated. Event ids are stable so alerts and audit
/// queries can rely on them: 1000s definitions, 2000s execution, 3000s registry, 9000s host and startup.
/// Never renumber or reuse an id; retire it instead.
/// </summary>
internal static partial class LogMessages
{
    // 1000s: definitions

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Definition {ProcessKey} v{Version} deployed by {DeployedBy} (source: {SourceFile})")]
    public static partial void DefinitionVersionCreated(this ILogger logger, string processKey, int version, string deployedBy, string? sourceFile);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Definition {ProcessKey} unchanged: v{Version} has the same content")]
    public static partial void DefinitionUnchanged(this ILogger logger, string processKey, int version);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Deployment of {SourceFile} rejected with {ErrorCount} error(s): {FirstError}")]
    public static partial void DeploymentRejected(this ILogger logger, string? sourceFile, int errorCount, string firstError);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Deployment of {SourceFile} lost {ConflictRetries} race(s) for a version number to concurrent deployments and was retried")]
    public static partial void DeploymentRetried(this ILogger logger, string? sourceFile, int conflictRetries);

    // 3000s: registry

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Demo mode: registry seeded with {Devices} devices, {Organisations} organisations and {People} people in {ElapsedMilliseconds} ms")]
    public static partial void DemoRegistrySeeded(this ILogger logger, int devices, int organisations, int people, long elapsedMilliseconds);

    // 9000s: host and startup

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "The working-day calendar has no official schedule for {MissingYears} (it has {Years}); deadlines in those years count Monday to Friday only. Add definitions/calendar/cn-YYYY.json from the State Council notice.")]
    public static partial void CalendarYearsMissing(this ILogger logger, string missingYears, string years);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Working-day calendar loaded for {Years}")]
    public static partial void CalendarLoaded(this ILogger logger, string years);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "Looking for due timers failed; trying again shortly")]
    public static partial void JobPollFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error,
        Message = "Timer job {JobId} at {ElementId} of instance {InstanceId} failed; it stays due and is tried again")]
    public static partial void JobFailed(this ILogger logger, Guid jobId, string elementId, Guid instanceId, Exception exception);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "ApprovalHub is running: open {Url} (API docs: /scalar)")]
    public static partial void Running(this ILogger logger, string url);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information,
        Message = "Database: {Provider}, applying migrations")]
    public static partial void MigratingDatabase(this ILogger logger, string provider);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information,
        Message = "Database: {Provider}, {MigrationCount} migration(s) applied in {ElapsedMilliseconds} ms")]
    public static partial void DatabaseMigrated(this ILogger logger, string provider, int migrationCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information,
        Message = "Database: {Provider}, migrations not applied at startup (Database:MigrateOnStartup is false)")]
    public static partial void MigrationSkipped(this ILogger logger, string provider);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information,
        Message = "Created the directory {Directory} for the SQLite database")]
    public static partial void SqliteDirectoryCreated(this ILogger logger, string directory);

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information,
        Message = "Demo mode: found {Count} definition file(s) in {Folder}")]
    public static partial void DemoDefinitionsFound(this ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information,
        Message = "deploying demo definitions {Index}/{Count}: {File}")]
    public static partial void DeployingDemoDefinition(this ILogger logger, int index, int count, string file);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Warning,
        Message = "Demo mode: no definitions folder found (looked for {Looked}); set Definitions:Path to deploy demo definitions")]
    public static partial void DemoDefinitionsFolderMissing(this ILogger logger, string looked);

    [LoggerMessage(EventId = 9013, Level = LogLevel.Information,
        Message = "Demo mode: {Created} definition version(s) created, {Unchanged} unchanged, {Rejected} file(s) rejected")]
    public static partial void DemoDefinitionsDeployed(this ILogger logger, int created, int unchanged, int rejected);
}
