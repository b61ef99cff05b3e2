using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// A fresh PostgreSQL database for one timer scenario: migrated, with the timer process deployed
/// through <see cref="DefinitionDeployer"/> (so node processes find it with
/// <see cref="DbProcessDefinitionSource"/>), and N pending timers cloned in SQL from one instance the
/// engine started. Dropped on dispose.
/// </summary>
internal sealed class TimerDatabase : IAsyncDisposable
{
    /// <summary>Where timers that must not fire during the run are due (one second apart from here).</summary>
    public static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where the lateness slice waits until the nodes are up; then it is shifted to the window.</summary>
    public static readonly DateTimeOffset Parked = new(2999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // start → intermediate timer catch on ${dueAt} → end: one command per fired timer.
    private const string Bpmn = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_timerbench">
          <process id="{{TimerNode.ProcessKey}}" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """;

    private const int SeedBatch = 50_000;

    private readonly string _server;
    private readonly string _name;
    private readonly bool _keep;

    private TimerDatabase(string server, string name, bool keep)
    {
        _server = server;
        _name = name;
        _keep = keep;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TimerDatabase> CreateAsync(string server, bool keep, CancellationToken cancellationToken)
    {
        var database = new TimerDatabase(server, $"approvalhub_timers_{Guid.NewGuid():N}", keep);
        await BenchStores.AdminAsync(server, $"CREATE DATABASE \"{database._name}\"", cancellationToken);
        var contexts = WorkflowDbContextFactories.Postgres(database.ConnectionString);
        await using var db = contexts();
        await db.Database.MigrateAsync(cancellationToken);
        var deployed = await new DefinitionDeployer(db, TimeProvider.System).DeployAsync(new DeploymentRequest(Bpmn, "timerbench"), cancellationToken);
        if (!deployed.Succeeded)
        {
            throw new InvalidOperationException("The timer process was rejected: " + string.Join("; ", deployed.Diagnostics));
        }

        return database;
    }

    /// <summary>Starts the one instance every pending timer is cloned from; its timer is due far in the future.</summary>
    public async Task<Guid> StartTemplateAsync(CancellationToken cancellationToken)
    {
        var contexts = WorkflowDbContextFactories.Postgres(ConnectionString);
        var store = new EfWorkflowStore(contexts);
        var engine = new WorkflowEngine(store, new DbProcessDefinitionSource(contexts), new ServiceTaskHandlerRegistry(),
            new JintExpressionEvaluator(), TimeProvider.System);
        var variables = new Dictionary<string, JsonNode?> { ["dueAt"] = FarFuture.ToString("O", CultureInfo.InvariantCulture) };
        var started = await engine.StartAsync(new StartProcessRequest(TimerNode.ProcessKey) { Variables = variables }, cancellationToken);
        return started.InstanceId;
    }

    /// <summary>
    /// Clones the template's <c>wf_instances</c> row and its <c>wf_jobs</c> row <paramref name="count"/>
    /// times, then removes the template, so exactly <paramref name="count"/> timers are pending.
    /// <paramref name="due"/> of them, spread evenly through the table (as timers created over time
    /// would be), are due at <paramref name="dueBase"/> + k × <paramref name="dueStep"/> for k = 0…due−1;
    /// the others at <see cref="FarFuture"/> plus one second each.
    /// </summary>
    public async Task<TemplateFigures> SeedAsync(
        Guid template, int count, int due, DateTimeOffset dueBase, TimeSpan dueStep, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var figures = await TemplateFiguresAsync(connection, template, cancellationToken);

        // jsonb_populate_record(null::t, to_jsonb(row) || changes) copies every column of the row but
        // the ones named, so the clone follows the schema without listing it here. It is called in
        // LATERAL: "(jsonb_populate_record(…)).*" would call it once per column (ten times slower).
        const string sql = """
            WITH ids AS (
                SELECT g, gen_random_uuid() AS id FROM generate_series(@from::bigint, @to::bigint - 1) AS g),
            instances AS (
                INSERT INTO wf_instances
                SELECT r.* FROM ids, wf_instances t,
                    LATERAL jsonb_populate_record(null::wf_instances, to_jsonb(t) || jsonb_build_object('id', ids.id)) r
                WHERE t.id = @template)
            INSERT INTO wf_jobs
            SELECT r.* FROM ids, wf_jobs j,
                LATERAL jsonb_populate_record(null::wf_jobs, to_jsonb(j) || jsonb_build_object(
                    'id', gen_random_uuid(),
                    'instance_id', ids.id,
                    'due_at', CASE WHEN (ids.g + 1) * @due / @count > ids.g * @due / @count
                                   THEN @dueBase + ((ids.g * @due / @count) * @stepUs) * interval '1 microsecond'
                                   ELSE @far + ids.g * interval '1 second' END)) r
            WHERE j.instance_id = @template
            """;
        var stopwatch = Stopwatch.StartNew();
        for (var from = 0; from < count; from += SeedBatch)
        {
            var to = Math.Min(count, from + SeedBatch);
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("from", (long)from);
            command.Parameters.AddWithValue("to", (long)to);
            command.Parameters.AddWithValue("template", template);
            command.Parameters.AddWithValue("due", (long)due);
            command.Parameters.AddWithValue("count", (long)count);
            command.Parameters.AddWithValue("dueBase", dueBase.ToUniversalTime());
            command.Parameters.AddWithValue("stepUs", dueStep.Ticks / 10.0);
            command.Parameters.AddWithValue("far", FarFuture);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"timers: seeded {to:N0}/{count:N0} ({to / stopwatch.Elapsed.TotalSeconds:N0} timers/s)"));
        }

        await ExecuteAsync(connection, "DELETE FROM wf_jobs WHERE instance_id = @template; DELETE FROM wf_history WHERE instance_id = @template; " +
                                       "DELETE FROM wf_instances WHERE id = @template", template, cancellationToken);

        // What autovacuum would do soon anyway, done now so the run does not share the machine with it.
        await ExecuteAsync(connection, "VACUUM (ANALYZE) wf_jobs, wf_instances, wf_history", null, cancellationToken);
        return figures with { SeedSeconds = stopwatch.Elapsed.TotalSeconds };
    }

    /// <summary>Moves the parked lateness slice so that its k-th timer is due at <paramref name="start"/> + k / R.</summary>
    public async Task<int> UnparkAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE wf_jobs SET due_at = @start + (due_at - @parked) WHERE due_at >= @parked", connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.AddWithValue("start", start.ToUniversalTime());
        command.Parameters.AddWithValue("parked", Parked);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Bytes on disk of the two tables a pending timer lives in (heap, indexes, TOAST).</summary>
    public async Task<JsonObject> StorageAsync(int pending, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var result = new JsonObject();
        foreach (var table in new[] { "wf_jobs", "wf_instances" })
        {
            await using var command = new NpgsqlCommand(
                "SELECT pg_total_relation_size(@t::regclass), pg_relation_size(@t::regclass), pg_indexes_size(@t::regclass), (SELECT count(*) FROM " + table + ")",
                connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (total, heap, indexes, rows) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            result[table] = new JsonObject
            {
                ["rows"] = rows,
                ["total_mb"] = Math.Round(total / 1024.0 / 1024.0, 1),
                ["bytes_per_row"] = Math.Round((double)total / pending, 1),
                ["heap_bytes_per_row"] = Math.Round((double)heap / pending, 1),
                ["index_bytes_per_row"] = Math.Round((double)indexes / pending, 1),
            };
        }

        return result;
    }

    /// <summary>What the run left behind: who fired what, and whether anything fired twice or not at all.</summary>
    public async Task<JsonObject> VerifyAsync(int pending, int due, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var perNode = new JsonObject();
        await using (var command = new NpgsqlCommand("SELECT coalesce(user_id, '?'), count(*) FROM wf_history WHERE type = 15 GROUP BY 1 ORDER BY 1", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                perNode[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var fired = await ScalarAsync(connection, "SELECT count(*) FROM wf_history WHERE type = 15", cancellationToken);
        var twice = await ScalarAsync(connection,
            "SELECT count(*) FROM (SELECT instance_id FROM wf_history WHERE type = 15 GROUP BY instance_id HAVING count(*) > 1) x", cancellationToken);
        var completed = await ScalarAsync(connection, "SELECT count(*) FROM wf_instances WHERE status = 1", cancellationToken);
        var left = await ScalarAsync(connection, "SELECT count(*) FROM wf_jobs", cancellationToken);
        var dueLeft = await ScalarAsync(connection, "SELECT count(*) FROM wf_jobs WHERE due_at < '2100-01-01'", cancellationToken);
        var incidents = await ScalarAsync(connection, "SELECT count(*) FROM wf_incidents", cancellationToken);
        return new JsonObject
        {
            ["ok"] = fired == due && twice == 0 && completed == due && left == pending - due && dueLeft == 0 && incidents == 0,
            ["job_fired_events"] = fired,
            ["job_fired_per_node"] = perNode,
            ["fired_twice"] = twice,
            ["instances_completed"] = completed,
            ["jobs_left"] = left,
            ["due_jobs_left"] = dueLeft,
            ["incidents"] = incidents,
        };
    }

    /// <summary>The process id of the PostgreSQL postmaster, when it runs on this machine.</summary>
    public async Task<int?> PostmasterPidAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var backend = (int)await ScalarAsync(connection, "SELECT pg_backend_pid()", cancellationToken);
        return ProcessCpu.ParentOf(backend);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            await BenchStores.AdminAsync(_server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task<TemplateFigures> TemplateFiguresAsync(NpgsqlConnection connection, Guid template, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT octet_length(state) FROM wf_instances WHERE id = @template), " +
            "(SELECT count(*) FROM wf_history WHERE instance_id = @template), " +
            "(SELECT coalesce(sum(pg_column_size(h.*)), 0) FROM wf_history h WHERE instance_id = @template)",
            connection);
        command.Parameters.AddWithValue("template", template);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TemplateFigures(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), 0);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Guid? template, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (template is { } id)
        {
            command.Parameters.AddWithValue("template", id);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// What one pending timer's instance holds before it is cloned: the state document's size, and the
/// history the engine wrote up to the wait (clones carry none of it; a real instance would).
/// </summary>
internal sealed record TemplateFigures(int StateBytes, long HistoryRows, long HistoryBytes, double SeedSeconds);
