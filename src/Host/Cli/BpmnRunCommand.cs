using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Timers;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// <c>bpmn run FILE [--process ID] [--vars JSON] [--script SCRIPT.json]</c>: runs a definition on an
/// in-memory store and prints one JSON line after the start and after each script step, then a
/// final line with the completion order and the variables. Service tasks without a handler
/// complete as no-ops. Script steps: <c>{"complete":"taskId","vars":{…}}</c>,
/// <c>{"message":"name","key":"k","vars":{…}}</c>, <c>{"cancel":true}</c>, <c>{"advance":"PT2H"}</c>.
/// </summary>
internal static class BpmnRunCommand
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, Task<int>> usage, CancellationToken cancellationToken)
    {
        string? file = null, processId = null, varsJson = null, scriptFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--process" when i + 1 < args.Length:
                    processId = args[++i];
                    break;
                case "--vars" when i + 1 < args.Length:
                    varsJson = args[++i];
                    break;
                case "--script" when i + 1 < args.Length:
                    scriptFile = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return await usage($"unknown or incomplete option '{option}'");
                default:
                    if (file is not null)
                    {
                        return await usage("bpmn run takes one file");
                    }

                    file = args[i];
                    break;
            }
        }

        if (file is null)
        {
            return await usage("name the BPMN file to run");
        }

        var parsed = BpmnParser.ParseFile(file);
        foreach (var diagnostic in parsed.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            await stderr.WriteLineAsync(diagnostic.Format(file).AsMemory(), cancellationToken);
        }

        if (parsed.HasErrors)
        {
            return BpmnCommand.Invalid;
        }

        Dictionary<string, JsonNode?>? variables;
        JsonArray steps;
        try
        {
            variables = varsJson is null ? null : ToDictionary(JsonNode.Parse(varsJson) as JsonObject ?? throw new JsonException("--vars must be a JSON object"));
            steps = scriptFile is null
                ? []
                : JsonNode.Parse(await File.ReadAllTextAsync(scriptFile, cancellationToken)) as JsonArray ?? throw new JsonException("the script must be a JSON array of steps");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"bpmn run: {ex.Message}".AsMemory(), cancellationToken);
            return BpmnCommand.Invalid;
        }

        var registry = new InMemoryDefinitionRegistry();
        var deployed = registry.Deploy(parsed);
        var target = processId is null ? deployed.FirstOrDefault() : deployed.FirstOrDefault(d => d.Key == processId);
        if (target is null)
        {
            await stderr.WriteLineAsync($"bpmn run: {(processId is null ? "the file has no executable process" : $"no executable process '{processId}' in the file")}".AsMemory(), cancellationToken);
            return BpmnCommand.Invalid;
        }

        var store = new InMemoryWorkflowStore();
        var clock = new VirtualClock(TimeProvider.System.GetUtcNow());
        var calendar = BusinessCalendarFiles.TryLoadDefault();
        var engine = new WorkflowEngine(store, registry, new ServiceTaskHandlerRegistry(), new JintExpressionEvaluator(), clock, calendar,
            new WorkflowEngineOptions { UnknownHandlersAreNoOps = true });
        var started = await engine.StartAsync(new StartProcessRequest(target.Key) { Variables = variables }, cancellationToken);
        var snapshot = new RunSnapshot(store, started.InstanceId);
        await stdout.WriteLineAsync(snapshot.Line(0, final: false).AsMemory(), cancellationToken);

        for (var i = 0; i < steps.Count; i++)
        {
            var error = await ApplyAsync(engine, clock, calendar, snapshot, steps[i] as JsonObject, cancellationToken);
            if (error is not null)
            {
                await stderr.WriteLineAsync($"bpmn run: step {i + 1}: {error}".AsMemory(), cancellationToken);
                return BpmnCommand.Invalid;
            }

            await stdout.WriteLineAsync(snapshot.Line(i + 1, final: false).AsMemory(), cancellationToken);
        }

        foreach (var incident in snapshot.Incidents())
        {
            await stderr.WriteLineAsync($"incident at {incident.ElementId}: {incident.Message}".AsMemory(), cancellationToken);
        }

        await stdout.WriteLineAsync(snapshot.Line(steps.Count, final: true).AsMemory(), cancellationToken);
        return BpmnCommand.Valid;
    }

    private static async Task<string?> ApplyAsync(
        WorkflowEngine engine,
        VirtualClock clock,
        IBusinessCalendar? calendar,
        RunSnapshot snapshot,
        JsonObject? step,
        CancellationToken cancellationToken)
    {
        if (step is null)
        {
            return "a step must be a JSON object";
        }

        var vars = step["vars"] is JsonObject v ? ToDictionary(v) : null;
        try
        {
            if (step["complete"]?.GetValue<string>() is { } elementId)
            {
                var task = snapshot.OpenTasks().FirstOrDefault(t => t.ElementId == elementId);
                if (task is null)
                {
                    return $"no open task '{elementId}' (open: {string.Join(", ", snapshot.OpenTasks().Select(t => t.ElementId))})";
                }

                await engine.CompleteTaskAsync(task.Id, vars, "cli", cancellationToken);
            }
            else if (step["message"]?.GetValue<string>() is { } message)
            {
                var key = step["key"]?.ToString();
                await engine.CorrelateMessageAsync(message, key, vars, cancellationToken);
            }
            else if (step["cancel"]?.GetValue<bool>() == true)
            {
                await engine.CancelAsync(snapshot.RootId, "cli", "canceled by the script", cancellationToken);
            }
            else if (step["advance"]?.GetValue<string>() is { } advance)
            {
                if (!BpmnDuration.TryParse(advance, out var duration, out var durationError))
                {
                    return durationError;
                }

                await engine.AdvanceAsync(clock, duration.AddTo(clock.GetUtcNow(), calendar), cancellationToken);
            }
            else
            {
                return $"unknown step {step.ToJsonString()}";
            }
        }
        catch (WorkflowException ex)
        {
            return ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }

        return null;
    }

    private static Dictionary<string, JsonNode?> ToDictionary(JsonObject json) =>
        json.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);

    /// <summary>What the CLI reports about an instance and the instances it called.</summary>
    private sealed class RunSnapshot(InMemoryWorkflowStore store, Guid rootId)
    {
        public Guid RootId => rootId;

        private List<Guid> Family()
        {
            var ids = new List<Guid> { rootId };
            for (var i = 0; i < ids.Count; i++)
            {
                ids.AddRange(store.GetChildren(ids[i]).Select(c => c.Id));
            }

            return ids;
        }

        public List<UserTaskRecord> OpenTasks() =>
            Family().SelectMany(store.GetTasks).Where(t => t.Status == UserTaskStatus.Open)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.LoopCounter ?? 0).ThenBy(t => t.Id).ToList();

        public List<IncidentRecord> Incidents() =>
            Family().SelectMany(store.GetIncidents).Where(i => i.ResolvedAt is null).ToList();

        public string Line(int step, bool final)
        {
            var root = store.GetInstance(rootId)!;
            var family = Family();
            var instances = family.Select(id => store.GetInstance(id)!).ToList();
            var incidents = Incidents();
            var status = root.Status switch
            {
                InstanceStatus.Completed => "completed",
                InstanceStatus.Terminated or InstanceStatus.Canceled => "terminated",
                _ => incidents.Count > 0 ? "incident" : "active",
            };

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                json.WriteStartObject();
                json.WriteNumber("step", step);
                json.WriteString("status", status);
                WriteIds(json, "tasks", OpenTasks().Select(t => t.ElementId));
                WriteIds(json, "waiting", instances.Where(i => i.IsActive).SelectMany(i => WaitStates(i)));
                WriteIds(json, "incidents", incidents.Select(i => i.ElementId));
                if (final)
                {
                    json.WriteStartArray("completed");
                    foreach (var entry in store.GetHistory(family).Where(h => h.Type == HistoryEventType.NodeCompleted))
                    {
                        json.WriteStringValue(entry.ElementId);
                    }

                    json.WriteEndArray();
                    json.WritePropertyName("vars");
                    var vars = new JsonObject();
                    foreach (var (name, value) in root.Scopes.FirstOrDefault()?.Variables ?? [])
                    {
                        if (!name.StartsWith('$'))
                        {
                            vars[name] = value?.DeepClone();
                        }
                    }

                    vars.WriteTo(json);
                }

                json.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static IEnumerable<string> WaitStates(InstanceState instance)
        {
            // Catch events, receive tasks and event gateways: waiting tokens that hold no task, scope or called instance.
            return instance.Tokens.Where(t => t.Status == TokenStatus.Waiting && t.TaskId is null
                                              && t.ChildScopeId is null && t.ChildInstanceId is null)
                .Select(t => t.ElementId);
        }

        private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<string> ids)
        {
            json.WriteStartArray(name);
            foreach (var id in ids.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }
    }
}
