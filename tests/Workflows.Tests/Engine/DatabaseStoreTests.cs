using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Tests.Engine.Support;
using ApprovalHub.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprovalHub.Workflows.Tests.Engine.Support.StoreRows;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>
/// What only a database store can get wrong: transactions that roll back halfway through, the
/// stored JSON, and definitions read from the <c>ProcessDefinitions</c> table.
/// </summary>
public abstract class DatabaseStoreTests(IDatabaseStores stores) : EngineTest(stores)
{
    private readonly IDatabaseStores _database = stores;

    [Fact]
    public async Task A_change_set_failing_midway_leaves_nothing_behind()
    {
        var (state, task, incident) = await SeedWaitingInstanceAsync();

        // Deletes and the task cancellation run before the inserts; the last insert collides.
        var changes = Update((await Store.LoadInstanceAsync(state.Id, Ct))!, s => s.Status = InstanceStatus.Canceled);
        changes.DeleteSubscriptions(state.Id, "t1");
        changes.DeleteJobs(state.Id, "t1");
        changes.CanceledTasks[task.Id] = T0.AddHours(1);
        changes.NewTasks.Add(Task(state.Id, "new"));
        changes.History.Add(History(state.Id, "canceled"));
        changes.NewIncidents.Add(Incident(state.Id, incident.Id));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(changes, Ct).AsTask());

