using System.ComponentModel.DataAnnotations;

namespace ApprovalHub.Host.Engine.Scheduling;

/// <summary>How this node runs engine jobs (timers, continuations, timer starts) and the SLA job.</summary>
internal sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run jobs on this node. Default true; a node that only serves the UI may turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// This node's name in job locks and in the Quartz cluster. Must be stable across restarts and
    /// differ between nodes. Default: the machine name.
    /// </summary>
    [MaxLength(100)]
    public string? NodeId { get; set; }

    /// <summary>How often the node looks for due jobs when idle. Default 500 ms (p99 lateness stays under a second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Jobs claimed per round trip. Default 100.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Jobs run at once on this node. Default 4.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 4;

    /// <summary>How long a claim holds: a dead node's jobs move to another node after this. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often SLA states and statistics are refreshed (once per cluster). Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SlaRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The node name in effect.</summary>
    public string EffectiveNodeId => string.IsNullOrWhiteSpace(NodeId) ? Environment.MachineName : NodeId;
}
