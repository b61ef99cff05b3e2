using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Cases;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ApprovalHub.Bench;

/// <summary>
/// The officials' work queue at scale on PostgreSQL (issue #8): a throwaway database with N open
/// tasks (and as many completed ones) spread over Zhejiang's counties and the 34 units, seeded with
/// binary COPY into the task read model, then the case layer's own <c>TaskQueue.ListAsync</c> timed
/// for typical callers, filters, sorts and pages. Prints one JSON line.
/// </summary>
internal static class QueueBench
{
    private const string Usage = "usage: queue --pg CONN [--tasks 100000] [--closed 100000] [--repeat 100] [--seed 7] [--keep] [--database NAME (reuse a kept, seeded database)]";

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        int tasks = 100_000, closed = 100_000, repeat = 100, seed = 7;
        var keep = false;
        string? reuse = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--pg": pg = Next(); break;
                case "--tasks": tasks = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--closed": closed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
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

        await using var database = await BenchDatabase.CreateOrReuseAsync(pg, "queue", reuse, keep, stderr);
        var connection = database.ConnectionString;
        await using var services = Services(connection);
        var createContext = services.GetRequiredService<Func<WorkflowDbContext>>();
        await using (var db = createContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.MigrateAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        var seeded = database.IsNew
            ? await SeedAsync(connection, services.GetRequiredService<IUnitCatalog>(), tasks, closed, seed)
            : await SeededAsync(createContext);
        var seedSeconds = stopwatch.Elapsed.TotalSeconds;
        await stderr.WriteLineAsync(database.IsNew
            ? $"bench: seeded {tasks:N0} open and {closed:N0} completed tasks in {seedSeconds:F1} s"
            : $"bench: reusing {database.Name}");

        var result = new JsonObject
        {
            ["bench"] = "queue",
            ["store"] = "postgres",
            ["open_tasks"] = tasks,
            ["completed_tasks"] = closed,
            ["seed_seconds"] = Math.Round(seedSeconds, 1),
            ["repeat"] = repeat,
        };
        var queue = services.GetRequiredService<TaskQueue>();
        foreach (var (name, user, query) in Scenarios(seeded))
        {
            var (times, total) = await TimeAsync(queue, user, query, repeat);
            result[name] = new JsonObject
            {
                ["total"] = total,
                ["p50_ms"] = Percentile(times, 0.50),
                ["p99_ms"] = Percentile(times, 0.99),
            };
            await stderr.WriteLineAsync($"bench: {name,-32} total {total,7:N0}  p50 {Percentile(times, 0.50),7:F2} ms  p99 {Percentile(times, 0.99),7:F2} ms");
        }

        await stdout.WriteLineAsync(result.ToJsonString());
        return 0;
    }

    /// <summary>What officials typically ask: the default page, deadlines, a unit, a keyword, deep pages, done.</summary>
    private static IEnumerable<(string Name, ClaimsPrincipal User, TaskQuery Query)> Scenarios(Seeded seeded)
    {
        var county = Regulator("bench.county", "330106");
        var city = Regulator("bench.city", "330100");
        var province = Regulator("bench.province", "330000");
        yield return ("county_todo_due_page1", county, new TaskQuery());
        yield return ("county_todo_overdue", county, new TaskQuery { Sla = SlaState.Overdue });
        yield return ("county_todo_keyword_number", county, new TaskQuery { Q = seeded.CountyBusinessKeyPrefix });
        yield return ("city_todo_sla_page5", city, new TaskQuery { Sort = TaskSort.Sla, Page = 5 });
        yield return ("city_todo_unit11_created", city, new TaskQuery { Unit = "11", Sort = TaskSort.CreatedDescending });
        yield return ("city_todo_keyword_name", city, new TaskQuery { Q = "杭州" });
        yield return ("city_todo_region_county", city, new TaskQuery { Region = "330106" });
        yield return ("province_todo_due_page1", province, new TaskQuery());
        yield return ("province_todo_page200", province, new TaskQuery { Page = 200 });
        yield return ("province_todo_step1_due_before", province, new TaskQuery { Step = "factory-control", DueBefore = Now.AddDays(10) });
        yield return ("enterprise_todo", Organisation("bench.enterprise", Roles.Enterprise, seeded.BusyOrganisation), new TaskQuery());
        yield return ("inspector_todo", Organisation("bench.inspector", Roles.Inspector, seeded.InspectionBody), new TaskQuery());
        yield return ("city_done_page1", city, new TaskQuery { View = TaskView.Done, Sort = TaskSort.CreatedDescending });
    }

