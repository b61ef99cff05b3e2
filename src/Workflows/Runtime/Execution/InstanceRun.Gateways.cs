using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// Gateways. Exclusive: the first flow whose condition holds, else the default, else an incident.
/// Parallel: a join waits for a token on every incoming flow (arrivals are counted per flow, so
/// unbalanced and unstructured joins work), a split takes every flow. Inclusive: a split takes every
/// flow whose condition holds; a join is the true OR-join — it waits only for tokens that can
/// still arrive. Event-based: the token waits for the first of the events behind it.
/// </summary>
internal sealed partial class InstanceRun
{
    private void ExecuteGateway(TokenState token, Gateway gateway)
    {
        switch (gateway.Kind)
        {
            case FlowNodeKind.ExclusiveGateway:
                Completed(gateway);
                TakeExclusive(token, gateway);
                break;
            case FlowNodeKind.ParallelGateway:
                if (gateway.Incoming.Length > 1)
                {
                    JoinParallel(token, gateway);
                }
                else
                {
                    Completed(gateway);
                    SplitAll(token, gateway);
                }

                break;
            case FlowNodeKind.InclusiveGateway:
                if (gateway.Incoming.Length > 1)
                {
                    token.Status = TokenStatus.Joining;
                    _joiningInclusive.Add(gateway.Id);
                    _joinCheckPending = true;
                }
                else
                {
                    Completed(gateway);
                    SplitInclusive(token, gateway);
                }

                break;
            case FlowNodeKind.EventBasedGateway:
                token.Status = TokenStatus.Waiting;
                foreach (var flow in gateway.Outgoing)
                {
                    switch (Definition.Node(flow.TargetRef))
                    {
                        case BpmnEvent catcher:
                            Subscribe(token, catcher);
                            break;
                        case BpmnTask receive:
                            SubscribeMessage(token, receive.Id, receive.Message?.MessageName, receive.CorrelationKey);
                            break;
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"Internal engine bug: {gateway.Kind} '{gateway.Id}' is not executable. Please report it.");
        }
    }

    private void TakeExclusive(TokenState token, Gateway gateway)
    {
        foreach (var flow in gateway.Outgoing)
        {
            if (!flow.IsDefault && (flow.Condition is null || Services.Expressions.Condition(flow.Condition, ViewOf(token), flow.Id)))
            {
                MoveAlong(token, flow);
                return;
            }
        }

        if (gateway.DefaultFlow is { } fallback)
        {
            MoveAlong(token, fallback);
            return;
        }

        if (gateway.Outgoing.IsEmpty)
        {
            EndToken(token);
            return;
        }

        RaiseIncident(token, IncidentKind.NoFlowMatched,
            $"No condition of exclusive gateway '{gateway.DisplayName}' holds, and it has no default flow.");
    }

    private void SplitAll(TokenState token, Gateway gateway)
    {
        if (gateway.Outgoing.IsEmpty)
        {
            EndToken(token);
            return;
        }

        MoveAlong(token, [.. gateway.Outgoing]);
    }

    private void SplitInclusive(TokenState token, Gateway gateway)
    {
        var selected = new List<SequenceFlow>();
        foreach (var flow in gateway.Outgoing)
        {
            if (!flow.IsDefault && (flow.Condition is null || Services.Expressions.Condition(flow.Condition, ViewOf(token), flow.Id)))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && gateway.DefaultFlow is { } fallback)
        {
            selected.Add(fallback);
        }

        if (selected.Count == 0)
        {
            if (gateway.Outgoing.IsEmpty)
            {
                EndToken(token);
                return;
            }

            RaiseIncident(token, IncidentKind.NoFlowMatched,
                $"No condition of inclusive gateway '{gateway.DisplayName}' holds, and it has no default flow.");
            return;
        }

        MoveAlong(token, selected);
    }

    /// <summary>Parallel join: fires when every incoming flow has delivered a token (one per flow is consumed).</summary>
    private void JoinParallel(TokenState token, Gateway gateway)
    {
        token.Status = TokenStatus.Joining;
        var consumed = new List<TokenState>(gateway.Incoming.Length);
        foreach (var flow in gateway.Incoming)
        {
            // The arriving token stands for its own flow; earlier arrivals on it wait for the next round.
            var arrived = flow.Id == token.ArrivedVia
                ? token
                : State.Tokens.Find(t => t.ScopeId == token.ScopeId && t.ElementId == gateway.Id
                                         && t.Status == TokenStatus.Joining && t.ArrivedVia == flow.Id);
            if (arrived is null)
            {
                return;
            }

            consumed.Add(arrived);
        }

        FireJoin(gateway, consumed, token);
        Completed(gateway);
        SplitAll(token, gateway);
    }

    /// <summary>Removes the tokens a join consumed, keeping <paramref name="survivor"/> to go on.</summary>
    private void FireJoin(Gateway gateway, List<TokenState> consumed, TokenState survivor)
    {
        foreach (var arrived in consumed)
        {
            if (!ReferenceEquals(arrived, survivor))
            {
                State.Tokens.Remove(arrived);
            }
        }

        if (!consumed.Contains(survivor))
        {
            // The token that triggered the check was not consumed (a second token on a flow that
            // already had one); it keeps waiting, and the first arrival goes on instead.
            throw new InvalidOperationException($"Internal engine bug: join '{gateway.Id}' fired without its trigger. Please report it.");
        }

        survivor.ArrivedVia = null;
        Changed = true;
    }

    /// <summary>
    /// Checks every inclusive join that has waiting tokens. A join fires when no token elsewhere in
    /// its scope can still reach one of its incoming flows that has no token yet (BPMN 2.0.2,
    /// 13.3.4). Returns true when one fired, so the agenda runs again.
    /// </summary>
    private bool TryFireInclusiveJoins()
    {
        if (_joiningInclusive.Count == 0)
        {
            return false;
        }

        var fired = false;
        foreach (var gatewayId in _joiningInclusive.ToList())
        {
            var gateway = (Gateway)Definition.Node(gatewayId);
            var scopes = State.Tokens.Where(t => t.ElementId == gatewayId && t.Status == TokenStatus.Joining)
                .Select(t => t.ScopeId).Distinct().ToList();
            if (scopes.Count == 0)
            {
                _joiningInclusive.Remove(gatewayId);
                continue;
            }

            foreach (var scopeId in scopes)
            {
                if (TryFireInclusiveJoin(gateway, scopeId))
                {
                    fired = true;
                }
            }
        }

        return fired;
    }

    private bool TryFireInclusiveJoin(Gateway gateway, string scopeId)
    {
        var waiting = State.Tokens.Where(t => t.ScopeId == scopeId && t.ElementId == gateway.Id && t.Status == TokenStatus.Joining).ToList();
        var marked = new HashSet<string>(waiting.Select(t => t.ArrivedVia ?? string.Empty), StringComparer.Ordinal);
        var unmarked = gateway.Incoming.Where(f => !marked.Contains(f.Id)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        if (unmarked.Count > 0)
        {
            foreach (var other in State.Tokens)
            {
                if (other.ScopeId != scopeId || other.ElementId == gateway.Id || other.Status == TokenStatus.Incident)
                {
                    continue;
                }

                if (CanReach(other.ElementId, gateway, marked, unmarked))
                {
                    return false;
                }
            }
        }

        // Fire: one token per marked flow is consumed; the first arrival goes on.
        var consumed = new List<TokenState>();
        foreach (var flowId in marked)
        {
            consumed.Add(waiting.First(t => (t.ArrivedVia ?? string.Empty) == flowId));
        }

        var survivor = consumed[0];
        FireJoin(gateway, consumed, survivor);
        Completed(gateway);
        Guard(survivor, () => SplitInclusive(survivor, gateway));
        return true;
    }

    /// <summary>
    /// Can a token at <paramref name="from"/> still deliver a token to an unmarked incoming flow of
    /// the join, along a path that neither passes through the join nor through a marked flow?
    /// </summary>
    private bool CanReach(string from, Gateway join, HashSet<string> marked, HashSet<string> unmarked)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<FlowNode>();
        queue.Enqueue(Definition.Node(from));
        while (queue.TryDequeue(out var node))
        {
            var outgoing = node.Outgoing.AsEnumerable();
            if (node is Activity activity)
            {
                // A boundary event can still fire while the activity runs.
                outgoing = outgoing.Concat(activity.BoundaryEvents.SelectMany(b => b.Outgoing));
            }

            foreach (var flow in outgoing)
            {
                if (unmarked.Contains(flow.Id))
                {
                    return true;
                }

                if (marked.Contains(flow.Id) || flow.TargetRef == join.Id || !seen.Add(flow.TargetRef))
                {
                    continue;
                }

                if (flow.TargetNode is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }
}
