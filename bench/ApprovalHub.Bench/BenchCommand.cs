using System.Diagnostics;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// Runs N process instances of one of the two shared benchmark processes on a store and prints one
/// JSON line. For the approval process each instance takes three commands: start, complete "apply"
/// with {approved: true}, complete "approve". Service tasks call a registered no-op handler "noop".
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        BenchOptions? options;
        try
        {
            options = BenchOptions.Parse(args, out var error);
            if (options is null)
            {
                await stderr.WriteLineAsync($"bench: {error}\n{BenchOptions.Usage}");
                return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await stderr.WriteLineAsync($"bench: {ex.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        var parsed = BpmnParser.ParseFile(options.Process);
        if (parsed.HasErrors)
        {
            foreach (var diagnostic in parsed.Diagnostics.Where(d => d.IsError))
            {
                await stderr.WriteLineAsync(diagnostic.Format(options.Process));
            }

            return 1;
        }

        var registry = new InMemoryDefinitionRegistry();
        var definition = registry.Deploy(parsed).First();
        await using var store = await BenchStores.CreateAsync(options, CancellationToken.None);
        var handlers = new ServiceTaskHandlerRegistry().Add("noop", (_, _) => ValueTask.CompletedTask);
        var engine = new WorkflowEngine(store.Store, registry, handlers, new JintExpressionEvaluator(), TimeProvider.System,
            calendar: null, new WorkflowEngineOptions { History = options.History });
        var userTasks = definition.Process.NodesById.Values.Count(n => n.Kind == FlowNodeKind.UserTask);

        // Warm up until tiered compilation has settled (a few thousand instances, not counted), so
        // small and large N measure the same steady state.
        await RunInstancesAsync(engine, definition, 5_000, options.Concurrency);

        var commands = 0L;
        var stopwatch = Stopwatch.StartNew();
        commands += await RunInstancesAsync(engine, definition, options.Instances, options.Concurrency);
        stopwatch.Stop();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        var line = new JsonObject
        {
            ["engine"] = "approvalhub",
            ["process"] = Path.GetFileName(options.Process),
            ["store"] = options.Store,
            ["instances"] = options.Instances,
            ["seconds"] = Math.Round(seconds, 3),
            ["pi_per_sec"] = Math.Round(options.Instances / seconds, 1),
            ["commands_per_sec"] = Math.Round(commands / seconds, 1),
            ["peak_rss_mb"] = Math.Round(process.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            ["user_tasks_per_instance"] = userTasks,
            ["concurrency"] = options.Concurrency,
            ["history"] = options.History,
        };
        await stdout.WriteLineAsync(line.ToJsonString());
        return 0;
    }

    private static readonly IReadOnlyDictionary<string, JsonNode?> Approved = new Dictionary<string, JsonNode?> { ["approved"] = true };

    /// <summary>Runs instances on <paramref name="concurrency"/> workers; returns the number of commands.</summary>
    private static async Task<long> RunInstancesAsync(WorkflowEngine engine, DeployedProcess definition, int count, int concurrency)
    {
        var next = -1;
        var commands = 0L;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var local = 0L;
            while (Interlocked.Increment(ref next) < count)
            {
                var started = await engine.StartAsync(new StartProcessRequest(definition.Key), CancellationToken.None);
                local++;
                // Complete the open tasks one by one: "apply" with approved=true, then "approve". Each
                // command says which tasks it opened, so no query is needed to find the next one.
                var open = new Queue<CreatedTask>(started.Tasks);
                while (open.TryDequeue(out var task))
                {
                    var completion = await engine.CompleteTaskAsync(task.TaskId, task.ElementId == "apply" ? Approved : null, "bench", CancellationToken.None);
                    local++;
                    foreach (var next in completion.CreatedTasks)
                    {
                        open.Enqueue(next);
                    }
                }
            }

            Interlocked.Add(ref commands, local);
        });
        await Task.WhenAll(workers);
        return commands;
    }
}

/// <summary>The store under test, and how to get rid of it.</summary>
internal sealed class BenchStore(IWorkflowStore store, Func<ValueTask>? dispose = null) : IAsyncDisposable
{
    public IWorkflowStore Store => store;

    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}

/// <summary>Creates the store the benchmark runs on: a fresh database each run, dropped afterwards.</summary>
internal static class BenchStores
{
    public static async ValueTask<BenchStore> CreateAsync(BenchOptions options, CancellationToken cancellationToken) => options.Store switch
    {
        "memory" => Memory(),
        "sqlite" => await SqliteAsync(cancellationToken),
        _ => await PostgresAsync(options.PostgresConnection!, cancellationToken),
    };

    private static BenchStore Memory()
    {
        // Global history order is only for the CLI's display; the benchmark keeps per-instance order.
        var store = new InMemoryWorkflowStore(keepGlobalHistoryOrder: false);
        return new BenchStore(store);
    }

    private static async ValueTask<BenchStore> SqliteAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"approvalhub-bench-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString;
        var contexts = WorkflowDbContextFactories.Sqlite(connection);
        await using (var db = contexts())
        {
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers run beside the one writer, as the host would configure it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var store = new EfWorkflowStore(contexts);
        return new BenchStore(store, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }

            return ValueTask.CompletedTask;
        });
    }

    private static async ValueTask<BenchStore> PostgresAsync(string server, CancellationToken cancellationToken)
    {
        var name = $"approvalhub_bench_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64 }.ConnectionString;
        var contexts = WorkflowDbContextFactories.Postgres(connection);
        await using (var db = contexts())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var store = new EfWorkflowStore(contexts);
        return new BenchStore(store, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    internal static async Task AdminAsync(string server, string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
