using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>Embedded subprocesses, multi-instance bodies, scope completion and cancellation.</summary>
internal sealed partial class InstanceRun
{
    private void EnterSubProcess(TokenState token, SubProcess subProcess)
    {
        var start = subProcess.Inner.StartEvents.FirstOrDefault(s => s.Trigger == EventDefinitionKind.None);
        if (start is null)
        {
            RaiseIncident(token, IncidentKind.NoFlowMatched, $"Subprocess '{subProcess.DisplayName}' has no none start event.");
            return;
        }

        var scope = OpenScope(ScopeKind.SubProcess, subProcess.Id, token);
        token.Status = TokenStatus.Waiting;
        ActivateBoundaries(token, subProcess);
        Schedule(NewToken(scope.Id, start.Id));
    }

    private ScopeState OpenScope(ScopeKind kind, string elementId, TokenState owner)
    {
        var scope = new ScopeState
        {
            Id = State.NewId('s'),
            ElementId = elementId,
            Kind = kind,
            ParentId = owner.ScopeId,
            ParentTokenId = owner.Id,
        };
        State.Scopes.Add(scope);
        owner.ChildScopeId = scope.Id;
        Changed = true;
        return scope;
    }

    /// <summary>The last token of a scope ended: finish what the scope belongs to.</summary>
    private void CompleteScope(ScopeState scope)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                FinishInstance(InstanceStatus.Completed);
                break;
            case ScopeKind.SubProcess:
            {
                State.Scopes.Remove(scope);
                var owner = FindToken(scope.ParentTokenId);
                if (owner is not null)
                {
                    owner.ChildScopeId = null;
                    Guard(owner, () => LeaveActivity(owner, (Activity)Definition.Node(owner.ElementId)));
                }

                break;
            }

