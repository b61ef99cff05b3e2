using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Jobs;
using ApprovalHub.Workflows.Runtime.Services;
using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// One node of the timer benchmark, run as its own OS process (<c>timer-node</c>): the engine on
/// PostgreSQL with definitions from the database, and a <see cref="JobPump"/> driven the way the
/// host's Quartz heartbeat drives it (a drain of at most 20 s every poll interval, never two at
/// once). Protocol with the parent on stdin/stdout:
/// <list type="number">
/// <item>the node warms up (connection pool, EF model, compiled definition) and prints <c>ready</c>;</item>
/// <item>the parent writes <c>go</c> or <c>go UNTIL</c> (an ISO instant);</item>
/// <item>the node drains on every tick until a drain claims nothing at or after UNTIL, writes one
/// line per fired job to <c>--out</c> (lateness ms, fired-at Unix ms) and a JSON summary to stdout.</item>
/// </list>
/// </summary>
internal static class TimerNode
{
    public const string ProcessKey = "timerbench";

    // As EngineJobsQuartzJob: a drain gives way to the next trigger after this.
    private static readonly TimeSpan DrainBudget = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? pg = null, node = null, output = null;
        var settings = TimerNodeSettings.Default;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--pg": pg = Next(); break;
                case "--node": node = Next(); break;
                case "--out": output = Next(); break;
                case "--batch": settings = settings with { BatchSize = Int() }; break;
                case "--parallelism": settings = settings with { Parallelism = Int() }; break;
                case "--poll-ms": settings = settings with { PollInterval = TimeSpan.FromMilliseconds(Int()) }; break;
                case "--lock-seconds": settings = settings with { LockDuration = TimeSpan.FromSeconds(Int()) }; break;
                default:
                    await stderr.WriteLineAsync($"timer-node: unknown argument {args[i]}");
                    return 2;
            }
        }

        if (pg is null || node is null || output is null)
        {
            await stderr.WriteLineAsync("usage: timer-node --pg CONN --node NAME --out FILE [--batch B] [--parallelism P] [--poll-ms MS] [--lock-seconds S]");
            return 2;
        }

        var cancellation = CancellationToken.None;
        var contexts = WorkflowDbContextFactories.Postgres(pg);
        var store = new EfWorkflowStore(contexts);
        var definitions = new DbProcessDefinitionSource(contexts);
        var engine = new WorkflowEngine(store, definitions, new ServiceTaskHandlerRegistry(), new JintExpressionEvaluator(), TimeProvider.System);
        var pump = new JobPump(engine, store, TimeProvider.System, new JobPumpOptions
        {
            NodeId = node,
            BatchSize = settings.BatchSize,
            Parallelism = settings.Parallelism,
            LockDuration = settings.LockDuration,
        });

        var samples = new List<(double LatenessMs, long FiredAtUnixMs)>();
        var failures = 0;
        pump.JobFired = (job, at) =>
        {
            lock (samples)
            {
                samples.Add(((at - job.DueAt).TotalMilliseconds, at.ToUnixTimeMilliseconds()));
            }
        };
        pump.JobFailed = (job, error) =>
        {
            // The first few failures are worth reading; the count says the rest.
            if (Interlocked.Increment(ref failures) <= 5)
            {
                stderr.WriteLine($"timer-node {node}: job {job.Id} failed: {error.GetType().Name}: {error.Message}");
            }
        };

        // Warm-up that changes nothing: the pool, the EF model and the compiled definition.
        if (await definitions.GetLatestAsync(ProcessKey, cancellation) is null)
        {
            await stderr.WriteLineAsync($"timer-node {node}: process '{ProcessKey}' is not deployed");
            return 1;
        }

        await stdout.WriteLineAsync("ready");
        await stdout.FlushAsync(cancellation);

        var go = (await Console.In.ReadLineAsync(cancellation))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (go.Length == 0 || go[0] != "go")
        {
            await stderr.WriteLineAsync($"timer-node {node}: expected 'go' on stdin");
            return 2;
        }

        var until = go.Length > 1 ? DateTimeOffset.Parse(go[1], CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        var started = DateTimeOffset.UtcNow;
        using var self = Process.GetCurrentProcess();
        var cpuAtStart = self.TotalProcessorTime;
        var total = default(JobPumpResult);
        var drains = 0;
        using (var ticks = new PeriodicTimer(settings.PollInterval))
        {
            do
            {
                var result = await pump.DrainAsync(DrainBudget, cancellation);
                drains++;
                total = new JobPumpResult(total.Claimed + result.Claimed, total.Fired + result.Fired, total.Failed + result.Failed);
                if (result.Claimed == 0 && DateTimeOffset.UtcNow >= until)
                {
                    break;
                }
            }
            while (await ticks.WaitForNextTickAsync(cancellation));
        }

        var stopped = DateTimeOffset.UtcNow;
        self.Refresh();
        await using (var file = new StreamWriter(output))
        {
            foreach (var (lateness, firedAt) in samples)
            {
                await file.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{lateness:F3} {firedAt}"));
            }
        }

        var summary = new JsonObject
        {
            ["node"] = node,
            ["claimed"] = total.Claimed,
            ["fired"] = total.Fired,
            ["failed"] = total.Failed,
            ["drains"] = drains,
            ["seconds"] = Math.Round((stopped - started).TotalSeconds, 3),
            ["cpu_seconds"] = Math.Round((self.TotalProcessorTime - cpuAtStart).TotalSeconds, 2),
            ["peak_rss_mb"] = Math.Round(self.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
        };
        await stdout.WriteLineAsync(summary.ToJsonString());
        NpgsqlConnection.ClearAllPools();
        return 0;
    }
}
