using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApprovalHub.Workflows.Runtime;

/// <summary>
/// The engine's traces and metrics. The host subscribes to <see cref="Name"/>; nothing is recorded
/// unless a listener is attached, so the engine pays nothing for them in tests and benchmarks.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "ApprovalHub.Workflows";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Commands committed, by command name.</summary>
    internal static readonly Counter<long> Commands = Meter.CreateCounter<long>("approvalhub.workflow.commands", description: "Engine commands committed");

    /// <summary>Commands that lost a race on a row version and were run again.</summary>
    internal static readonly Counter<long> ConcurrencyRetries = Meter.CreateCounter<long>("approvalhub.workflow.concurrency_retries", description: "Commands retried after a row-version conflict");

    /// <summary>Incidents raised.</summary>
    internal static readonly Counter<long> Incidents = Meter.CreateCounter<long>("approvalhub.workflow.incidents", description: "Incidents raised on tokens");

    /// <summary>Jobs run by this node, by kind and outcome.</summary>
    internal static readonly Counter<long> JobsRun = Meter.CreateCounter<long>("approvalhub.workflow.jobs", description: "Jobs run by this node");

    /// <summary>How late a job ran after its due time.</summary>
    internal static readonly Histogram<double> JobLateness = Meter.CreateHistogram<double>("approvalhub.workflow.job_lateness", unit: "ms", description: "Time from a job's due time to its run");
}
