using System.Diagnostics;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalHub.Host.Tests.Engine;

/// <summary>A PostgreSQL database whose in-process host runs no jobs: the test's real node processes do.</summary>
public sealed class ClusterDatabase : PostgresDatabase
{
    /// <inheritdoc />
    protected override void ConfigureHost(Dictionary<string, string?> settings)
    {
        settings["Jobs:Enabled"] = "false";
        settings["Demo:Enabled"] = "false";
    }
}

/// <summary>
/// Two host processes, each with its own Quartz scheduler, on one PostgreSQL database with
/// thousands of pending timers and asynchronous continuations. One node is killed (a real process
/// kill) while it works; the other finishes everything within the lock expiry, and every timer
/// and every step runs exactly once.
/// </summary>
public sealed class TwoNodeKillTests(ClusterDatabase database, ITestOutputHelper output) : IClassFixture<ClusterDatabase>
{
    private const int Instances = 1500;
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_timer_fires_once_and_the_survivor_finishes_a_killed_nodes_work()
    {
        var key = TestBpmn.NewKey("cluster");
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="d_{{key}}">
              <process id="{{key}}" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition></intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="work" />
                <scriptTask id="work" scriptFormat="javascript" ah:async="true"><script>execution.setVariable('done', true);</script></scriptTask>
                <sequenceFlow id="f3" sourceRef="work" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;
        // No demo users on this host: deploy through the deployer itself.
        using (var scope = database.Factory.Services.CreateScope())
        {
            var deployed = await scope.ServiceProvider.GetRequiredService<DefinitionDeployer>().DeployAsync(new DeploymentRequest(xml, "cluster-test"), Cancellation);
            Assert.True(deployed.Succeeded, string.Join("; ", deployed.Diagnostics.Select(d => d.Message)));
        }

        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();

        using var nodeA = StartNode("node-a");
        using var nodeB = StartNode("node-b");
        try
        {
            // Both schedulers check in to the Quartz cluster before any timer falls due, so a node
            // that starts slowly on a loaded machine cannot leave all the work to the other.
            var ready = DateTime.UtcNow.AddSeconds(120);
            while (await CheckedInAsync() < 2)
            {
                Assert.True(DateTime.UtcNow < ready, $"The nodes did not start in 120 s. Node A: {nodeA.Tail()} Node B: {nodeB.Tail()}");
                await Task.Delay(100, Cancellation);
            }

            var dueAt = DateTimeOffset.UtcNow.AddSeconds(10).ToString("O");
            await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation }, async (_, ct) =>
                await engine.StartAsync(new StartProcessRequest(key) { Variables = new Dictionary<string, JsonNode?> { ["dueAt"] = dueAt } }, ct));

            // Kill node A once both nodes are well into the work.
            var until = DateTime.UtcNow.AddSeconds(120);
            while (await ScalarAsync("SELECT count(*) FROM wf_history WHERE type = 15") < Instances / 4
                   || await ScalarAsync("SELECT count(DISTINCT user_id) FROM wf_history WHERE type = 15") < 2)
            {
                Assert.True(DateTime.UtcNow < until, $"The nodes fired too little in 120 s. Node A: {nodeA.Tail()} Node B: {nodeB.Tail()}");
                await Task.Delay(50, Cancellation);
            }

            nodeA.Kill();
            var killedAt = DateTime.UtcNow;
            var firedByA = await ScalarAsync("SELECT count(*) FROM wf_history WHERE type = 15 AND user_id = 'node-a'");

            var deadline = killedAt + LockDuration + TimeSpan.FromSeconds(60);
            while (await ScalarAsync("SELECT count(*) FROM wf_instances WHERE status = 1") < Instances)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Node B did not finish in time. Node B: {nodeB.Tail()}");
                await Task.Delay(100, Cancellation);
            }

            var finishedAfter = DateTime.UtcNow - killedAt;
            var timerFirings = await ScalarAsync("SELECT count(*) FROM wf_history WHERE type = 15");
            var firedByB = await ScalarAsync("SELECT count(*) FROM wf_history WHERE type = 15 AND user_id = 'node-b'");
            var workRuns = await ScalarAsync("SELECT count(*) FROM wf_history WHERE type = 4 AND element_id = 'work'");
            var twice = await ScalarAsync("SELECT count(*) FROM (SELECT instance_id FROM wf_history WHERE type = 15 GROUP BY instance_id HAVING count(*) > 1) x");
            output.WriteLine($"{Instances} instances, {2 * Instances} jobs. Timers fired: {timerFirings} (node-a {firedByA} before it was killed, node-b {firedByB}); " +
                             $"async steps run: {workRuns}; fired twice: {twice}; node-b finished {finishedAfter.TotalSeconds:F1} s after the kill (lock expiry {LockDuration.TotalSeconds} s).");

            Assert.Equal(Instances, timerFirings);
            Assert.Equal(Instances, workRuns);
            Assert.Equal(0, twice);
            Assert.True(firedByA > 0 && firedByB > 0, "both nodes took part");
            Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM wf_jobs"));
            Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM wf_incidents"));
        }
        finally
        {
            nodeA.Kill();
            nodeB.Kill();
        }
    }

    // Quartz creates its tables when the first node starts; until then nobody has checked in.
    private async Task<long> CheckedInAsync()
    {
        try
        {
            return await ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name IN ('node-a', 'node-b')");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }

    private NodeProcess StartNode(string nodeId)
    {
        // The host binary of the same build configuration as these tests.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var host = RepositoryFiles.Path("src", "Host", "bin", configuration, "net10.0", "ApprovalHub.Host.dll");
        Assert.True(File.Exists(host), $"The host binary {host} is missing; build the solution first.");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     host,
                     "--Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0",
                     "--Database:Provider", "Postgres",
                     // Other test classes share the server: each node keeps to a small pool.
                     "--Database:ConnectionString", new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString,
                     "--Demo:Enabled", "false",
                     "--Security:SigningKey", TestDatabase.TestSigningKey,
                     "--Jobs:NodeId", nodeId,
                     "--Jobs:PollInterval", "00:00:00.200",
                     "--Jobs:LockDuration", LockDuration.ToString(),
                     "--Jobs:BatchSize", "50",
                     "--Logging:LogLevel:Default", "Warning",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        return new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    private sealed class NodeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public NodeProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Tail() => string.Join(Environment.NewLine, _lines);

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lines.Enqueue(line);
            while (_lines.Count > 40 && _lines.TryDequeue(out _))
            {
            }
        }
    }
}
