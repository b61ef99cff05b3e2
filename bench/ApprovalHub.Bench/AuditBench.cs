using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// How fast the audit trail takes appends when every append is serialised (the price of a linear
/// hash chain), and how fast <c>audit verify</c> walks it. Prints one JSON line.
/// <c>audit --store sqlite|postgres [--pg CONN] --appends N --writers C</c>
/// </summary>
internal static class AuditBench
{
    public const string Usage = "usage: audit --store sqlite|postgres [--pg CONN] [--appends N] [--writers C]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string store = "sqlite";
        string? pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        int appends = 5_000, writers = 8;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : "";
            switch (args[i])
            {
                case "--store": store = Next(); break;
                case "--pg": pg = Next(); break;
                case "--appends": appends = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--writers": writers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    await stderr.WriteLineAsync($"bench: unknown argument {args[i]}\n{Usage}");
                    return 2;
            }
        }

        if (store is not ("sqlite" or "postgres") || (store == "postgres" && string.IsNullOrEmpty(pg)) || appends < 1 || writers < 1)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var (services, cleanup) = await CreateAsync(store, pg);
        try
        {
            var trail = new AuditTrail(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
            var entry = new AuditEntry("3f0c6f8e-bench", "demo.analyst", Roles.Analyst, "unrestricted", "127.0.0.1",
                "DeployDefinition POST /api/definitions", "key=bench", 201);

            // Warm-up: JIT, connection pool, first pages of the table.
            for (var i = 0; i < 200; i++)
            {
                await trail.AppendAsync(entry, CancellationToken.None);
            }

            var next = 0;
            var clock = Stopwatch.StartNew();
            // Each writer on its own thread-pool thread, like concurrent requests: SQLite's "async" calls
            // complete synchronously, so plain tasks would run one after the other on one thread.
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) <= appends)
                {
                    await trail.AppendAsync(entry, CancellationToken.None);
                }
            })));
            var appendSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            await using var scope = services.CreateAsyncScope();
            var result = await AuditChainVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<SecurityDbContext>(), CancellationToken.None);
            var verifySeconds = clock.Elapsed.TotalSeconds;

            await stdout.WriteLineAsync(new JsonObject
            {
                ["bench"] = "audit",
                ["store"] = store,
                ["appends"] = appends,
                ["writers"] = writers,
                ["appendsPerSecond"] = Math.Round(appends / appendSeconds),
                ["meanAppendMs"] = Math.Round(appendSeconds * 1000 * writers / appends, 2),
                ["verifiedLinks"] = result.VerifiedLinks,
                ["intact"] = result.IsIntact,
                ["verifyLinksPerSecond"] = Math.Round(result.VerifiedLinks / verifySeconds),
            }.ToJsonString());
            return result.IsIntact ? 0 : 1;
        }
        finally
        {
            await services.DisposeAsync();
            await cleanup();
        }
    }

    private static async Task<(ServiceProvider Services, Func<Task> Cleanup)> CreateAsync(string store, string? pg)
    {
        var services = new ServiceCollection();
        Func<Task> cleanup;
        if (store == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"approvalhub-audit-bench-{Guid.NewGuid():N}.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
            services.AddDbContext<SqliteSecurityDbContext>(o => o.UseSqlite(connection, s => s.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)));
            services.AddScoped<SecurityDbContext>(sp => sp.GetRequiredService<SqliteSecurityDbContext>());
            cleanup = () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
                {
                    File.Delete(file);
                }

                return Task.CompletedTask;
            };
        }
        else
        {
            var database = $"approvalhub_audit_bench_{Guid.NewGuid():N}";
            var server = new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false }.ConnectionString;
            await BenchDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            var connection = new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString;
            services.AddDbContext<PostgresSecurityDbContext>(o => o.UseNpgsql(connection, s => s.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)));
            services.AddScoped<SecurityDbContext>(sp => sp.GetRequiredService<PostgresSecurityDbContext>());
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await BenchDatabase.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            };
        }

        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Database.MigrateAsync();
        }

        return (provider, cleanup);
    }
}