    private static async Task<(List<double> Times, long Total)> TimeAsync(TaskQueue queue, ClaimsPrincipal user, TaskQuery query, int repeat)
    {
        // Warm-up: JIT, pool, plan cache; not counted.
        for (var i = 0; i < 5; i++)
        {
            _ = await queue.ListAsync(user, query, CancellationToken.None);
        }

        var times = new List<double>(repeat);
        long total = 0;
        for (var i = 0; i < repeat; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await queue.ListAsync(user, query, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            total = page.Total;
        }

        return (times, total);
    }

    private sealed record Seeded(string CountyBusinessKeyPrefix, long BusyOrganisation, long InspectionBody);

    /// <summary>
    /// Open tasks of the 34 units' deciding steps spread over Zhejiang's streets (by county), about
    /// one in eight claimed, SLA states 80/10/7/3 % normal/warning/overdue/escalated; and completed
    /// tasks of 200 officials. Rows go straight into wf_tasks and the queue's join tables.
    /// </summary>
    private static async Task<Seeded> SeedAsync(string connection, IUnitCatalog catalog, int open, int closed, int seed)
    {
        var random = new Random(seed);
        var counties = RegionCatalog.Zhejiang().Counties.Select(c => c.Code).ToArray();
        var units = catalog.Units.Select(u => (u.Code, u.ProcessKey, Group: (u.Decider ?? u.Applicant).Group, Task: u.Limit?.TaskId ?? "Task_decide")).ToArray();
        var names = new[] { "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水" };
        await using var data = NpgsqlDataSource.Create(connection);
        await using var conn = await data.OpenConnectionAsync();
        var candidates = new List<(Guid Task, int Kind, string Value, string Region, string Process, DateTimeOffset? Due, DateTimeOffset Created)>();
        var parties = new List<(Guid Task, long Organisation)>();
        string? countyPrefix = null;
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY wf_tasks (id, instance_id, definition_id, process_key, process_version, business_key, token_id, element_id, name, assignee, " +
            "candidate_users, candidate_groups, form_key, priority, created_at, due_at, warn_at, sla_state, region_code, organisation_id, " +
            "status, ended_at, completed_by, revision, subject_code, subject_name, party_organisation_ids) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < open + closed; n++)
            {
                var isOpen = n < open;
                var unit = units[random.Next(units.Length)];
                var county = counties[random.Next(counties.Length)];
                var region = $"{county}{random.Next(1, 21):000}000";
                var id = Guid.CreateVersion7(Now.AddSeconds(-n));
                var created = Now.AddMinutes(-random.Next(0, 60 * 24 * 40));
                var due = random.Next(10) == 0 ? (DateTimeOffset?)null : created.AddDays(random.Next(2, 30));
                var sla = random.Next(100) switch { < 80 => SlaState.Normal, < 90 => SlaState.Warning, < 97 => SlaState.Overdue, _ => SlaState.Escalated };
                var organisation = (long)random.Next(1, 70_001);
                var inspection = unit.Group == "inspector" ? random.Next(1, 13) : (int?)null;
                var key = $"AH{unit.Code}-{created.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{n:000000}";
                if (isOpen && county == "330106" && unit.Group == "regulator.county" && countyPrefix is null)
                {
                    countyPrefix = key[..^3];
                }

                var assignee = isOpen ? (random.Next(8) == 0 ? $"official.{random.Next(500)}" : null) : null;
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(Guid.CreateVersion7(created), NpgsqlDbType.Uuid);
                await writer.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await writer.WriteAsync(unit.ProcessKey, NpgsqlDbType.Varchar);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(key, NpgsqlDbType.Text);
                await writer.WriteAsync("t1", NpgsqlDbType.Text);
                await writer.WriteAsync(unit.Task, NpgsqlDbType.Text);
                await writer.WriteAsync("审查决定", NpgsqlDbType.Text);
                await writer.WriteAsync(assignee, NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync($"[\"{unit.Group}\"]", NpgsqlDbType.Text);
                await writer.WriteAsync("decision", NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(writer, due, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(writer, due?.AddDays(-1), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync((int)sla, NpgsqlDbType.Integer);
                await writer.WriteAsync(region, NpgsqlDbType.Text);
                await writer.WriteAsync(organisation, NpgsqlDbType.Bigint);
                await writer.WriteAsync(isOpen ? (int)UserTaskStatus.Open : (int)UserTaskStatus.Completed, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, isOpen ? null : created.AddDays(1), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(isOpen ? null : random.Next(200) == 0 ? "bench.city" : $"official.{random.Next(200)}", NpgsqlDbType.Text);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                await writer.WriteAsync($"3110TC{random.Next(1000):000}2026{n % 100_000:00000}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"{names[random.Next(names.Length)]}测试使用单位{organisation}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(inspection is { } body ? $"[{body}]" : "[]", NpgsqlDbType.Text);
                if (isOpen)
                {
                    if (assignee is null)
                    {
                        candidates.Add((id, 1, unit.Group, region, unit.ProcessKey, due, created));
                    }

                    parties.Add((id, organisation));
                    if (inspection is { } inspector)
                    {
                        parties.Add((id, inspector));
                    }
                }
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY wf_task_candidates (task_id, kind, value, region_code, process_key, due_at, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (task, kind, value, region, process, due, created) in candidates)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(task, NpgsqlDbType.Uuid);
                await writer.WriteAsync(kind, NpgsqlDbType.Integer);
                await writer.WriteAsync(value, NpgsqlDbType.Varchar);
                await writer.WriteAsync(region, NpgsqlDbType.Varchar);
                await writer.WriteAsync(process, NpgsqlDbType.Varchar);
                await WriteNullableAsync(writer, due, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync("COPY wf_task_parties (task_id, organisation_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (task, organisation) in parties)
            {
                await writer.WriteRowAsync(CancellationToken.None, task, organisation);
            }

            await writer.CompleteAsync();
        }

        // What autovacuum would do soon anyway (statistics, visibility map), done now; one statement each.
        foreach (var table in new[] { "wf_tasks", "wf_task_candidates", "wf_task_parties" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", conn);
            await vacuum.ExecuteNonQueryAsync();
        }

        // The organisation with the most open tasks its own group may take (enterprise-group tasks).
        var enterpriseTasks = candidates.Where(c => c.Value == "enterprise").Select(c => c.Task).ToHashSet();
        var busy = parties.Where(p => p.Organisation > 12 && enterpriseTasks.Contains(p.Task)).GroupBy(p => p.Organisation).MaxBy(g => g.Count())?.Key ?? 13;
        return new Seeded(countyPrefix ?? "AH", busy, 3);
    }

    /// <summary>What the scenarios need from a database seeded by an earlier run.</summary>
    private static async Task<Seeded> SeededAsync(Func<WorkflowDbContext> createContext)
    {
        await using var db = createContext();
        var prefix = await db.TaskCandidates.Where(c => c.Value == "regulator.county" && c.RegionCode!.StartsWith("330106"))
            .Select(c => db.Tasks.Where(t => t.Id == c.TaskId).Select(t => t.BusinessKey).First()).FirstAsync();
        var busy = await db.TaskParties.Where(p => p.OrganisationId > 12 && db.TaskCandidates.Any(c => c.TaskId == p.TaskId && c.Value == "enterprise"))
            .GroupBy(p => p.OrganisationId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        return new Seeded(prefix![..^3], busy, 3);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateTimeOffset? value, NpgsqlDbType type) =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();

    private static ClaimsPrincipal Regulator(string name, string region) => new(new ClaimsIdentity(
        [new Claim(SecurityClaims.UserName, name), new Claim(SecurityClaims.Role, Roles.Regulator), new Claim(SecurityClaims.RegionCode, region)],
        "bench", SecurityClaims.UserName, SecurityClaims.Role));

    private static ClaimsPrincipal Organisation(string name, string role, long organisation) => new(new ClaimsIdentity(
        [new Claim(SecurityClaims.UserName, name), new Claim(SecurityClaims.Role, role), new Claim(SecurityClaims.OrganisationId, organisation.ToString(CultureInfo.InvariantCulture))],
        "bench", SecurityClaims.UserName, SecurityClaims.Role));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
    }

    private static ServiceProvider Services(string connection)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextPool<PostgresRegistryDbContext>(o => o.UseNpgsql(RegistryConnections.ForPostgres(connection), n => n.MigrationsHistoryTable(RegistryDbContext.MigrationsTable)));
        services.AddScoped<RegistryDbContext>(s => s.GetRequiredService<PostgresRegistryDbContext>());
        services.AddSingleton(WorkflowDbContextFactories.Postgres(connection));
        services.AddSingleton(s => new EfWorkflowStore(s.GetRequiredService<Func<WorkflowDbContext>>()));
        services.AddSingleton<Workflows.Runtime.Storage.IWorkflowQueries>(s => s.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<Workflows.Runtime.Definitions.IProcessDefinitionSource>(s => new DbProcessDefinitionSource(s.GetRequiredService<Func<WorkflowDbContext>>()));
        services.AddSingleton<IBusinessCalendar>(BusinessCalendarFiles.Load(Path.Combine(RepositoryRoot(), "definitions", "calendar")));
        services.AddSingleton<IUnitCatalog>(UnitCatalog.Shipped());
        services.AddSingleton<CaseCallers>();
        services.AddSingleton<WorkingDays>();
        services.AddSingleton<CaseRecords>();
        services.AddSingleton<CaseCards>();
        services.AddSingleton<TaskQueue>();
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

        throw new InvalidOperationException("ApprovalHub.sln not found above the benchmark's binaries.");
    }
}
