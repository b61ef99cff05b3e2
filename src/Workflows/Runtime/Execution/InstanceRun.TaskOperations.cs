using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

// Token moves behind the task operations: return to an earlier step, withdraw a completion, and
// adding or removing a signer of a multi-instance task. Refusals are InvalidOperationException
// with a message for the official; the engine turns them into conflicts.
internal sealed partial class InstanceRun
{
    /// <summary>The case's region (the process variable <c>regionCode</c>), if it has one.</summary>
    public string? RegionCode =>
        State.Scopes.Count > 0 && State.Scopes[0].Variables.GetValueOrDefault("regionCode") is JsonValue value && value.TryGetValue(out string? code) ? code : null;

    /// <summary>Sets variables as seen from a task's token (its subprocess or multi-instance item, else the process).</summary>
    public void SetTaskVariables(UserTaskRecord task, IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        var token = WaitingAt(task);
        SetVariables(token, variables, userId);
        Changed = true;
    }

    /// <summary>退回: cancels the task and sends its token back to an earlier user task of the same flow.</summary>
    public void ReturnTo(UserTaskRecord task, string targetElementId, string userId, string comment)
    {
        var token = WaitingAt(task);
        var current = Definition.Node(token.ElementId);
        if (Definition.Process.FindNode(targetElementId) is not BpmnTask { Kind: FlowNodeKind.UserTask } target)
        {
            throw new InvalidOperationException($"'{targetElementId}' is not a user task of {Definition.Key}; a case can only be returned to a step someone works on.");
        }

        if (!ReferenceEquals(target.Scope, current.Scope) || !ComesBefore(target, current))
        {
            throw new InvalidOperationException($"'{target.DisplayName}' is not an earlier step of '{current.DisplayName}' in the same flow.");
        }

        if (ScopeOf(token).Kind == ScopeKind.MultiInstanceItem)
        {
            throw new InvalidOperationException($"'{current.DisplayName}' is one signature of several (会签); return the case from the step that collects them.");
        }

        if (State.Tokens.Exists(t => !ReferenceEquals(t, token) && t.ScopeId == token.ScopeId))
        {
            throw new InvalidOperationException($"Other branches of '{current.DisplayName}''s flow are still open; the case can be returned once they have joined.");
        }

        CancelToken(token);
        Record(HistoryEventType.TaskReturned, current.Id, userId, $"→ {target.Id}: {comment}");
        Schedule(NewToken(token.ScopeId, target.Id));
    }

    /// <summary>撤回: cancels the tasks a completion opened and opens the completed task again.</summary>
    public void Withdraw(UserTaskRecord completed, IReadOnlyList<UserTaskRecord> next, string userId, string? comment)
    {
        var tokens = next.Select(WaitingAt).ToList();
        var scopeId = tokens[0].ScopeId;
        var element = Definition.Node(completed.ElementId);
        if (tokens.Exists(t => t.ScopeId != scopeId) || !ReferenceEquals(Definition.Node(tokens[0].ElementId).Scope, element.Scope))
        {
            throw new InvalidOperationException($"'{element.DisplayName}' led into another part of the flow; it can no longer be withdrawn.");
        }

        foreach (var token in tokens)
        {
            CancelToken(token);
        }

        Record(HistoryEventType.TaskWithdrawn, completed.ElementId, userId, comment);
        Schedule(NewToken(scopeId, completed.ElementId));
    }

    /// <summary>加签: one more item of a running parallel multi-instance activity, for <paramref name="signer"/>.</summary>
    public void AddSigner(UserTaskRecord task, string signer, string userId, string? comment)
    {
        var token = WaitingAt(task);
        var (_, body, activity) = MultiInstanceOf(token);
        if (activity.MultiInstance!.IsSequential)
        {
            throw new InvalidOperationException($"'{activity.DisplayName}' signs one after another; add signers to a parallel 会签 only.");
        }

        var index = Int(body, "nrOfInstances");
        body.Variables["nrOfInstances"] = index + 1;
        if (body.Variables.GetValueOrDefault(ItemsVariable) is JsonArray items)
        {
            items.Add(JsonValue.Create(signer));
        }
        else if (activity.MultiInstance.ElementVariable is null)
        {
            throw new InvalidOperationException($"'{activity.DisplayName}' does not iterate over a list of signers (ah:collection), so a signer cannot be added.");
        }

        Record(HistoryEventType.SignerAdded, activity.Id, userId, $"+ {signer}: {comment}");
        OpenItem(body, activity, index);
    }

    /// <summary>减签: cancels one signer's pending task; the activity completes if the others are done.</summary>
    public void RemoveSigner(UserTaskRecord task, string userId, string? comment)
    {
        var token = WaitingAt(task);
        var (item, body, activity) = MultiInstanceOf(token);
        if (activity.MultiInstance!.IsSequential)
        {
            throw new InvalidOperationException($"'{activity.DisplayName}' signs one after another; remove signers from a parallel 会签 only.");
        }

        if (Int(body, "nrOfActiveInstances") <= 1 && Int(body, "nrOfCompletedInstances") == 0)
        {
            throw new InvalidOperationException($"'{task.Assignee ?? task.ElementId}' is the last signer of '{activity.DisplayName}'; it cannot be removed.");
        }

        CancelScope(item);
        State.Scopes.Remove(item);
        body.Variables["nrOfInstances"] = Int(body, "nrOfInstances") - 1;
        body.Variables["nrOfActiveInstances"] = Int(body, "nrOfActiveInstances") - 1;
        Record(HistoryEventType.SignerRemoved, activity.Id, userId, $"- {task.Assignee}: {comment}");
        Changed = true;
        if (Int(body, "nrOfCompletedInstances") >= Int(body, "nrOfInstances"))
        {
            FinishMultiInstance(FindToken(body.ParentTokenId)!, activity, body);
        }
    }

    private TokenState WaitingAt(UserTaskRecord task)
    {
        var token = FindToken(task.TokenId);
        return token is not null && token.TaskId == task.Id && token.Status == TokenStatus.Waiting
            ? token
            : throw new InvalidOperationException($"Task '{task.Name ?? task.ElementId}' is not waiting any more.");
    }

    private (ScopeState Item, ScopeState Body, Activity Activity) MultiInstanceOf(TokenState token)
    {
        var item = ScopeOf(token);
        if (item.Kind != ScopeKind.MultiInstanceItem || FindScope(item.ParentId) is not { } body
            || Definition.Node(item.ElementId) is not Activity { MultiInstance: not null } activity)
        {
            throw new InvalidOperationException($"'{Definition.Node(token.ElementId).DisplayName}' is not one of several signatures (会签/或签).");
        }

        return (item, body, activity);
    }

    /// <summary>True when <paramref name="earlier"/> reaches <paramref name="later"/> along sequence flows of their scope.</summary>
    private static bool ComesBefore(FlowNode earlier, FlowNode later)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { later.Id };
        var frontier = new Queue<FlowNode>([later]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var flow in node.Incoming)
            {
                if (flow.SourceRef == earlier.Id)
                {
                    return true;
                }

                if (seen.Add(flow.SourceRef) && earlier.Scope.Process.FindNode(flow.SourceRef) is { } source)
                {
                    frontier.Enqueue(source);
                }
            }
        }

        return false;
    }
}