            default:
                // Multi-instance items end through CompleteMultiInstanceItem, bodies through the completion rule.
                State.Scopes.Remove(scope);
                break;
        }
    }

    /// <summary>
    /// Ends the instance: no tokens remain. A called instance reports back to its caller, unless an
    /// error is on its way up instead (<paramref name="reportToCaller"/> false).
    /// </summary>
    private void FinishInstance(InstanceStatus status, bool reportToCaller = true)
    {
        foreach (var token in State.Tokens.ToList())
        {
            CancelToken(token);
        }

        State.Status = status;
        State.EndedAt = Now;
        Changed = true;
        Record(status == InstanceStatus.Completed ? HistoryEventType.InstanceCompleted : HistoryEventType.InstanceTerminated, null);
        if (reportToCaller && State.ParentInstanceId is { } parent && State.ParentTokenId is { } parentToken)
        {
            _command.Enqueue(new AgendaItem.ResumeParent(parent, parentToken, State.Scopes[0].Variables));
        }
    }

    /// <summary>Cancels the instance and everything it started.</summary>
    public void Cancel(string? userId, string? reason)
    {
        if (!State.IsActive)
        {
            return;
        }

        foreach (var token in State.Tokens.ToList())
        {
            CancelToken(token);
        }

        State.Status = InstanceStatus.Canceled;
        State.EndedAt = Now;
        Changed = true;
        Record(HistoryEventType.InstanceCanceled, null, userId, reason);
    }

    /// <summary>
    /// Removes a token and what hangs off it: its user task, subscriptions and timers, the scope it
    /// opened (with all tokens inside), the instance it called.
    /// </summary>
    private void CancelToken(TokenState token)
    {
        if (!State.Tokens.Remove(token))
        {
            return;
        }

        Changed = true;
        _joinCheckPending = true;
        Unsubscribe(token);
        if (token.TaskId is { } taskId)
        {
            _command.CancelTask(taskId);
            Record(HistoryEventType.TaskCanceled, token.ElementId, detail: taskId.ToString());
        }

        if (token.ChildScopeId is { } childScopeId && FindScope(childScopeId) is { } child)
        {
            CancelScope(child);
        }

        if (token.ChildInstanceId is { } childInstance)
        {
            _command.Enqueue(new AgendaItem.CancelChild(childInstance));
        }

        if (token.Status is TokenStatus.Waiting or TokenStatus.Incident)
        {
            Record(HistoryEventType.NodeCanceled, token.ElementId);
        }
    }

    private void CancelScope(ScopeState scope)
    {
        foreach (var token in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            CancelToken(token);
        }

        foreach (var nested in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            CancelScope(nested);
        }

        State.Scopes.Remove(scope);
    }

    #region Multi-instance

    private bool IsMultiInstanceItem(TokenState token, Activity activity)
    {
        var scope = FindScope(token.ScopeId);
        return scope is { Kind: ScopeKind.MultiInstanceItem } && scope.ElementId == activity.Id;
    }

    /// <summary>
    /// A token reached a multi-instance activity: open the body with nrOfInstances and its counters,
    /// then one item per instance (all at once when parallel, one after another when sequential).
    /// </summary>
    private void EnterMultiInstance(TokenState token, Activity activity)
    {
        var loop = activity.MultiInstance!;
        var view = ViewOf(token);
        JsonArray? items = null;
        int count;
        if (loop.Collection is { } collection)
        {
            items = Services.Expressions.Collection(collection, view, activity.Id);
            count = items.Count;
        }
        else
        {
            count = Services.Expressions.Count(loop.Cardinality ?? "0", view, activity.Id);
        }

        var body = OpenScope(ScopeKind.MultiInstanceBody, activity.Id, token);
        body.Variables["nrOfInstances"] = count;
        body.Variables["nrOfActiveInstances"] = 0;
        body.Variables["nrOfCompletedInstances"] = 0;
        if (items is not null)
        {
            body.Variables[ItemsVariable] = items.DeepClone();
        }

        token.Status = TokenStatus.Waiting;
        ActivateBoundaries(token, activity);
        if (count == 0)
        {
            FinishMultiInstance(token, activity, body);
            return;
        }

        var first = loop.IsSequential ? 1 : count;
        for (var i = 0; i < first; i++)
        {
            OpenItem(body, activity, i);
        }
    }

    /// <summary>Where a body keeps the collection it iterates; names starting with '$' are internal.</summary>
    internal const string ItemsVariable = "$items";

    private void OpenItem(ScopeState body, Activity activity, int index)
    {
        var item = new ScopeState
        {
            Id = State.NewId('s'),
            ElementId = activity.Id,
            Kind = ScopeKind.MultiInstanceItem,
            ParentId = body.Id,
        };
        item.Variables["loopCounter"] = index;
        if (activity.MultiInstance!.ElementVariable is { Length: > 0 } elementVariable
            && body.Variables.TryGetValue(ItemsVariable, out var items) && items is JsonArray array)
        {
            item.Variables[elementVariable] = array[index]?.DeepClone();
        }

        State.Scopes.Add(item);
        body.Variables["nrOfActiveInstances"] = Int(body, "nrOfActiveInstances") + 1;
        Schedule(NewToken(item.Id, activity.Id));
    }

    /// <summary>
    /// One instance finished: update the counters, then evaluate the completion condition (in the
    /// finished item's view, so 或签 can say ${approved}); finish the activity when it holds or all
    /// instances are done, else start the next sequential instance.
    /// </summary>
    private void CompleteMultiInstanceItem(TokenState token, Activity activity)
    {
        var item = ScopeOf(token);
        var body = FindScope(item.ParentId)!;
        var owner = FindToken(body.ParentTokenId)!;
        body.Variables["nrOfActiveInstances"] = Int(body, "nrOfActiveInstances") - 1;
        body.Variables["nrOfCompletedInstances"] = Int(body, "nrOfCompletedInstances") + 1;
        var completed = Int(body, "nrOfCompletedInstances");
        var total = Int(body, "nrOfInstances");
        var done = completed >= total;
        if (!done && activity.MultiInstance!.CompletionCondition is { } condition)
        {
            done = Services.Expressions.Condition(condition, new VariableView(State, item), activity.Id);
        }

        State.Tokens.Remove(token);
        State.Scopes.Remove(item);
        Changed = true;
        if (done)
        {
            FinishMultiInstance(owner, activity, body);
        }
        else if (activity.MultiInstance!.IsSequential)
        {
            OpenItem(body, activity, completed);
        }
    }

    private void FinishMultiInstance(TokenState owner, Activity activity, ScopeState body)
    {
        // Instances still running when the completion condition holds are canceled (或签: one approval is enough).
        foreach (var item in State.Scopes.Where(s => s.ParentId == body.Id).ToList())
        {
            CancelScope(item);
        }

        // Each instance was recorded as completed when it finished; the body adds no entry of its own.
        State.Scopes.Remove(body);
        owner.ChildScopeId = null;
        Unsubscribe(owner);
        owner.Status = TokenStatus.Ready;
        Guard(owner, () => TakeOutgoing(owner, activity));
    }

    private static int Int(ScopeState scope, string name) =>
        scope.Variables.TryGetValue(name, out var value) && value is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    #endregion
}
