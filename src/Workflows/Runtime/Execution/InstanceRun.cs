using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// Runs the tokens of one process instance inside a command: every token is pushed forward until
/// it waits (task, message, timer, join, child scope) or ends. Changes to rows other than the
/// instance itself (tasks, subscriptions, jobs, incidents, history) go to the command's
/// change set; effects on other instances (call activities, thrown messages) go to the command's
/// agenda. Split by concern: flow (this file), activities, gateways, events, scopes and
/// multi-instance, errors.
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly CommandRun _command;
    private readonly Queue<TokenState> _ready = new();
    private readonly HashSet<string> _joiningInclusive = new(StringComparer.Ordinal);
    private bool _joinCheckPending;
    private TokenState? _leaving;

    public InstanceRun(CommandRun command, InstanceState state, DeployedProcess definition, long loadedRevision)
    {
        _command = command;
        State = state;
        Definition = definition;
        LoadedRevision = loadedRevision;
        foreach (var token in state.Tokens)
        {
            if (token.Status == TokenStatus.Joining && definition.Node(token.ElementId).Kind == Model.FlowNodeKind.InclusiveGateway)
            {
                _joiningInclusive.Add(token.ElementId);
            }
        }
    }

    /// <summary>The working copy of the instance.</summary>
    public InstanceState State { get; }

    /// <summary>The definition version the instance runs on.</summary>
    public DeployedProcess Definition { get; }

    /// <summary>The stored revision this copy was loaded at; 0 for an instance created by the command.</summary>
    public long LoadedRevision { get; }

    /// <summary>True once anything changed, so the command writes the instance back.</summary>
    public bool Changed { get; private set; }

    /// <summary>True when tokens are ready, or something moved since inclusive joins were last examined.</summary>
    public bool HasReadyTokens => _ready.Count > 0 || (_joinCheckPending && _joiningInclusive.Count > 0);

    private EngineServices Services => _command.Services;

    private DateTimeOffset Now => _command.Now;

    #region Entry points

    /// <summary>Creates the process scope and a token at the start event.</summary>
    public void Start(BpmnEvent startEvent, IReadOnlyDictionary<string, JsonNode?>? variables, string? initiator)
    {
        var scope = new ScopeState { Id = State.NewId('s'), ElementId = Definition.Key, Kind = ScopeKind.Process };
        if (variables is not null)
        {
            foreach (var (name, value) in variables)
            {
                scope.Variables[name] = value;
            }
        }

        State.StartedBy = initiator;
        if (startEvent.Extension("initiator") is { Length: > 0 } initiatorVariable && initiator is not null)
        {
            scope.Variables[initiatorVariable] = JsonValue.Create(initiator);
        }

        State.Scopes.Add(scope);
        Record(HistoryEventType.InstanceStarted, null, initiator);
        var token = NewToken(scope.Id, startEvent.Id);
        Schedule(token);
    }

    /// <summary>Runs until every token waits or ends.</summary>
    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_ready.TryDequeue(out var token))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (token.Status != TokenStatus.Ready || !State.Tokens.Contains(token) || !State.IsActive)
                {
                    continue;
                }

                try
                {
                    await ExecuteAsync(token, cancellationToken);
                }
                catch (ExpressionFailedException ex)
                {
                    // Expressions are evaluated before a step changes anything, so the token stops where it stands.
                    RaiseIncident(token, IncidentKind.ExpressionFailure, ex.Message);
                }
            }

            // An inclusive join may become able to fire only after other tokens moved on or ended
            // elsewhere, so joins are re-examined once the agenda is empty.
            if (!_joinCheckPending)
            {
                break;
            }

            _joinCheckPending = false;
            if (!TryFireInclusiveJoins())
            {
                break;
            }
        }
    }

    #endregion

    #region Token bookkeeping

    private TokenState NewToken(string scopeId, string elementId, string? arrivedVia = null)
    {
        var token = new TokenState { Id = State.NewId('t'), ScopeId = scopeId, ElementId = elementId, ArrivedVia = arrivedVia };
        State.Tokens.Add(token);
        Changed = true;
        return token;
    }

    private void Schedule(TokenState token)
    {
        token.Status = TokenStatus.Ready;
        _ready.Enqueue(token);
        Changed = true;
        _joinCheckPending = true;
    }

    private TokenState? FindToken(string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var token in State.Tokens)
        {
            if (token.Id == id)
            {
                return token;
            }
        }

        return null;
    }

    private ScopeState ScopeOf(TokenState token) => FindScope(token.ScopeId)
        ?? throw new InvalidOperationException($"Internal engine bug: token {token.Id} is in unknown scope {token.ScopeId} of instance {State.Id}. Please report it.");

    private ScopeState? FindScope(string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var scope in State.Scopes)
        {
            if (scope.Id == id)
            {
                return scope;
            }
        }

        return null;
    }

    private VariableView ViewOf(TokenState token) => new(State, ScopeOf(token));

    private void Record(HistoryEventType type, string? elementId, string? userId = null, string? detail = null)
    {
        _command.Record(new HistoryEvent(State.Id, Now, type, elementId, userId, detail));
    }

    #endregion

    #region Flow

    private ValueTask ExecuteAsync(TokenState token, CancellationToken cancellationToken)
    {
        var node = Definition.Node(token.ElementId);
        if (DefersToJob(token, node))
        {
            ScheduleContinuation(token, attempt: 1, Now, lastError: null);
            return ValueTask.CompletedTask;
        }

        if (node is Activity activity && activity.MultiInstance is not null && !IsMultiInstanceItem(token, activity))
        {
            EnterMultiInstance(token, activity);
            return ValueTask.CompletedTask;
        }

        switch (node)
        {
            case BpmnEvent bpmnEvent:
                ExecuteEvent(token, bpmnEvent);
                return ValueTask.CompletedTask;
            case Gateway gateway:
                ExecuteGateway(token, gateway);
                return ValueTask.CompletedTask;
            case BpmnTask task:
                return ExecuteTaskAsync(token, task, cancellationToken);
            case SubProcess subProcess:
                EnterSubProcess(token, subProcess);
                return ValueTask.CompletedTask;
            case CallActivity call:
                return EnterCallActivityAsync(token, call, cancellationToken);
            default:
                throw new InvalidOperationException($"Internal engine bug: no execution for {node.Kind} '{node.Id}'. Please report it.");
        }
    }

    /// <summary>
    /// Leaves a node along its outgoing flows. Activities and events take every flow whose condition
    /// holds (or that has none); the default flow only when no conditional flow is taken. A node with
    /// no outgoing flow ends the token there (an implicit end).
    /// </summary>
    private void TakeOutgoing(TokenState token, FlowNode node)
    {
        // An incident raised while choosing flows is retried by choosing again, not by re-running the node.
        _leaving = token;
        try
        {
            TakeOutgoingFlows(token, node);
        }
        catch (ExpressionFailedException ex)
        {
            // Conditions are all evaluated before any token moves, so nothing has moved yet.
            RaiseIncident(token, IncidentKind.ExpressionFailure, ex.Message);
        }
        finally
        {
            _leaving = null;
        }
    }

    private void TakeOutgoingFlows(TokenState token, FlowNode node)
    {
        var outgoing = node.Outgoing;
        if (outgoing.IsEmpty)
        {
            EndToken(token);
            return;
        }

        if (outgoing.Length == 1 && outgoing[0].Condition is null)
        {
            MoveAlong(token, outgoing[0]);
            return;
        }

        var selected = new List<SequenceFlow>(outgoing.Length);
        SequenceFlow? fallback = null;
        foreach (var flow in outgoing)
        {
            if (flow.IsDefault)
            {
                fallback = flow;
            }
            else if (flow.Condition is null || Services.Expressions.Condition(flow.Condition, ViewOf(token), flow.Id))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && fallback is not null)
        {
            selected.Add(fallback);
        }

        if (selected.Count == 0)
        {
            RaiseIncident(token, IncidentKind.NoFlowMatched,
                $"No outgoing flow of '{node.DisplayName}' has a condition that holds, and it has no default flow.");
            return;
        }

        MoveAlong(token, selected);
    }

    private void MoveAlong(TokenState token, SequenceFlow flow)
    {
        token.Attempt = 0;
        token.ElementId = flow.TargetRef;
        token.ArrivedVia = flow.Id;
        Schedule(token);
    }

    private void MoveAlong(TokenState token, List<SequenceFlow> flows)
    {
        for (var i = 1; i < flows.Count; i++)
        {
            Schedule(NewToken(token.ScopeId, flows[i].TargetRef, flows[i].Id));
        }

        MoveAlong(token, flows[0]);
    }

    /// <summary>A token reached an end (or an implicit end): remove it and complete its scope if it was the last.</summary>
    private void EndToken(TokenState token)
    {
        State.Tokens.Remove(token);
        Changed = true;
        _joinCheckPending = true;
        var scope = FindScope(token.ScopeId);
        if (scope is not null && !State.Tokens.Exists(t => t.ScopeId == scope.Id))
        {
            CompleteScope(scope);
        }
    }

    #endregion
}