        await AssertUnchangedAsync(state.Id);
    }

    [Fact]
    public async Task A_failure_that_is_no_conflict_surfaces_as_it_is_and_leaves_nothing_behind()
    {
        var (state, task, _) = await SeedWaitingInstanceAsync();
        var changes = Update((await Store.LoadInstanceAsync(state.Id, Ct))!, s => s.Status = InstanceStatus.Canceled);
        changes.DeleteSubscriptions(state.Id, "t1");
        changes.CanceledTasks[task.Id] = T0.AddHours(1);
        var broken = Incident(state.Id);
        changes.NewIncidents.Add(new IncidentRecord
        {
            Id = broken.Id, InstanceId = state.Id, TokenId = "t1", ElementId = "x", Kind = IncidentKind.HandlerFailure,
            Message = null!, CreatedAt = T0,
        });

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => Store.CommitAsync(changes, Ct).AsTask());

        Assert.IsNotType<DbUpdateConcurrencyException>(failure);
        await AssertUnchangedAsync(state.Id);
    }

    [Fact]
    public async Task An_inbox_message_is_consumed_by_one_command_only()
    {
        var message = Inbox("检验报告", "SY-1", T0, TimeSpan.FromDays(1));
        var insert = new ChangeSet();
        insert.NewInbox.Add(message);
        await Store.CommitAsync(insert, Ct);
        var first = new ChangeSet();
        first.ConsumedInbox.Add(message.Id);
        var second = new ChangeSet();
        second.ConsumedInbox.Add(message.Id);
        second.History.Add(History(Guid.CreateVersion7(), "second"));

        await Store.CommitAsync(first, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(second, Ct).AsTask());

        Assert.Null(await Store.FindInboxMessageAsync("检验报告", "SY-1", T0, Ct));
        await using var db = _database.Contexts();
        Assert.Equal(0, await db.History.CountAsync(Ct));
    }

    [Fact]
    public async Task Instance_state_is_stored_as_compact_json_with_chinese_text_as_is()
    {
        var state = Instance();
        await Store.CommitAsync(Insert(state), Ct);

        await using var db = _database.Contexts();
        var json = await db.Instances.Where(i => i.Id == state.Id).Select(i => i.State).SingleAsync(Ct);

        Assert.Equal("""{"n":2,"s":[{"i":"s0","e":"p","v":{"申请人":"王五"}}],"t":[{"i":"t1","s":"s0","e":"wait","st":1}]}""", json);
    }

    [Fact]
    public async Task Definitions_come_from_the_table_and_each_version_is_compiled_once()
    {
        await DeployAsync(Bpmn.Process(Body("v1")));
        var second = await DeployAsync(Bpmn.Process(Body("v2")));
        var draft = await DeployAsync(Bpmn.Process(Body("v3")));
        await using (var db = _database.Contexts())
        {
            await db.ProcessDefinitions.Where(d => d.Id == draft.DefinitionId)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, ProcessDefinitionStatus.Draft), Ct);
        }

        var source = new DbProcessDefinitionSource(_database.Contexts);

        var latest = await source.GetLatestAsync("p", Ct);
        Assert.Equal((second.DefinitionId, 2), (latest!.Id, latest.Version));
        Assert.Same(latest, await source.GetAsync(second.DefinitionId, Ct));
        Assert.Equal(1, (await source.GetVersionAsync("p", 1, Ct))!.Version);
        Assert.Null(await source.GetVersionAsync("p", 3, Ct));
        Assert.Equal(3, (await source.GetAsync(draft.DefinitionId, Ct))!.Version);
        Assert.Null(await source.GetLatestAsync("unknown", Ct));
        Assert.Null(await source.GetAsync(Guid.CreateVersion7(), Ct));
    }

    [Fact]
    public async Task Message_starts_are_found_on_the_latest_published_versions()
    {
        var messages = """<message id="m" name="整改完成" />""";
        await DeployAsync(Bpmn.Process(Body("a"), id: "a", rootElements: messages));
        var b = await DeployAsync(Bpmn.Process(MessageStartBody, id: "b", rootElements: messages));
        await DeployAsync(Bpmn.Process(MessageStartBody, id: "c", rootElements: messages));
        await DeployAsync(Bpmn.Process(Body("c2"), id: "c", rootElements: messages));
        var source = new DbProcessDefinitionSource(_database.Contexts);

        var found = await source.FindMessageStartsAsync("整改完成", Ct);

        Assert.Equal([b.DefinitionId], found.Select(d => d.Id));
        Assert.Same(found[0], Assert.Single(await source.FindMessageStartsAsync("整改完成", Ct)));
        Assert.Empty(await source.FindMessageStartsAsync("其他", Ct));
    }

    [Fact]
    public async Task The_engine_runs_on_the_database_alone()
    {
        await DeployAsync(Bpmn.Straight);
        var definitions = new DbProcessDefinitionSource(_database.Contexts);
        var engine = new WorkflowEngine(Store, definitions, Handlers, new JintExpressionEvaluator(), Clock, Calendar);

        var started = await engine.StartAsync(new StartProcessRequest("p") { BusinessKey = "SY-2026-0002" }, Ct);
        var task = Assert.Single(await Queries.GetTasksAsync(started.InstanceId, Ct));
        await engine.CompleteTaskAsync(task.Id, null, "wang", Ct);

        Assert.Equal(InstanceStatus.Completed, (await Queries.GetInstanceAsync(started.InstanceId, Ct))!.Status);
        var completed = (await Store.LoadTaskAsync(task.Id, Ct))!;
        Assert.Equal(
            ("审核", "wang", UserTaskStatus.Completed, 2L),
            (completed.Name, completed.CompletedBy, completed.Status, completed.Revision));
    }

    private const string MessageStartBody = """
        <startEvent id="start"><messageEventDefinition messageRef="m" /></startEvent>
        <sequenceFlow id="f1" sourceRef="start" targetRef="end" />
        <endEvent id="end" />
        """;

    private static string Body(string taskName) => $"""
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
        <userTask id="work" name="{taskName}" />
        <sequenceFlow id="f2" sourceRef="work" targetRef="end" />
        <endEvent id="end" />
        """;

    private async Task<DeployedVersion> DeployAsync(string xml)
    {
        await using var db = _database.Contexts();
        var result = await new DefinitionDeployer(db, TimeProvider.System).DeployAsync(new DeploymentRequest(xml, "tests"), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Processes);
    }

    /// <summary>An instance at revision 1 with a subscription, a timer, an open task and an incident.</summary>
    private async Task<(InstanceState State, UserTaskRecord Task, IncidentRecord Incident)> SeedWaitingInstanceAsync()
    {
        var state = Instance();
        var task = Task(state.Id);
        var incident = Incident(state.Id);
        var insert = Insert(state);
        insert.NewSubscriptions.Add(Subscription(state.Id, "m", null));
        insert.NewJobs.Add(Job(state.Id, T0.AddDays(1)));
        insert.NewTasks.Add(task);
        insert.NewIncidents.Add(incident);
        insert.History.Add(History(state.Id, "start"));
        await Store.CommitAsync(insert, Ct);
        return (state, task, incident);
    }

    private async Task AssertUnchangedAsync(Guid instanceId)
    {
        var stored = (await Queries.GetInstanceAsync(instanceId, Ct))!;
        Assert.Equal((1L, InstanceStatus.Active), (stored.Revision, stored.Status));
        Assert.Single(await Queries.GetSubscriptionsAsync(instanceId, Ct));
        Assert.Single(await Queries.GetJobsAsync(instanceId, Ct));
        var task = Assert.Single(await Queries.GetTasksAsync(instanceId, Ct));
        Assert.Equal((UserTaskStatus.Open, null, 1L), (task.Status, task.EndedAt, task.Revision));
        Assert.Single(await Queries.GetIncidentsAsync(instanceId, Ct));
        Assert.Equal(["start"], (await Queries.GetHistoryAsync([instanceId], Ct)).Select(h => h.ElementId));
    }
}
