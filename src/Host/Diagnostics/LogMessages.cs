namespace ApprovalHub.Host.Diagnostics;

/// <summary>
/// Every log message of ApprovalHub, source-generated. Event ids are stable so alerts and audit
/// queries can rely on them: 1000s definitions, 2000s execution, 3000s security (sign-in, denials,
/// audit), 4000s registry, 9000s host and startup.
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

    // 2000s: execution

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "The working-day calendar has no official schedule for {MissingYears} (it has {Years}); deadlines in those years count Monday to Friday only. Add definitions/calendar/cn-YYYY.json from the State Council notice.")]
    public static partial void CalendarYearsMissing(this ILogger logger, string missingYears, string years);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Working-day calendar loaded for {Years}")]
    public static partial void CalendarLoaded(this ILogger logger, string years);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "Looking for due timers failed; trying again shortly")]
    public static partial void JobPollFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "{Failed} of {Claimed} jobs failed on node {NodeId}; each is tried again after a back-off, and raises an incident when its runs are used up")]
    public static partial void JobsFailed(this ILogger logger, int failed, int claimed, string nodeId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug,
        Message = "SLA refresh: {Moved} tasks changed state; {Rows} statistics rows")]
    public static partial void SlaRefreshed(this ILogger logger, int moved, int rows);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error,
        Message = "The SLA refresh failed; it runs again at its next trigger")]
    public static partial void SlaRefreshFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error,
        Message = "Job {JobId} ({Kind}) at {ElementId} failed on node {NodeId}")]
    public static partial void JobFailed(this ILogger logger, Guid jobId, string kind, string elementId, string nodeId, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information,
        Message = "Node {NodeId} runs engine jobs every {PollInterval} with Quartz on {Store} (clustered: {Clustered})")]
    public static partial void JobsScheduled(this ILogger logger, string nodeId, TimeSpan pollInterval, string store, bool clustered);

    // 3000s: security

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Denied {Method} {Path} to {UserName} (roles: {Roles}): the action is not allowed for these roles")]
    public static partial void ActionDenied(this ILogger logger, string method, string path, string userName, string roles);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "{UserName} (scope: {Scope}) asked for {Resource} {ResourceId}, which lies outside its scope; answered 404")]
    public static partial void ReadOutOfScope(this ILogger logger, string userName, string scope, string resource, string resourceId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Unauthenticated {Method} {Path} challenged")]
    public static partial void Challenged(this ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Sign-in failed for {UserName} from {RemoteAddress}: {Reason}")]
    public static partial void SignInFailed(this ILogger logger, string userName, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "{UserName} signed in with {Method} from {RemoteAddress}")]
    public static partial void SignedIn(this ILogger logger, string userName, string method, string? remoteAddress);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Demo mode: no Security:SigningKey configured, so a random key signs bearer tokens; they stop working when the process restarts")]
    public static partial void EphemeralSigningKey(this ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Critical,
        Message = "Writing the audit record of {Action} failed; the command ran but is not in the audit trail")]
    public static partial void AuditWriteFailed(this ILogger logger, string action, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "{Administrator} {Change} user {UserName}")]
    public static partial void UserChanged(this ILogger logger, string administrator, string change, string userName);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information,
        Message = "Demo mode: {Created} demo user(s) created, {Existing} already present")]
    public static partial void DemoUsersSeeded(this ILogger logger, int created, int existing);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Rejected an API key from {RemoteAddress}: {Reason}")]
    public static partial void ApiKeyRejected(this ILogger logger, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Rate limit {Policy} reached by {RemoteAddress} on {Path}")]
    public static partial void RateLimited(this ILogger logger, string policy, string? remoteAddress, string path);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "Bearer token rejected: {Reason}")]
    public static partial void BearerTokenRejected(this ILogger logger, string reason);

    // 9000s: host and startup

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

    // 4000s: registry

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Demo mode: registry seeded with {Devices} devices, {Organisations} organisations and {People} people in {ElapsedMilliseconds} ms")]
    public static partial void DemoRegistrySeeded(this ILogger logger, int devices, int organisations, int people, long elapsedMilliseconds);
}
