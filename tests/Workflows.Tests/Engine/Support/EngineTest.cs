using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Tests.Support;
using ApprovalHub.Workflows.Timers;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>
/// Base of every engine test. Each feature class is abstract and derived once per store
/// (StoreVariants.cs), so the same specification runs in memory, on SQLite and on PostgreSQL.
/// The clock is virtual and starts on Monday 2026-03-02 09:00 in China.
/// </summary>
public abstract class EngineTest : IAsyncLifetime
{
    private readonly IStoreFactory _factory;
    private WorkflowEngine? _engine;

    protected EngineTest(IStoreFactory factory) => _factory = factory;

    protected VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    protected InMemoryDefinitionRegistry Definitions { get; } = new();

    protected ServiceTaskHandlerRegistry Handlers { get; } = new();

    protected static BusinessCalendar Calendar { get; } = BusinessCalendarFiles.Load(Path.Combine(RepositoryPaths.Root, "definitions", "calendar"));

    protected IWorkflowStore Store { get; private set; } = null!;

    protected IWorkflowQueries Queries { get; private set; } = null!;

    protected WorkflowEngineOptions Options { get; } = new();

    protected WorkflowEngine Engine => _engine ??= new WorkflowEngine(Store, Definitions, Handlers, new JintExpressionEvaluator(), Clock, Calendar, Options);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => (Store, Queries) = await _factory.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeStoreAsync(Store);
        GC.SuppressFinalize(this);
    }

    protected DeployedProcess Deploy(string xml) => Definitions.Deploy(xml).First();

    /// <summary>Deploys a process whose body is given inline (see <see cref="Bpmn.Process"/>).</summary>
    protected DeployedProcess DeployBody(string body, string id = "p", string rootElements = "") =>
        Deploy(Bpmn.Process(body, id: id, rootElements: rootElements));

    protected async Task<Guid> StartAsync(string key = "p", object? vars = null, string? businessKey = null, int? version = null)
    {
        var started = await Engine.StartAsync(new StartProcessRequest(key) { Variables = Vars(vars), BusinessKey = businessKey, Version = version }, Ct);
        return started.InstanceId;
    }

    protected async Task<List<Guid>> FamilyAsync(Guid root)
    {
        var ids = new List<Guid> { root };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange((await Queries.GetChildrenAsync(ids[i], Ct)).Select(c => c.Id));
        }

        return ids;
    }

    protected async Task<List<UserTaskRecord>> OpenTaskRowsAsync(Guid instance)
    {
        var rows = new List<UserTaskRecord>();
        foreach (var id in await FamilyAsync(instance))
        {
            rows.AddRange((await Queries.GetTasksAsync(id, Ct)).Where(t => t.Status == UserTaskStatus.Open));
        }

        return [.. rows.OrderBy(t => t.CreatedAt).ThenBy(t => t.LoopCounter ?? 0).ThenBy(t => t.Id)];
    }

    /// <summary>Open user tasks of the instance and its called instances, as sorted element ids.</summary>
    protected async Task<string[]> OpenTasksAsync(Guid instance) =>
        [.. (await OpenTaskRowsAsync(instance)).Select(t => t.ElementId).Order(StringComparer.Ordinal)];

    protected async Task CompleteAsync(Guid instance, string elementId, object? vars = null, string? user = "tester")
    {
        var task = (await OpenTaskRowsAsync(instance)).FirstOrDefault(t => t.ElementId == elementId)
                   ?? throw new InvalidOperationException($"No open task {elementId}; open: {string.Join(", ", await OpenTasksAsync(instance))}");
        await Engine.CompleteTaskAsync(task.Id, Vars(vars), user, Ct);
    }

    protected Task<int> CorrelateAsync(string message, string? key = null, object? vars = null) =>
        Engine.CorrelateMessageAsync(message, key, Vars(vars), Ct);

    protected async Task<InstanceState> InstanceAsync(Guid instance) =>
        await Queries.GetInstanceAsync(instance, Ct) ?? throw new InvalidOperationException($"Instance {instance} not found");

    protected async Task<InstanceStatus> StatusAsync(Guid instance) => (await InstanceAsync(instance)).Status;

    /// <summary>Element ids in the order they completed, for the instance and the instances it called.</summary>
    protected async Task<string[]> CompletedAsync(Guid instance) =>
        [.. (await Queries.GetHistoryAsync(await FamilyAsync(instance), Ct)).Where(h => h.Type == HistoryEventType.NodeCompleted).Select(h => h.ElementId!)];

    protected async Task<JsonNode?> VarAsync(Guid instance, string name) =>
        (await InstanceAsync(instance)).Scopes[0].Variables.GetValueOrDefault(name);

    protected async Task<List<IncidentRecord>> IncidentsAsync(Guid instance)
    {
        var all = new List<IncidentRecord>();
        foreach (var id in await FamilyAsync(instance))
        {
            all.AddRange(await Queries.GetIncidentsAsync(id, Ct));
        }

        return all;
    }

    /// <summary>Element ids of tokens waiting at catch events, receive tasks and event gateways.</summary>
    protected async Task<string[]> WaitingAsync(Guid instance) =>
        [.. (await InstanceAsync(instance)).Tokens.Where(t => t.Status == TokenStatus.Waiting && t.TaskId is null && t.ChildScopeId is null && t.ChildInstanceId is null)
            .Select(t => t.ElementId).Order(StringComparer.Ordinal)];

    /// <summary>Moves the clock, firing every job that falls due on the way in due order.</summary>
    protected async Task AdvanceAsync(string duration)
    {
        await Engine.AdvanceAsync(Clock, BpmnDuration.Parse(duration).AddTo(Clock.GetUtcNow(), Calendar), Ct);
    }

    protected static IReadOnlyDictionary<string, JsonNode?>? Vars(object? vars) => vars switch
    {
        null => null,
        IReadOnlyDictionary<string, JsonNode?> ready => ready,
        _ => JsonSerializer.SerializeToNode(vars)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone()),
    };
}

/// <summary>Creates a fresh, empty store for one test.</summary>
public interface IStoreFactory
{
    ValueTask<(IWorkflowStore Store, IWorkflowQueries Queries)> CreateAsync(CancellationToken cancellationToken);

    ValueTask DisposeStoreAsync(IWorkflowStore store);
}

/// <summary>The in-memory store.</summary>
public sealed class MemoryStores : IStoreFactory
{
    public ValueTask<(IWorkflowStore Store, IWorkflowQueries Queries)> CreateAsync(CancellationToken cancellationToken)
    {
        var store = new InMemoryWorkflowStore();
        return ValueTask.FromResult<(IWorkflowStore, IWorkflowQueries)>((store, store));
    }

    public ValueTask DisposeStoreAsync(IWorkflowStore store) => ValueTask.CompletedTask;
}
