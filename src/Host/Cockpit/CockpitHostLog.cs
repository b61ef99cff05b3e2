namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// Log messages of the host's cockpit wiring: event ids 7050–7099 (the recompute itself logs
/// 7000–7049 from src/Supervision). Never renumber or reuse an id.
/// </summary>
internal static partial class CockpitHostLog
{
    [LoggerMessage(EventId = 7050, Level = LogLevel.Information, Message = "Cockpit tables migrated ({Pending} migration(s) applied)")]
    public static partial void CockpitMigrated(this ILogger logger, int pending);

    [LoggerMessage(EventId = 7051, Level = LogLevel.Information, Message = "First start: computing risk, warnings and cockpit figures for {Devices} devices")]
    public static partial void FirstStartRecompute(this ILogger logger, long devices);

    [LoggerMessage(EventId = 7052, Level = LogLevel.Error, Message = "Recomputing {Devices} changed devices and {Organisations} units failed; the nightly run will catch up")]
    public static partial void ChangesFailed(this ILogger logger, int devices, int organisations, Exception exception);

    [LoggerMessage(EventId = 7053, Level = LogLevel.Error, Message = "The nightly risk recompute failed; it runs again at its next trigger")]
    public static partial void NightlyFailed(this ILogger logger, Exception exception);
}
