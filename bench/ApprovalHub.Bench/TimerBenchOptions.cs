using System.Globalization;

namespace ApprovalHub.Bench;

/// <summary>The command line of the timer benchmark (<c>timers</c>).</summary>
internal sealed record TimerBenchOptions(
    int Pending,
    string PostgresConnection,
    int Nodes,
    int DueRate,
    int WindowSeconds,
    int WarmupSeconds,
    int? Backlog,
    IReadOnlyList<string> Scenarios,
    TimerNodeSettings Node,
    bool KeepDatabase)
{
    public const string Usage =
        "usage: timers --pending N --pg CONN [--nodes 2] [--due-rate R] [--window S] [--warmup W] [--backlog D] " +
        "[--scenario throughput|lateness|both] [--batch 100] [--parallelism 4] [--poll-ms 500] [--keep-db]";

    /// <summary>The backlog the throughput scenario drains: D, or min(N, 100,000).</summary>
    public int EffectiveBacklog => Backlog ?? Math.Min(Pending, 100_000);

    /// <summary>
    /// The timers the lateness scenario fires: R per second over W + S seconds. The first W seconds
    /// warm the nodes up (tiered JIT, pools) and are reported apart, as a long-running host is warm.
    /// </summary>
    public int LatenessJobs => DueRate * (WarmupSeconds + WindowSeconds);

    public static TimerBenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var pending = 100_000;
        int? backlog = null;
        var pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        var nodes = 2;
        var rate = 1_000;
        var window = 60;
        var warmup = 10;
        var scenario = "both";
        var node = TimerNodeSettings.Default;
        var keep = false;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--pending": pending = Int(); break;
                case "--backlog": backlog = Int(); break;
                case "--pg": pg = Next(); break;
                case "--nodes": nodes = Int(); break;
                case "--due-rate": rate = Int(); break;
                case "--window": window = Int(); break;
                case "--warmup": warmup = Int(); break;
                case "--scenario": scenario = Next(); break;
                case "--batch": node = node with { BatchSize = Int() }; break;
                case "--parallelism": node = node with { Parallelism = Int() }; break;
                case "--poll-ms": node = node with { PollInterval = TimeSpan.FromMilliseconds(Int()) }; break;
                case "--keep-db": keep = true; break;
                default:
                    error = $"unknown argument {args[i]}";
                    return null;
            }
        }

        string[] scenarios = scenario switch
        {
            "both" => ["throughput", "lateness"],
            "throughput" or "lateness" => [scenario],
            _ => [],
        };
        error = (pg, scenarios.Length, pending, nodes, rate, window) switch
        {
            (null or "", _, _, _, _, _) => "--pg CONN is required (or APPROVALHUB_BENCH_POSTGRES)",
            (_, 0, _, _, _, _) => $"--scenario must be throughput, lateness or both (got '{scenario}')",
            (_, _, < 1, _, _, _) => "--pending must be at least 1",
            (_, _, _, < 1, _, _) => "--nodes must be at least 1",
            (_, _, _, _, < 1, _) or (_, _, _, _, _, < 1) => "--due-rate and --window must be at least 1",
            _ when warmup < 0 => "--warmup must not be negative",
            _ => null,
        };
        var options = new TimerBenchOptions(pending, pg ?? "", nodes, rate, window, warmup, backlog, scenarios, node, keep);
        if (error is null && (options.EffectiveBacklog < 1 || options.EffectiveBacklog > pending))
        {
            error = $"--backlog must be between 1 and --pending ({pending})";
        }

        if (error is null && scenarios.Contains("lateness") && options.LatenessJobs > pending)
        {
            error = $"the lateness scenario needs R x (W + S) = {options.LatenessJobs} timers, more than --pending {pending}";
        }

        return error is null ? options : null;
    }
}

/// <summary>How each node runs its job pump; the defaults are the host's (appsettings Jobs section).</summary>
internal sealed record TimerNodeSettings(int BatchSize, int Parallelism, TimeSpan PollInterval, TimeSpan LockDuration)
{
    public static readonly TimerNodeSettings Default = new(100, 4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>The arguments that hand these settings to a <c>timer-node</c> process.</summary>
    public IEnumerable<string> ToArguments() =>
    [
        "--batch", BatchSize.ToString(CultureInfo.InvariantCulture),
        "--parallelism", Parallelism.ToString(CultureInfo.InvariantCulture),
        "--poll-ms", ((int)PollInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        "--lock-seconds", ((int)LockDuration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    ];
}
