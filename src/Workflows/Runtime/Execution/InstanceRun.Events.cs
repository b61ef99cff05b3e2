using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>Start, end, intermediate and boundary events; message and timer waits.</summary>
internal sealed partial class InstanceRun
{
    private void ExecuteEvent(TokenState token, BpmnEvent bpmnEvent)
    {
        switch (bpmnEvent.Kind)
        {
            case FlowNodeKind.StartEvent:
                Completed(bpmnEvent);
                TakeOutgoing(token, bpmnEvent);
                break;
            case FlowNodeKind.EndEvent:
                ExecuteEndEvent(token, bpmnEvent);
                break;
            case FlowNodeKind.IntermediateThrowEvent:
                if (bpmnEvent.Definition is MessageEventDefinition message)
                {
                    ThrowMessage(token, bpmnEvent, message);
                }

                Completed(bpmnEvent);
                TakeOutgoing(token, bpmnEvent);
                break;
            case FlowNodeKind.IntermediateCatchEvent:
                token.Status = TokenStatus.Waiting;
                Subscribe(token, bpmnEvent);
                break;
            default:
                throw new InvalidOperationException($"Internal engine bug: a token reached {bpmnEvent.Kind} '{bpmnEvent.Id}'. Please report it.");
        }
    }

    private void ExecuteEndEvent(TokenState token, BpmnEvent end)
    {
        switch (end.Definition)
        {
            case ErrorEventDefinition error:
                Completed(end);
                ThrowError(token, error.ErrorCode ?? error.ErrorRef ?? "error", $"Error end event '{end.DisplayName}'");
                return;
            case MessageEventDefinition message:
                ThrowMessage(token, end, message);
                break;
            case { Kind: EventDefinitionKind.Terminate }:
                Completed(end);
                Terminate(token);
                return;
        }

        Completed(end);
        EndToken(token);
    }

    /// <summary>
    /// A terminate end event ends its scope at once: in the process it terminates the instance; in a
    /// subprocess it ends that subprocess, which then completes normally.
    /// </summary>
    private void Terminate(TokenState token)
    {
        var scope = ScopeOf(token);
        State.Tokens.Remove(token);
        foreach (var other in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            CancelToken(other);
        }

        if (scope.Kind == ScopeKind.Process)
        {
            FinishInstance(InstanceStatus.Terminated);
        }
        else
        {
            CompleteScope(scope);
        }
    }

    private void ThrowMessage(TokenState token, BpmnEvent bpmnEvent, MessageEventDefinition message)
    {
        if (message.MessageName is not { } name)
        {
            return;
        }

        var key = Services.Expressions.Text(bpmnEvent.CorrelationKey, ViewOf(token), bpmnEvent.Id);
        _command.Enqueue(new AgendaItem.DeliverMessage(name, key));
    }

    /// <summary>Makes a waiting element listen: a message subscription or a timer job.</summary>
    private void Subscribe(TokenState token, BpmnEvent catcher)
    {
        switch (catcher.Definition)
        {
            case MessageEventDefinition message:
                SubscribeMessage(token, catcher.Id, message.MessageName, catcher.CorrelationKey);
                break;
            case TimerEventDefinition timer:
                ScheduleTimer(token, catcher.Id, timer);
                break;
        }
    }

    private void SubscribeMessage(TokenState token, string elementId, string? messageName, string? correlationKeyExpression)
    {
        if (messageName is null)
        {
            return;
        }

        var subscription = new MessageSubscriptionRecord
        {
            Id = Guid.CreateVersion7(Now),
            MessageName = messageName,
            CorrelationKey = Services.Expressions.Text(correlationKeyExpression, ViewOf(token), elementId),
            InstanceId = State.Id,
            TokenId = token.Id,
            ElementId = elementId,
            CreatedAt = Now,
        };
        _command.AddSubscription(subscription);
        token.Listening = true;
    }

    private void ScheduleTimer(TokenState token, string elementId, TimerEventDefinition timer)
    {
        var plan = TimerPlan.From(timer, ViewOf(token), Services, Now, elementId);
        _command.Changes.NewJobs.Add(new JobRecord
        {
            Id = Guid.CreateVersion7(Now),
            Kind = JobKind.Timer,
            InstanceId = State.Id,
            TokenId = token.Id,
            ElementId = elementId,
            DueAt = plan.FirstDue,
            RepeatsLeft = plan.RepeatsAfterFirst,
            Interval = plan.Interval,
            CreatedAt = Now,
        });
        token.Listening = true;
    }

