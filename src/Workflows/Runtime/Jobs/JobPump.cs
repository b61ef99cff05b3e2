using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Workflows.Runtime.Jobs;

/// <summary>Settings of a node's job pump.</summary>
public sealed class JobPumpOptions
{
    /// <summary>This node's name in lock owners. Must differ between nodes sharing a database.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Jobs claimed per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Jobs run at once on this node (one instance's jobs always run one after another).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// How long a claim holds. A node that dies holds its jobs this long; a node that lives longer
    /// than this on one batch loses the jobs it has not finished (they run once, elsewhere).
    /// </summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What a pump round did.</summary>
/// <param name="Claimed">Jobs this node claimed.</param>
/// <param name="Fired">Jobs that ran and committed.</param>
/// <param name="Failed">Jobs that threw (counted against their runs).</param>
public readonly record struct JobPumpResult(int Claimed, int Fired, int Failed);

/// <summary>
/// One node's worker over the job table: claims due jobs under its node name, runs each as an
/// engine command, and counts failures against the job's runs. The job rows are the only copy of
/// a timer; the scheduler that calls <see cref="DrainAsync"/> (Quartz in the host, a loop in
/// benchmarks) only decides when to look.
/// </summary>
public sealed class JobPump
{
    private readonly WorkflowEngine _engine;
    private readonly IWorkflowStore _store;
    private readonly TimeProvider _time;
    private readonly JobPumpOptions _options;

    public JobPump(WorkflowEngine engine, IWorkflowStore store, TimeProvider time, JobPumpOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.NodeId);
        _engine = engine;
        _store = store;
        _time = time;
        _options = options;
    }

    /// <summary>Called after a job committed, with the instant it ran (benchmarks measure lateness with it).</summary>
    public Action<JobRecord, DateTimeOffset>? JobFired { get; set; }

    /// <summary>Called when a job threw; the pump has already counted the failure on the job.</summary>
    public Action<JobRecord, Exception>? JobFailed { get; set; }

    /// <summary>This node's name.</summary>
    public string NodeId => _options.NodeId;

    /// <summary>Claims one batch of due jobs and runs it.</summary>
    public async Task<JobPumpResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var claimed = await _store.ClaimDueJobsAsync(_options.NodeId, now, now + _options.LockDuration, _options.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return default;
        }

        var fired = 0;
        var failed = 0;

        // Jobs of one instance would only race each other on its row version: run them in turn.
        var lanes = claimed.GroupBy(j => j.InstanceId ?? j.Id).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
            async (lane, ct) =>
            {
                foreach (var job in lane)
                {
                    if (await RunAsync(job, ct))
                    {
                        Interlocked.Increment(ref fired);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            });
        return new JobPumpResult(claimed.Count, fired, failed);
    }

    /// <summary>Runs rounds until nothing is due or <paramref name="budget"/> is spent; returns the totals.</summary>
    public async Task<JobPumpResult> DrainAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + budget;
        var total = default(JobPumpResult);
        while (!cancellationToken.IsCancellationRequested)
        {
            var round = await RunOnceAsync(cancellationToken);
            total = new JobPumpResult(total.Claimed + round.Claimed, total.Fired + round.Fired, total.Failed + round.Failed);
            if (round.Claimed < _options.BatchSize || _time.GetUtcNow() >= until)
            {
                break;
            }
        }

        return total;
    }

    private async Task<bool> RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        try
        {
            var ran = await _engine.FireClaimedJobAsync(job, cancellationToken);
            var at = _time.GetUtcNow();
            var kind = new KeyValuePair<string, object?>("kind", job.Kind.ToString());
            WorkflowTelemetry.JobsRun.Add(1, kind, new KeyValuePair<string, object?>("outcome", ran ? "fired" : "gone"));
            if (ran)
            {
                WorkflowTelemetry.JobLateness.Record((at - job.DueAt).TotalMilliseconds, kind);
                JobFired?.Invoke(job, at);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WorkflowTelemetry.JobsRun.Add(1, new KeyValuePair<string, object?>("kind", job.Kind.ToString()), new KeyValuePair<string, object?>("outcome", "failed"));
            JobFailed?.Invoke(job, ex);
            try
            {
                await _engine.RecordJobFailureAsync(job.Id, _options.NodeId, ex, cancellationToken);
            }
            catch (Exception recordError) when (recordError is not OperationCanceledException)
            {
                // The database is away: the lock expires and the job runs again; its runs are not
                // counted this time, which errs on the side of running, never of losing it.
                JobFailed?.Invoke(job, recordError);
            }

            return false;
        }
    }
}
