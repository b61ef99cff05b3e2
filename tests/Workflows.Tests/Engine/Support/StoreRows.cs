using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>Hand-made instance states and rows for tests that talk to a store directly, without the engine.</summary>
internal static class StoreRows
{
    /// <summary>Monday 2026-03-02 09:00 in China, as the engine tests' clock.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A new instance (revision 1 once inserted) with one waiting token and a variable.</summary>
    public static InstanceState Instance(string? businessKey = null, Guid? parent = null, DateTimeOffset? startedAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        DefinitionId = Guid.CreateVersion7(),
        ProcessKey = "p",
        Version = 1,
        BusinessKey = businessKey,
        ParentInstanceId = parent,
        StartedAt = startedAt ?? T0,
        Revision = 1,
        NextId = 2,
        Scopes =
        [
            new ScopeState
            {
                Id = "s0", ElementId = "p", Kind = ScopeKind.Process, Variables = { ["申请人"] = JsonValue.Create("王五") },
            },
        ],
        Tokens = [new TokenState { Id = "t1", ScopeId = "s0", ElementId = "wait", Status = TokenStatus.Waiting }],
    };

    /// <summary>A change set inserting <paramref name="state"/>.</summary>
    public static ChangeSet Insert(InstanceState state)
    {
        var changes = new ChangeSet();
        changes.Write(state, 0);
        return changes;
    }

    /// <summary>A change set moving <paramref name="loaded"/> to its next revision, as a command would.</summary>
    public static ChangeSet Update(InstanceState loaded, Action<InstanceState>? change = null)
    {
        var next = loaded.Clone();
        change?.Invoke(next);
        next.Revision = loaded.Revision + 1;
        var changes = new ChangeSet();
        changes.Write(next, loaded.Revision);
        return changes;
    }

    public static UserTaskRecord Task(Guid instanceId, string elementId = "review") => new()
    {
        Id = Guid.CreateVersion7(),
        InstanceId = instanceId,
        DefinitionId = Guid.CreateVersion7(),
        ProcessKey = "p",
        ProcessVersion = 1,
        TokenId = "t1",
        ElementId = elementId,
        CandidateGroups = ["regulator", "county,330106"],
        CreatedAt = T0,
    };

    public static MessageSubscriptionRecord Subscription(
        Guid instanceId,
        string messageName,
        string? correlationKey,
        string tokenId = "t1") => new()
    {
        Id = Guid.CreateVersion7(),
        MessageName = messageName,
        CorrelationKey = correlationKey,
        InstanceId = instanceId,
        TokenId = tokenId,
        ElementId = "catch",
        CreatedAt = T0,
    };

    public static JobRecord Job(Guid instanceId, DateTimeOffset dueAt, string tokenId = "t1") => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = JobKind.Timer,
        InstanceId = instanceId,
        TokenId = tokenId,
        ElementId = "timer",
        DueAt = dueAt,
        CreatedAt = T0,
    };

    public static InboxMessageRecord Inbox(
        string messageName,
        string? correlationKey,
        DateTimeOffset receivedAt,
        TimeSpan timeToLive) => new()
    {
        Id = Guid.CreateVersion7(),
        MessageName = messageName,
        CorrelationKey = correlationKey,
        VariablesJson = """{"结果":"合格"}""",
        ReceivedAt = receivedAt,
        ExpiresAt = receivedAt + timeToLive,
    };

    public static IncidentRecord Incident(Guid instanceId, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        InstanceId = instanceId,
        TokenId = "t1",
        ElementId = "failing",
        Kind = IncidentKind.HandlerFailure,
        Message = "registry unavailable",
        CreatedAt = T0,
    };

    public static HistoryEvent History(Guid instanceId, string elementId) =>
        new(instanceId, T0, HistoryEventType.NodeCompleted, elementId);
}