    /// <summary>Removes what a token listens to: its message subscriptions and timers.</summary>
    private void Unsubscribe(TokenState token)
    {
        if (!token.Listening)
        {
            return;
        }

        _command.Changes.DeleteSubscriptions(State.Id, token.Id);
        _command.Changes.DeleteJobs(State.Id, token.Id);
        token.Listening = false;
    }

    /// <summary>
    /// A message or timer reached a waiting token: a catch event, a receive task, a branch of an
    /// event-based gateway, or a boundary event of the activity the token is at.
    /// </summary>
    /// <returns>False when the token is gone (a stale subscription or job); nothing changes then.</returns>
    public bool Trigger(string tokenId, string elementId, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? variables)
    {
        var token = FindToken(tokenId);
        if (token is null || !State.IsActive || token.Status != TokenStatus.Waiting)
        {
            return false;
        }

        Guard(token, () =>
        {
            if (variables is not null)
            {
                var view = ViewOf(token);
                foreach (var (name, value) in variables)
                {
                    view.Set(name, value);
                }
            }

            var element = Definition.Node(elementId);
            if (element is BpmnEvent { Kind: FlowNodeKind.BoundaryEvent } boundary)
            {
                FireBoundary(token, boundary);
                return;
            }

            var at = Definition.Node(token.ElementId);
            if (at is Gateway { Kind: FlowNodeKind.EventBasedGateway } gateway)
            {
                // The first event wins the race; the gateway's other branches stop listening.
                Unsubscribe(token);
                Completed(gateway);
                token.ElementId = element.Id;
                if (element is BpmnTask receive)
                {
                    LeaveActivity(token, receive);
                    return;
                }

                Completed(element);
                TakeOutgoing(token, element);
                return;
            }

            if (element is BpmnTask { Kind: FlowNodeKind.ReceiveTask } receiveTask)
            {
                LeaveActivity(token, receiveTask);
                return;
            }

            Unsubscribe(token);
            Completed(element);
            TakeOutgoing(token, element);
        });
        Changed = true;
        return true;
    }

    /// <summary>Starts listening on the boundary events of an activity a token now waits at.</summary>
    private void ActivateBoundaries(TokenState token, Activity activity)
    {
        // On a multi-instance activity the boundary events belong to the whole activity (the body's
        // token), not to each instance.
        if (activity.BoundaryEvents.IsEmpty || IsMultiInstanceItem(token, activity))
        {
            return;
        }

        foreach (var boundary in activity.BoundaryEvents)
        {
            switch (boundary.Definition)
            {
                case MessageEventDefinition message:
                    SubscribeMessage(token, boundary.Id, message.MessageName, boundary.CorrelationKey);
                    break;
                case TimerEventDefinition timer:
                    ScheduleTimer(token, boundary.Id, timer);
                    break;
            }
        }
    }

    /// <summary>
    /// A boundary event fired. Interrupting: the activity (and everything inside it) is canceled
    /// and a new token leaves from the boundary event. Non-interrupting: the activity goes on and a
    /// new token leaves from the boundary event.
    /// </summary>
    private void FireBoundary(TokenState activityToken, BpmnEvent boundary)
    {
        if (string.Equals(boundary.Extension("escalates"), "true", StringComparison.Ordinal))
        {
            // The SLA state says so in the queues, whatever path the escalation takes in the model.
            // On a multi-instance activity the timer sits on the body: every open item's task is late.
            foreach (var taskId in LateTasks(activityToken))
            {
                _command.Changes.EscalatedTasks.Add(taskId);
            }
        }

        // A non-interrupting boundary keeps its subscription (or its timer cycle) while the activity runs.
        if (boundary.CancelActivity)
        {
            CancelToken(activityToken);
        }

        var token = NewToken(activityToken.ScopeId, boundary.Id);
        Completed(boundary);
        TakeOutgoing(token, boundary);
    }

    private void Completed(FlowNode node) => Record(HistoryEventType.NodeCompleted, node.Id);

    /// <summary>The task of the token at an activity, or the tasks of its multi-instance items.</summary>
    private IEnumerable<Guid> LateTasks(TokenState activityToken)
    {
        if (activityToken.TaskId is { } taskId)
        {
            return [taskId];
        }

        if (activityToken.ChildScopeId is not { } bodyId || FindScope(bodyId) is not { Kind: ScopeKind.MultiInstanceBody })
        {
            return [];
        }

        var items = State.Scopes.Where(s => s.ParentId == bodyId && s.Kind == ScopeKind.MultiInstanceItem).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return [.. State.Tokens.Where(t => items.Contains(t.ScopeId) && t.TaskId is not null).Select(t => t.TaskId!.Value)];
    }
}
