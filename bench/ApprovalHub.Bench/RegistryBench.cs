using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Seeding;
using ApprovalHub.Workflows.Runtime.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Bench;

/// <summary>
/// The registry at Zhejiang scale on PostgreSQL: creates a throwaway database, seeds N devices with
/// the same seeder as <c>seed</c> (binary COPY), then times device lookups by 设备代码 and region
/// rollups through the same Mediator handlers the API uses, and prints one JSON line.
/// </summary>
internal static class RegistryBench
{
    private const string Usage =
        "usage: registry --pg CONN [--devices 1750000] [--seed 42] [--lookups 20000] [--rollups 2000] [--keep] [--database NAME (reuse a kept, seeded database)]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        int devices = 1_750_000, seed = 42, lookups = 20_000, rollups = 2_000;
        var keep = false;
        string? reuse = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--pg": pg = Next(); break;
                case "--devices": devices = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--lookups": lookups = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rollups": rollups = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                case "--database": reuse = Next(); keep = true; break;
                default:
                    await stderr.WriteLineAsync($"bench: unknown argument {args[i]}\n{Usage}");
                    return 2;
            }
        }

        if (string.IsNullOrEmpty(pg))
        {
            await stderr.WriteLineAsync($"bench: --pg CONN is required\n{Usage}");
            return 2;
        }

        await using var database = await BenchDatabase.CreateOrReuseAsync(pg, "registry", reuse, keep, stderr);
        await using var services = Services(database.ConnectionString);
        var result = await MeasureAsync(services, devices, seed, lookups, rollups, seedFirst: database.IsNew, stderr);
        await stdout.WriteLineAsync(result.ToJsonString());
        return 0;
    }

    private static async Task<JsonObject> MeasureAsync(ServiceProvider services, int devices, int seed, int lookups, int rollups, bool seedFirst, TextWriter log)
    {
        var options = new RegistryOptions();
        long seedMs = 0;
        SeedResult? seeded = null;
        if (seedFirst)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.Database.MigrateAsync();
            var plan = new SeedPlan { Devices = devices, Seed = seed, AsOf = new DateOnly(2026, 11, 26), IdNumberPepper = options.IdNumberPepper };
            var stopwatch = Stopwatch.StartNew();
            seeded = await RegistrySeeding.SeedAsync(db, plan, options, replace: false, new StageLog(log), CancellationToken.None);
            seedMs = stopwatch.ElapsedMilliseconds;
        }
        else
        {
            await using var scope = services.CreateAsyncScope();
            devices = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Devices.CountAsync();
        }

        var random = new Random(seed);
        List<string> codes;
        List<string> regions;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var ids = Enumerable.Range(0, lookups).Select(_ => (long)random.Next(1, devices + 1)).ToArray();
            codes = await db.Devices.Where(d => ids.Contains(d.Id)).Select(d => d.EquipmentCode).ToListAsync();
            regions = await db.Regions.Select(r => r.Code).ToListAsync();
        }

        var sender = services.GetRequiredService<IServiceScopeFactory>();

        // Warm-up: JIT, connection pool, plan cache; not counted.
        await TimeAsync(sender, codes.Take(500).Select(c => (IQuery<DeviceDetails?>)new GetDeviceByCode(AccessScope.Unrestricted, c)));
        var lookupTimes = await TimeAsync(sender, codes.Select(c => (IQuery<DeviceDetails?>)new GetDeviceByCode(AccessScope.Unrestricted, c)));
        var regionSample = Enumerable.Range(0, rollups).Select(_ => regions[random.Next(regions.Count)]).ToList();
        await TimeAsync(sender, regionSample.Take(100).Select(r => (IQuery<RegionRollupView?>)new GetRegionRollup(AccessScope.Unrestricted, r)));
        var rollupTimes = await TimeAsync(sender, regionSample.Select(r => (IQuery<RegionRollupView?>)new GetRegionRollup(AccessScope.Unrestricted, r)));
        var provinceRollup = await TimeAsync(sender, Enumerable.Repeat((IQuery<RegionRollupView?>)new GetRegionRollup(AccessScope.Unrestricted, "330000"), 200));

        // For comparison: the plain GROUP BY the rollup table replaces, over the whole province.
        long groupByMs;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var stopwatch = Stopwatch.StartNew();
            _ = await db.Devices.Where(d => d.RegionCode.StartsWith("33")).GroupBy(d => new { d.Category, d.Status })
                .Select(g => new { g.Key.Category, g.Key.Status, Count = g.LongCount() }).ToListAsync();
            groupByMs = stopwatch.ElapsedMilliseconds;
        }

        using var process = Process.GetCurrentProcess();
        return new JsonObject
        {
            ["bench"] = "registry",
            ["store"] = "postgres",
            ["devices"] = devices,
            ["organisations"] = seeded?.Organisations,
            ["people"] = seeded?.People,
            ["certificates"] = seeded?.Certificates,
            ["inspections"] = seeded?.Inspections,
            ["other_records"] = seeded?.OtherRecords,
            ["seed_seconds"] = seeded is null ? null : Math.Round(seedMs / 1000.0, 1),
            ["lookups"] = lookupTimes.Count,
            ["lookup_p50_ms"] = Percentile(lookupTimes, 0.50),
            ["lookup_p95_ms"] = Percentile(lookupTimes, 0.95),
            ["lookup_p99_ms"] = Percentile(lookupTimes, 0.99),
            ["rollups"] = rollupTimes.Count,
            ["rollup_p50_ms"] = Percentile(rollupTimes, 0.50),
            ["rollup_p95_ms"] = Percentile(rollupTimes, 0.95),
            ["rollup_p99_ms"] = Percentile(rollupTimes, 0.99),
            ["province_rollup_p95_ms"] = Percentile(provinceRollup, 0.95),
            ["plain_group_by_province_ms"] = groupByMs,
            ["peak_rss_mb"] = Math.Round(process.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
        };
    }

    /// <summary>Sends each query in its own DI scope (as a request would) and returns the latencies in ms.</summary>
    private static async Task<List<double>> TimeAsync<T>(IServiceScopeFactory scopes, IEnumerable<IQuery<T>> queries)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
    }

    private static ServiceProvider Services(string connection)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<RegistryOptions>();
        services.AddDbContextPool<PostgresRegistryDbContext>(o => o.UseNpgsql(RegistryConnections.ForPostgres(connection), n => n.MigrationsHistoryTable(RegistryDbContext.MigrationsTable)));
        services.AddScoped<RegistryDbContext>(s => s.GetRequiredService<PostgresRegistryDbContext>());
        services.AddSingleton<IWorkflowQueries>(new InMemoryWorkflowStore());
        services.AddMediator();
        return services.BuildServiceProvider();
    }

    /// <summary>Logs each stage's start and end with the elapsed time, to stderr.</summary>
    private sealed class StageLog(TextWriter log) : IProgress<SeedProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _stage;

        public void Report(SeedProgress value)
        {
            if (value.Stage != _stage || value.Done == value.Total)
            {
                _stage = value.Stage;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {_clock.Elapsed.TotalSeconds,7:F1} s {value.Stage} {value.Done:N0}/{value.Total:N0}"));
            }
        }
    }
}
