namespace ApprovalHub.Workflows.Persistence.Sla;

/// <summary>
/// One row of the SLA statistics snapshot: a process (business unit) in a region. Recomputed as a
/// whole by the SLA job, so the cockpit reads a few hundred rows instead of grouping every task.
/// </summary>
public sealed class SlaStatisticRecord
{
    public required string ProcessKey { get; init; }

    /// <summary>The region code of the tasks ("" when the case carries none).</summary>
    public required string RegionCode { get; init; }

    /// <summary>Open tasks in each SLA state.</summary>
    public int OpenNormal { get; init; }

    public int OpenWarning { get; init; }

    public int OpenOverdue { get; init; }

    public int OpenEscalated { get; init; }

    /// <summary>Tasks with a deadline completed, and how many of them by their deadline.</summary>
    public int Completed { get; init; }

    public int CompletedOnTime { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Completed on time over completed; null before anything with a deadline was completed.</summary>
    public double? OnTimeRate => Completed == 0 ? null : (double)CompletedOnTime / Completed;
}
