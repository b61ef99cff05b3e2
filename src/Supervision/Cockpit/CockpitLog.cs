using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Log messages of the risk recompute, the warnings and the cockpit figures: event ids 7000–7049
/// (the host's cockpit wiring has 7050–7099). Never renumber or reuse an id.
/// </summary>
internal static partial class CockpitLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Risk recompute ({Trigger}) for {AsOf}: {Devices} devices tracked, {Changed} rows changed, warnings +{Opened}/-{Closed}, {Cases} cases opened in {ElapsedMs} ms ({Stages})")]
    public static partial void RecomputeFinished(this ILogger logger, string trigger, DateOnly asOf, long devices, long changed, int opened, int closed, int cases, long elapsedMs, string stages);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Risk recompute ({Trigger}) failed; the figures stay as they were")]
    public static partial void RecomputeFailed(this ILogger logger, string trigger, Exception exception);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug,
        Message = "Incremental risk update: {Devices} devices, {Organisations} units; warnings updated {Updated}, closed {Closed}")]
    public static partial void IncrementalApplied(this ILogger logger, int devices, int organisations, int updated, int closed);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Telling case {InstanceId} about its warning failed")]
    public static partial void CaseNotificationFailed(this ILogger logger, Guid instanceId, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "{Pending} open warnings still wait for a case (at most {Max} open per run; Warnings:MaxNewCasesPerRun)")]
    public static partial void CasesPending(this ILogger logger, int pending, int max);
}
