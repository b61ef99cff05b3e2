using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Extensions;
using ApprovalHub.Host.Iot;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// MQTT ingestion end to end on one machine: Mosquitto (started here with a password file and ACL
/// generated from the devices' credentials), the host (in this process, on a throwaway PostgreSQL
/// database seeded by demo mode) and N simulated devices publishing telemetry at a total rate with
/// a share of 困人 faults. Prints one JSON line: stored messages/s, store latency, fault → case
/// latency, duplicate open alarms, connected sessions.
/// </summary>
internal static class MqttBench
{
    private const string Usage =
        "usage: mqtt --pg CONN [--devices 10000] [--rate 5000] [--fault-rate 0.001] [--duration 60] [--broker 127.0.0.1:PORT] [--mosquitto /usr/sbin/mosquitto] [--keep]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        int devices = 10_000, rate = 5_000, duration = 60, port = 18830;
        double faultRate = 0.001;
        var mosquitto = "/usr/sbin/mosquitto";
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--pg": pg = Next(); break;
                case "--devices": devices = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--fault-rate": faultRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--broker": port = int.Parse(Next().Split(':')[^1], CultureInfo.InvariantCulture); break;
                case "--mosquitto": mosquitto = Next(); break;
                case "--keep": keep = true; break;
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

        if (Listening(port))
        {
            await stderr.WriteLineAsync($"bench: 127.0.0.1:{port} is taken; the benchmark starts its own Mosquitto there with generated credentials. Pick a free port.");
            return 2;
        }

