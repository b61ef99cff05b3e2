using System.Globalization;
using System.Text.Json.Nodes;

namespace ApprovalHub.Bench;

/// <summary>
/// The timer benchmark (issue #4): N pending timers in <c>wf_jobs</c> on PostgreSQL, fired by
/// <c>--nodes</c> node processes (<see cref="TimerNode"/>). Two scenarios, each on a fresh database
/// with exactly N pending timers and each printing one JSON line:
/// <list type="bullet">
/// <item><b>throughput</b>: a backlog of D timers is due when the nodes start; fired per second = D / time to the last firing.</item>
/// <item><b>lateness</b>: R timers per second fall due over S seconds; lateness = fired − due, as p50/p95/p99/max.</item>
/// </list>
/// The rest of the N timers are due in 2100, so every claim runs against a table of N pending rows.
/// </summary>
internal static class TimerBench
{
    // Time for the nodes to be polling before the first timer of the lateness window falls due.
    private static readonly TimeSpan LatenessLeadIn = TimeSpan.FromSeconds(3);

    // The throughput scenario's second figure leaves out the first seconds (cold JIT and pools).
    private static readonly TimeSpan ThroughputWarmup = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        TimerBenchOptions? options;
        try
        {
            options = TimerBenchOptions.Parse(args, out var error);
            if (options is null)
            {
                await stderr.WriteLineAsync($"timers: {error}\n{TimerBenchOptions.Usage}");
                return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await stderr.WriteLineAsync($"timers: {ex.Message}\n{TimerBenchOptions.Usage}");
            return 2;
        }

        var status = 0;
        foreach (var scenario in options.Scenarios)
        {
            var line = await RunScenarioAsync(options, scenario, stderr, CancellationToken.None);
            await stdout.WriteLineAsync(line.ToJsonString());
            await stdout.FlushAsync(CancellationToken.None);
            if (line["verify"]?["ok"]?.GetValue<bool>() != true)
            {
                status = 1;
            }
        }

        return status;
    }

