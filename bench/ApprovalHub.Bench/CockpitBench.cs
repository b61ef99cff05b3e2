using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Seeding;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalHub.Bench;

/// <summary>
/// The control centre at Zhejiang scale on PostgreSQL (issue #10): seeds N devices with the registry
/// seeder (binary COPY), then times the full risk recompute — cold (every row written) and steady
/// (the next night: only changes written, cases opened) —, incremental recomputes of single devices,
/// and cockpit loads per region level through the same queries the API uses. Prints one JSON line.
/// </summary>
internal static class CockpitBench
{
    private const string Usage =
        "usage: cockpit --pg CONN [--devices 1750000] [--seed 42] [--loads 100] [--changes 100] [--keep] [--database NAME (reuse a kept, seeded database)]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        int devices = 1_750_000, seed = 42, loads = 100, changes = 100;
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
                case "--loads": loads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--changes": changes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
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

        await using var database = await BenchDatabase.CreateOrReuseAsync(pg, "cockpit", reuse, keep, stderr);
        await using var services = Services(database.ConnectionString);
        var result = await MeasureAsync(services, devices, seed, loads, changes, seedFirst: database.IsNew, stderr);
        await stdout.WriteLineAsync(result.ToJsonString());
        return 0;
    }

    private static async Task<JsonObject> MeasureAsync(ServiceProvider services, int devices, int seed, int loads, int changes, bool seedFirst, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        void Log(string what) => log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {clock.Elapsed.TotalSeconds,7:F1} s {what}"));
        var time = services.GetRequiredService<TimeProvider>();

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.MigrateAsync();
            var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await registry.Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<CockpitDbContext>().Database.MigrateAsync();
            if (seedFirst)
            {
                var options = new RegistryOptions();
                var plan = new SeedPlan { Devices = devices, Seed = seed, AsOf = time.Today(), IdNumberPepper = options.IdNumberPepper };
                Log($"seeding {devices:N0} devices");
                await RegistrySeeding.SeedAsync(registry, plan, options, replace: false, progress: null, CancellationToken.None);
                Log("seeded");
            }
            else
            {
                devices = await registry.Devices.CountAsync();
            }

            // The warning cases' processes (units 31 and 32), as demo mode or an analyst deploys them.
            var deployer = new DefinitionDeployer(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>(), time);
            foreach (var file in new[] { "unit-31-hazard-rectification.bpmn", "unit-32-random-inspection.bpmn" })
            {
                var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "definitions", "bpmn", file));
                await deployer.DeployAsync(new DeploymentRequest(xml, "bench", file), CancellationToken.None);
            }

            // Complaints from outside unit 30 for a few lifts, so the complaints factor has work to do.
            var cockpit = scope.ServiceProvider.GetRequiredService<CockpitDbContext>();
            if (!await cockpit.Complaints.AnyAsync())
            {
                await cockpit.Database.ExecuteSqlRawAsync(
                    "INSERT INTO ck_complaints (device_id, received_at, reference) " +
                    "SELECT id, now() - (id % 60) * interval '1 day', 'BENCH-' || id FROM reg_devices WHERE category = 2 AND status = 1 AND id % 250 = 0");
            }
        }

        var recalculator = services.GetRequiredService<RiskRecalculator>();
        Log("full recompute 1 (cold)");
        var cold = await TimedAsync(() => recalculator.RecomputeAllAsync("bench", openCases: false, CancellationToken.None));
        Log($"full recompute 1: {cold.Elapsed.TotalSeconds:F1} s ({cold.Value.Stages})");
        Log("full recompute 2 (the next night, cases opened)");
        var steady = await TimedAsync(() => recalculator.RecomputeAllAsync("bench", openCases: true, CancellationToken.None));
        Log($"full recompute 2: {steady.Elapsed.TotalSeconds:F1} s ({steady.Value.Stages})");

        // Incremental: single devices made overdue, as the change feed would pass them on.
        var random = new Random(seed);
        List<long> sample;
        await using (var scope = services.CreateAsyncScope())
        {
            var cockpit = scope.ServiceProvider.GetRequiredService<CockpitDbContext>();
            var inUse = await cockpit.DeviceRisks.Where(r => r.Status == Supervision.Equipment.EquipmentStatus.InUse && !r.Overdue).Select(r => r.DeviceId).Take(changes * 20).ToListAsync();
            sample = [.. inUse.OrderBy(_ => random.Next()).Take(changes)];
        }

        var incremental = new List<double>();
        foreach (var id in sample)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                var device = await registry.Devices.SingleAsync(d => d.Id == id);
                device.InspectionValidUntil = time.Today().AddDays(-1);
                await registry.SaveChangesAsync();
            }

            var started = Stopwatch.GetTimestamp();
            await recalculator.DeviceChangedAsync(id, CancellationToken.None);
            incremental.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Log($"{incremental.Count} incremental recomputes");

        // Cockpit loads per level, each in its own scope as a request would be.
        List<string> counties, streets;
        await using (var scope = services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            counties = await registry.Regions.Where(r => r.Level == Supervision.Regions.RegionLevel.County).Select(r => r.Code).ToListAsync();
            streets = await registry.Regions.Where(r => r.Level == Supervision.Regions.RegionLevel.Street).Select(r => r.Code).ToListAsync();
        }

        string Pick(List<string> codes) => codes[random.Next(codes.Count)];
        string[] cities = ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"];
        await LoadTimesAsync(services, Enumerable.Repeat("330000", 20));
        var province = await LoadTimesAsync(services, Enumerable.Repeat("330000", loads));
        var city = await LoadTimesAsync(services, Enumerable.Range(0, loads).Select(_ => cities[random.Next(cities.Length)]));
        var county = await LoadTimesAsync(services, Enumerable.Range(0, loads).Select(_ => Pick(counties)));
        var street = await LoadTimesAsync(services, Enumerable.Range(0, loads).Select(_ => Pick(streets)));
        var redList = await ListTimesAsync(services, loads);
        Log("cockpit loads");

        long rows, openWarnings, casesOpen, tableBytes;
        await using (var scope = services.CreateAsyncScope())
        {
            var cockpit = scope.ServiceProvider.GetRequiredService<CockpitDbContext>();
            rows = await cockpit.DeviceRisks.LongCountAsync();
            openWarnings = await cockpit.Warnings.LongCountAsync(w => w.ClosedAt == null);
            casesOpen = await cockpit.Warnings.LongCountAsync(w => w.ClosedAt == null && w.CaseInstanceId != null);
            tableBytes = await cockpit.Database.SqlQueryRaw<long>("SELECT pg_total_relation_size('ck_device_risk') AS \"Value\"").SingleAsync();
        }

        using var process = Process.GetCurrentProcess();
        return new JsonObject
        {
            ["bench"] = "cockpit",
            ["store"] = "postgres",
            ["devices"] = devices,
            ["tracked_rows"] = rows,
            ["risk_table_mb"] = Math.Round(tableBytes / 1024.0 / 1024.0, 1),
            ["full_cold_seconds"] = Math.Round(cold.Elapsed.TotalSeconds, 1),
            ["full_cold_changed_rows"] = cold.Value.DevicesChanged,
            ["full_cold_stages_ms"] = cold.Value.Stages,
            ["full_steady_seconds"] = Math.Round(steady.Elapsed.TotalSeconds, 1),
            ["full_steady_changed_rows"] = steady.Value.DevicesChanged,
            ["full_steady_stages_ms"] = steady.Value.Stages,
            ["warnings_open"] = openWarnings,
            ["warnings_opened_cold"] = cold.Value.WarningsOpened,
            ["cases_opened_steady"] = steady.Value.CasesOpened,
            ["warnings_with_case"] = casesOpen,
            ["incremental_p50_ms"] = Percentile(incremental, 0.50),
            ["incremental_p95_ms"] = Percentile(incremental, 0.95),
            ["load_province_p50_ms"] = Percentile(province, 0.50),
            ["load_province_p95_ms"] = Percentile(province, 0.95),
            ["load_province_p99_ms"] = Percentile(province, 0.99),
            ["load_city_p95_ms"] = Percentile(city, 0.95),
            ["load_county_p95_ms"] = Percentile(county, 0.95),
            ["load_street_p95_ms"] = Percentile(street, 0.95),
            ["list_red_province_p95_ms"] = Percentile(redList, 0.95),
            ["peak_rss_mb"] = Math.Round(process.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
        };
    }

    private static async Task<List<double>> LoadTimesAsync(ServiceProvider services, IEnumerable<string> regions)
    {
        var times = new List<double>();
        foreach (var region in regions)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<CockpitQueries>().LoadAsync(AccessScope.Unrestricted, region, CancellationToken.None);
            if (view is null)
            {
                throw new InvalidOperationException($"The cockpit of {region} did not load.");
            }

            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<List<double>> ListTimesAsync(ServiceProvider services, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<CockpitQueries>()
                .DevicesAsync(AccessScope.Unrestricted, new DeviceListQuery("330000", DeviceListFilter.RiskRed), CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<(T Value, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var value = await work();
        return (value, Stopwatch.GetElapsedTime(started));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

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
        services.AddDbContext<PostgresWorkflowDbContext>(o => o.UseNpgsql(connection));
        services.AddScoped<WorkflowDbContext>(s => s.GetRequiredService<PostgresWorkflowDbContext>());
        var cockpitOptions = PostgresCockpitDbContextFactory.Postgres(connection);
        services.AddScoped<CockpitDbContext>(_ => new PostgresCockpitDbContext(cockpitOptions));
        services.AddSingleton<Func<CockpitDbContext>>(() => new PostgresCockpitDbContext(cockpitOptions));
        services.AddScoped<CockpitQueries>();

        var workflow = WorkflowDbContextFactories.Postgres(connection);
        var store = new EfWorkflowStore(workflow);
        var engine = new WorkflowEngine(store, new DbProcessDefinitionSource(workflow), new ServiceTaskHandlerRegistry(), new JintExpressionEvaluator(), TimeProvider.System);
        var risk = new RiskOptions();
        var warnings = new WarningOptions();
        services.AddSingleton(engine);
        services.AddSingleton<IWorkflowQueries>(store);
        services.AddSingleton(sp => new RiskRecalculator(
            sp.GetRequiredService<Func<CockpitDbContext>>(), risk, warnings, new EngineWarningCases(engine, store, warnings), TimeProvider.System,
            NullLogger<RiskRecalculator>.Instance));
        return services.BuildServiceProvider();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ApprovalHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ApprovalHub.sln not found above {AppContext.BaseDirectory}.");
    }
}