        var database = $"approvalhub_mqtt_bench_{Guid.NewGuid():N}";
        var server = new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false }.ConnectionString;
        await BenchDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(pg) { Database = database, MaxPoolSize = 60 }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("approvalhub-mqtt-bench-").FullName;
        Process? broker = null;
        try
        {
            // 1. The host, in demo mode on the empty database: definitions, and N registry devices.
            await stderr.WriteLineAsync($"bench: seeding {devices:N0} devices into {database} and starting the host");
            var hostPassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            var app = BuildHost(connectionString, devices, port, hostPassword);
            await using var host = app;

            // 2. Credentials for every device, then Mosquitto with the generated password file and ACL.
            // Starting runs migrations and demo seeding first (hosted services in order); ingestion
            // keeps retrying until Mosquitto is up.
            await host.StartAsync();
            var secrets = await IssueSecretsAsync(host, stderr);
            var iot = host.Services.GetRequiredService<Func<IotDbContext>>();
            await using (var db = iot())
            {
                var hashes = await db.Credentials.AsNoTracking().Select(c => new { c.EquipmentCode, c.SecretHash }).ToListAsync();
                await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), MosquittoFiles.PasswordFile(hashes.Select(h => (h.EquipmentCode, h.SecretHash)), "approvalhub", hostPassword));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "acl"), MosquittoFiles.Acl("approvalhub"));
            await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), string.Create(CultureInfo.InvariantCulture, $"""
                listener {port} 127.0.0.1
                user {Environment.UserName}
                allow_anonymous false
                password_file {folder}/passwd
                acl_file {folder}/acl
                max_queued_messages 1000000
                max_inflight_messages 0
                max_connections -1
                log_dest stderr
                log_type error

                """));
            broker = Process.Start(new ProcessStartInfo(mosquitto, ["-c", Path.Combine(folder, "mosquitto.conf")]) { UseShellExecute = false })
                     ?? throw new InvalidOperationException("mosquitto did not start");
            await WaitListeningAsync(port);

            // 3. Ingestion connects, then the devices.
            await host.Services.GetRequiredService<MqttIngestion>().Subscribed.WaitAsync(TimeSpan.FromSeconds(60));
            var handlers = host.Services.GetRequiredService<IServiceTaskHandlerRegistry>();
            if (handlers is ServiceTaskHandlerRegistry registry)
            {
                foreach (var type in new[] { "notify.send", "registry.recordMaintenance", "hazard.open" }.Where(t => !registry.TryGet(t, out _)))
                {
                    registry.Add(type, (_, _) => ValueTask.CompletedTask);
                }
            }

            var simulator = new DeviceSimulator(port, secrets, stderr);
            var connectWatch = Stopwatch.StartNew();
            var connected = await simulator.ConnectAllAsync();
            await stderr.WriteLineAsync($"bench: {connected:N0} device sessions connected in {connectWatch.Elapsed.TotalSeconds:F1} s");

            var runStarted = DateTimeOffset.UtcNow;
            var sent = await simulator.RunAsync(rate, faultRate, TimeSpan.FromSeconds(duration));
            await stderr.WriteLineAsync($"bench: published {sent.Telemetry:N0} telemetry and {sent.Faults:N0} faults; waiting for the host to drain");

            // 4. Wait until everything sent is stored, telemetry and fault events alike (or two minutes
            //    have passed), then read the figures. Faults queue behind the case starts they cause.
            var drainWatch = Stopwatch.StartNew();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            long stored;
            while (((stored = await ScalarAsync<long>(connection, "SELECT count(*) FROM iot_telemetry")) < sent.Telemetry
                    || await ScalarAsync<long>(connection, "SELECT count(*) FROM iot_fault_events") < sent.Faults)
                   && drainWatch.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(500);
            }

            await stderr.WriteLineAsync($"bench: drained in {drainWatch.Elapsed.TotalSeconds:F1} s after the last publish");

            await Task.Delay(TimeSpan.FromSeconds(3));
            await simulator.DisposeAsync();
            var result = await FiguresAsync(connection, runStarted, sent, stored, connected, devices, rate, faultRate, duration);
            await stdout.WriteLineAsync(result.ToJsonString());
            await host.StopAsync();
            return 0;
        }
        finally
        {
            if (broker is { HasExited: false })
            {
                broker.Kill();
                await broker.WaitForExitAsync();
            }

            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                await BenchDatabase.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static WebApplication BuildHost(string connectionString, int devices, int port, string hostPassword)
    {
        var root = RepositoryRoot();
        string[] settings =
        [
            "--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}",
            "--Demo:Enabled=true", $"--Registry:DemoDevices={devices}", $"--Definitions:Path={Path.Combine(root, "definitions")}",
            $"--Calendar:Path={Path.Combine(root, "definitions", "calendar")}",
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", "--Security:SigningKey=YXBwcm92YWxodWItYmVuY2gtc2lnbmluZy1rZXktMzJi",
            "--Iot:Broker=External", "--Iot:Host=127.0.0.1", $"--Iot:Port={port}", "--Iot:Username=approvalhub", $"--Iot:Password={hostPassword}",
            "--Iot:ClientId=approvalhub-bench", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:ApprovalHub.Host.Iot=Error",
        ];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddApplicationServices();
        return builder.Build();
    }

    private static async Task<List<(string Code, string Secret, bool Lift)>> IssueSecretsAsync(WebApplication host, TextWriter stderr)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var rows = await registry.Devices.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.EquipmentCode, d.Category, d.RegionCode, d.UserOrganisationId }).ToListAsync();
        var issued = new List<(string, string, bool)>(rows.Count);
        var credentials = new List<DeviceCredential>(rows.Count);
        foreach (var row in rows)
        {
            var secret = DeviceSecrets.NewSecret();
            issued.Add((row.EquipmentCode, secret, row.Category == EquipmentCategory.Lift));
            credentials.Add(new DeviceCredential
            {
                EquipmentCode = row.EquipmentCode, DeviceId = row.Id, OrganisationId = row.UserOrganisationId, RegionCode = row.RegionCode,
                SecretHash = DeviceSecrets.Hash(secret), IssuedAt = DateTimeOffset.UtcNow, IssuedBy = "bench",
            });
        }

        await using var db = host.Services.GetRequiredService<Func<IotDbContext>>()();
        db.Credentials.AddRange(credentials);
        await db.SaveChangesAsync();
        await stderr.WriteLineAsync($"bench: {issued.Count:N0} device secrets issued ({issued.Count(i => i.Item3):N0} lifts)");
        return issued;
    }

    private static async Task<JsonObject> FiguresAsync(
        NpgsqlConnection connection, DateTimeOffset runStarted, SentCounts sent, long stored, int connected, int devices, int rate, double faultRate, int duration)
    {
        // Sustained throughput: rows stored per second between the first and the last commit of the run.
        var (first, last) = await RangeAsync(connection);
        var storeSeconds = Math.Max(0.001, (last - first).TotalSeconds);
        var latency = await PercentilesAsync(connection, "SELECT EXTRACT(EPOCH FROM (received_at - ts)) * 1000 FROM iot_telemetry");
        var faults = await PercentilesAsync(connection, "SELECT EXTRACT(EPOCH FROM (case_started_at - raised_at)) * 1000 FROM iot_alarms WHERE case_started_at IS NOT NULL");
        var alarms = await ScalarAsync<long>(connection, "SELECT count(*) FROM iot_alarms");
        var cases = await ScalarAsync<long>(connection, "SELECT count(*) FROM iot_alarms WHERE case_instance_id IS NOT NULL");
        var events = await ScalarAsync<long>(connection, "SELECT count(*) FROM iot_fault_events");
        var duplicates = await ScalarAsync<long>(connection,
            "SELECT count(*) FROM (SELECT equipment_code, type FROM iot_alarms WHERE cleared_at IS NULL GROUP BY 1, 2 HAVING count(*) > 1) d");
        return new JsonObject
        {
            ["bench"] = "mqtt",
            ["devices"] = devices,
            ["connectedSessions"] = connected,
            ["rate"] = rate,
            ["faultRate"] = faultRate,
            ["durationSeconds"] = duration,
            ["telemetrySent"] = sent.Telemetry,
            ["telemetryStored"] = stored,
            ["faultsSent"] = sent.Faults,
            ["faultEventsStored"] = events,
            ["publishedPerSecond"] = Math.Round(sent.Telemetry / sent.Elapsed.TotalSeconds, 0),
            ["storedPerSecond"] = Math.Round(stored / storeSeconds, 0),
            ["storeLatencyMs"] = latency,
            ["alarms"] = alarms,
            ["casesStarted"] = cases,
            ["faultToCaseMs"] = faults,
            ["duplicateOpenAlarms"] = duplicates,
            ["runStarted"] = runStarted.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> RangeAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT min(received_at), max(received_at) FROM iot_telemetry", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.IsDBNull(0) ? (DateTimeOffset.UtcNow, DateTimeOffset.UtcNow) : (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task<JsonObject> PercentilesAsync(NpgsqlConnection connection, string values)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_cont(0.99) WITHIN GROUP (ORDER BY v), max(v) FROM ({values}) AS s(v)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new JsonObject
        {
            ["count"] = reader.GetInt64(0),
            ["p50"] = reader.IsDBNull(1) ? null : Math.Round(reader.GetDouble(1), 1),
            ["p99"] = reader.IsDBNull(2) ? null : Math.Round(reader.GetDouble(2), 1),
            ["max"] = reader.IsDBNull(3) ? null : Math.Round(reader.GetDouble(3), 1),
        };
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitListeningAsync(int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!Listening(port))
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"Mosquitto does not listen on {port}.");
            }

            await Task.Delay(50);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApprovalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (ApprovalHub.sln not found above the binary).");
    }

    internal sealed record SentCounts(long Telemetry, long Faults, TimeSpan Elapsed);

    /// <summary>N device clients on the broker, publishing QoS 1 at a total rate.</summary>
    private sealed class DeviceSimulator(int port, List<(string Code, string Secret, bool Lift)> devices, TextWriter stderr) : IAsyncDisposable
    {
        private readonly List<(IMqttClient Client, string Code, bool Lift)> _clients = [];

        public async Task<int> ConnectAllAsync()
        {
            var factory = new MqttClientFactory();
            using var gate = new SemaphoreSlim(64);
            var tasks = devices.Select(async d =>
            {
                await gate.WaitAsync();
                try
                {
                    var client = factory.CreateMqttClient();
                    var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
                        .WithClientId($"dev-{d.Code}").WithCredentials(d.Code, d.Secret).WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
                        .WithTimeout(TimeSpan.FromSeconds(30)).Build();
                    await client.ConnectAsync(options);
                    lock (_clients)
                    {
                        _clients.Add((client, d.Code, d.Lift));
                    }
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
                {
                    await stderr.WriteLineAsync($"bench: {d.Code} did not connect: {ex.Message}");
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(tasks);
            return _clients.Count;
        }

        public async Task<SentCounts> RunAsync(int rate, double faultRate, TimeSpan duration)
        {
            var random = new Random(42);
            var lifts = _clients.Where(c => c.Lift).ToList();
            long telemetry = 0, faults = 0;
            var next = 0;
            var watch = Stopwatch.StartNew();
            var tick = TimeSpan.FromMilliseconds(20);
            var perTick = rate * tick.TotalSeconds;
            var owed = 0.0;
            var inflight = new List<Task>();
            while (watch.Elapsed < duration)
            {
                owed += perTick;
                for (; owed >= 1; owed--)
                {
                    var (client, code, _) = _clients[next++ % _clients.Count];
                    var now = DateTimeOffset.UtcNow;
                    if (lifts.Count > 0 && random.NextDouble() < faultRate)
                    {
                        var lift = lifts[random.Next(lifts.Count)];
                        inflight.Add(Publish(lift.Client, $"ah/v1/devices/{lift.Code}/events",
                            $"{{\"v\":1,\"id\":\"{Guid.NewGuid():N}\",\"ts\":\"{now:O}\",\"code\":\"11\",\"floor\":{random.Next(1, 30)}}}"));
                        faults++;
                        continue;
                    }

                    inflight.Add(Publish(client, $"ah/v1/devices/{code}/telemetry", string.Create(CultureInfo.InvariantCulture,
                        $"{{\"v\":1,\"ts\":\"{now:O}\",\"floor\":{random.Next(1, 30)},\"direction\":{random.Next(0, 3)},\"doorClosed\":true,\"speed\":{random.NextDouble() * 2.5:F2},\"runCount\":{random.Next(1, 1_000_000)},\"load\":{random.Next(0, 100)},\"peoplePresent\":{(random.Next(2) == 0 ? "true" : "false")},\"serviceMode\":1}}")));
                    telemetry++;
                }

                if (inflight.Count > 20_000)
                {
                    await Task.WhenAll(inflight);
                    inflight.Clear();
                }

                var due = TimeSpan.FromTicks(tick.Ticks * (long)Math.Ceiling(watch.Elapsed / tick));
                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            await Task.WhenAll(inflight);
            return new SentCounts(telemetry, faults, watch.Elapsed);
        }

        private static Task Publish(IMqttClient client, string topic, string payload) =>
            client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        public async ValueTask DisposeAsync()
        {
            foreach (var (client, _, _) in _clients)
            {
                client.Dispose();
            }

            await Task.CompletedTask;
        }
    }
}