    private static async Task<JsonObject> RunScenarioAsync(TimerBenchOptions options, string scenario, TextWriter stderr, CancellationToken cancellationToken)
    {
        var throughput = scenario == "throughput";
        var due = throughput ? options.EffectiveBacklog : options.LatenessJobs;
        await stderr.WriteLineAsync($"timers: {scenario}: {options.Pending:N0} pending, {due:N0} of them due in the run, {options.Nodes} nodes");

        await using var database = await TimerDatabase.CreateAsync(options.PostgresConnection, options.KeepDatabase, cancellationToken);
        var template = await database.StartTemplateAsync(cancellationToken);

        // The backlog is already due (an hour ago, 1 µs apart); the lateness slice is parked in 2999
        // until the nodes are up, then moved to start + k / R.
        var (dueBase, dueStep) = throughput
            ? (DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromTicks(10))
            : (TimerDatabase.Parked, TimeSpan.FromSeconds(1.0 / options.DueRate));
        var seeded = await database.SeedAsync(template, options.Pending, due, dueBase, dueStep, stderr, cancellationToken);
        var storage = await database.StorageAsync(options.Pending, cancellationToken);
        var postmaster = await database.PostmasterPidAsync(cancellationToken);

        var directory = Directory.CreateTempSubdirectory("approvalhub-timers-");
        try
        {
            var nodes = Enumerable.Range(0, options.Nodes)
                .Select(i => TimerNodeProcess.Start(((char)('a' + i)).ToString(), database.ConnectionString, options.Node, directory.FullName, stderr))
                .ToList();
            try
            {
                await Task.WhenAll(nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromMinutes(2), cancellationToken)));
                var postgresCpu = ProcessCpu.PostgresSeconds(postmaster);
                var machineCpu = ProcessCpu.MachineBusySeconds();

                var go = DateTimeOffset.UtcNow;
                var windowStart = go + LatenessLeadIn;
                var goLine = throughput ? "go" : $"go {(windowStart + TimeSpan.FromSeconds(options.WarmupSeconds + options.WindowSeconds + 1)).ToString("O", CultureInfo.InvariantCulture)}";
                foreach (var node in nodes)
                {
                    await node.GoAsync(goLine, cancellationToken);
                }

                JsonObject? window = null;
                if (!throughput)
                {
                    var moved = await database.UnparkAsync(windowStart, cancellationToken);
                    var movedAt = DateTimeOffset.UtcNow;
                    window = new JsonObject
                    {
                        ["due_rate"] = options.DueRate,
                        ["window_seconds"] = options.WindowSeconds,
                        ["warmup_seconds"] = options.WarmupSeconds,
                        ["timers_moved_into_window"] = moved,
                        ["moved_ms_before_first_due"] = Math.Round((windowStart - movedAt).TotalMilliseconds),
                    };
                }

                var timeout = TimeSpan.FromSeconds(throughput ? Math.Max(600, due / 100) : options.WarmupSeconds + options.WindowSeconds + 600);
                var summaries = await Task.WhenAll(nodes.Select(n => n.WaitExitAsync(timeout, cancellationToken)));
                var postgresUsed = ProcessCpu.PostgresSeconds(postmaster) - postgresCpu;
                var machineUsed = ProcessCpu.MachineBusySeconds() - machineCpu;
                var ended = DateTimeOffset.UtcNow;

                var samples = nodes.SelectMany(n => n.ReadSamples()).ToList();
                var lastFired = samples.Count == 0 ? ended : DateTimeOffset.FromUnixTimeMilliseconds(samples.Max(s => s.FiredAtUnixMs));
                var verify = await database.VerifyAsync(options.Pending, due, cancellationToken);
                var line = new JsonObject
                {
                    ["bench"] = "timers",
                    ["scenario"] = scenario,
                    ["store"] = "postgres",
                    ["pending"] = options.Pending,
                    ["due_in_run"] = due,
                    ["nodes"] = options.Nodes,
                    ["batch"] = options.Node.BatchSize,
                    ["parallelism_per_node"] = options.Node.Parallelism,
                    ["poll_ms"] = options.Node.PollInterval.TotalMilliseconds,
                    ["seed_seconds"] = Math.Round(seeded.SeedSeconds, 1),
                };
                if (throughput)
                {
                    // Overall: the whole backlog from "go" to its last firing, cold nodes included.
                    // Warm: the firings after the first ThroughputWarmup, over the time they took.
                    var seconds = (lastFired - go).TotalSeconds;
                    var warmFrom = go + ThroughputWarmup;
                    var warm = samples.Count(s => s.FiredAtUnixMs >= warmFrom.ToUnixTimeMilliseconds());
                    line["seconds"] = Math.Round(seconds, 3);
                    line["fired_per_sec"] = Math.Round(samples.Count / seconds, 1);
                    line["fired_per_sec_after_warmup"] = lastFired > warmFrom ? Math.Round(warm / (lastFired - warmFrom).TotalSeconds, 1) : null;
                }
                else
                {
                    // A sample's due instant is its firing minus its lateness.
                    var measuredFrom = (windowStart + TimeSpan.FromSeconds(options.WarmupSeconds)).ToUnixTimeMilliseconds();
                    bool Measured((double LatenessMs, long FiredAtUnixMs) s) => s.FiredAtUnixMs - s.LatenessMs >= measuredFrom - 0.5;
                    line["window"] = window;
                    line["seconds_to_last_firing"] = Math.Round((lastFired - windowStart).TotalSeconds, 3);
                    line["lateness_samples"] = samples.Count(Measured);
                    line["lateness_ms"] = Percentiles(samples.Where(Measured).Select(s => s.LatenessMs));
                    line["lateness_ms_warmup"] = Percentiles(samples.Where(s => !Measured(s)).Select(s => s.LatenessMs));
                }

                line["fired"] = samples.Count;
                line["storage"] = storage;
                line["per_instance_before_clone"] = new JsonObject
                {
                    ["state_json_bytes"] = seeded.StateBytes,
                    ["history_rows"] = seeded.HistoryRows,
                    ["history_tuple_bytes"] = seeded.HistoryBytes,
                };
                line["node_reports"] = new JsonArray(summaries.Select(s => (JsonNode)s).ToArray());
                line["cpu_seconds"] = new JsonObject
                {
                    ["nodes"] = Math.Round(summaries.Sum(s => s["cpu_seconds"]?.GetValue<double>() ?? 0), 1),
                    ["postgres"] = postgresUsed is { } pg ? Math.Round(pg, 1) : null,
                    ["machine_busy"] = machineUsed is { } busy ? Math.Round(busy, 1) : null,
                    ["machine_capacity"] = Math.Round((ended - go).TotalSeconds * Environment.ProcessorCount, 1),
                };
                line["verify"] = verify;
                return line;
            }
            finally
            {
                foreach (var node in nodes)
                {
                    node.Dispose();
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>p50/p95/p99/max by nearest rank, rounded to the millisecond.</summary>
    private static JsonObject Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new JsonObject
        {
            ["min"] = Math.Round(At(0), 1),
            ["p50"] = Math.Round(At(0.50), 1),
            ["p95"] = Math.Round(At(0.95), 1),
            ["p99"] = Math.Round(At(0.99), 1),
            ["max"] = Math.Round(At(1), 1),
        };
    }
}
