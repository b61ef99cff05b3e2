using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

// A migrated instance takes what hangs off its tokens to the target version's elements.
internal sealed partial class InstanceRun
{
    /// <summary>
    /// After the tokens moved to the target's elements: open task rows and unresolved incidents are
    /// renamed to the mapped elements; timers and subscriptions whose (mapped) element the target
    /// still listens to are kept with their due dates, the others dropped; and listeners that only
    /// the target has (a new boundary timer, say) start now, as if the token had just arrived.
    /// </summary>
    public void AdoptMigration(MigrationPlan plan, MigrationListeners listeners)
    {
        Changed = true;
        foreach (var task in listeners.Tasks.Where(t => t.Status == UserTaskStatus.Open))
        {
            _command.TaskChanged(Moved(task, plan.Map(task.ElementId)));
        }

        foreach (var incident in listeners.Incidents.Where(i => i.ResolvedAt is null))
        {
            // Stored as given, like a resolution, but with ResolvedAt still empty: the incident stays open at its new element.
            _command.Changes.ResolvedIncidents.Add(Moved(incident, plan.Map(incident.ElementId)));
        }

        foreach (var token in State.Tokens)
        {
            AdoptListeners(
                token,
                plan,
                listeners.Jobs.Where(j => j.TokenId == token.Id).ToList(),
                listeners.Subscriptions.Where(s => s.TokenId == token.Id).ToList());
        }
    }

    private void AdoptListeners(TokenState token, MigrationPlan plan, List<JobRecord> jobs, List<MessageSubscriptionRecord> subscriptions)
    {
        // A token parked in a continuation (ah:async, a handler retry) listens to nothing else yet.
        var parked = jobs.Exists(j => j.Kind == JobKind.Continuation);
        List<Listener> wanted = parked || token.Status != TokenStatus.Waiting ? [] : ListenersOf(token);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var element = plan.Map(job.ElementId);
            if (job.Kind == JobKind.Continuation)
            {
                _command.Changes.UpdatedJobs[job.Id] = Moved(job, token.ElementId);
            }
            else if (wanted.Find(l => l.ElementId == element && l.Timer is not null) is not null && kept.Add(element))
            {
                _command.Changes.UpdatedJobs[job.Id] = Moved(job, element);
            }
            else
            {
                _command.Changes.DeletedJobs.Add(job.Id);
            }
        }

        if (subscriptions.Count > 0)
        {
            // Subscriptions have no update: the token's are removed and the kept ones written again.
            _command.Changes.DeleteSubscriptions(State.Id, token.Id);
            foreach (var subscription in subscriptions)
            {
                var element = plan.Map(subscription.ElementId);
                if (wanted.Find(l => l.ElementId == element && l.Timer is null) is { } listener && kept.Add(element))
                {
                    _command.AddSubscription(new MessageSubscriptionRecord
                    {
                        Id = Guid.CreateVersion7(Now),
                        MessageName = listener.MessageName ?? subscription.MessageName,
                        CorrelationKey = subscription.CorrelationKey,
                        InstanceId = State.Id,
                        TokenId = token.Id,
                        ElementId = element,
                        CreatedAt = subscription.CreatedAt,
                    });
                }
            }
        }

        token.Listening = parked || kept.Count > 0;
        foreach (var listener in wanted.Where(l => !kept.Contains(l.ElementId)))
        {
            if (listener.Timer is { } timer)
            {
                ScheduleTimer(token, listener.ElementId, timer);
            }
            else
            {
                SubscribeMessage(token, listener.ElementId, listener.MessageName, listener.CorrelationKey);
            }
        }
    }

    /// <summary>What a token waiting at its element listens to in this definition: the same set its arrival would have made.</summary>
    private List<Listener> ListenersOf(TokenState token)
    {
        var listeners = new List<Listener>();
        var node = Definition.Node(token.ElementId);
        switch (node)
        {
            case BpmnEvent { Kind: FlowNodeKind.IntermediateCatchEvent } catcher:
                Add(listeners, catcher);
                break;
            case Gateway { Kind: FlowNodeKind.EventBasedGateway } gateway:
                foreach (var flow in gateway.Outgoing)
                {
                    switch (Definition.Node(flow.TargetRef))
                    {
                        case BpmnEvent catcher:
                            Add(listeners, catcher);
                            break;
                        case BpmnTask receive:
                            listeners.Add(new Listener(receive.Id, null, receive.Message?.MessageName, receive.CorrelationKey));
                            break;
                    }
                }

                break;
            case Activity activity:
                if (activity is BpmnTask { Kind: FlowNodeKind.ReceiveTask } receiveTask)
                {
                    listeners.Add(new Listener(receiveTask.Id, null, receiveTask.Message?.MessageName, receiveTask.CorrelationKey));
                }

                // Boundary events belong to the whole activity: its body's token, never one instance's.
                if (!IsMultiInstanceItem(token, activity))
                {
                    foreach (var boundary in activity.BoundaryEvents)
                    {
                        Add(listeners, boundary);
                    }
                }

                break;
        }

        return listeners;
    }

    private static void Add(List<Listener> listeners, BpmnEvent catcher)
    {
        switch (catcher.Definition)
        {
            case TimerEventDefinition timer:
                listeners.Add(new Listener(catcher.Id, timer, null, null));
                break;
            case MessageEventDefinition message:
                listeners.Add(new Listener(catcher.Id, null, message.MessageName, catcher.CorrelationKey));
                break;
        }
    }

    private UserTaskRecord Moved(UserTaskRecord task, string elementId)
    {
        var node = Definition.Node(elementId) as BpmnTask;
        return new UserTaskRecord
        {
            Id = task.Id,
            InstanceId = task.InstanceId,
            DefinitionId = Definition.Id,
            ProcessKey = task.ProcessKey,
            ProcessVersion = Definition.Version,
            BusinessKey = task.BusinessKey,
            TokenId = task.TokenId,
            ElementId = elementId,
            Name = node?.Name ?? task.Name,
            Assignee = task.Assignee,
            Owner = task.Owner,
            DelegationState = task.DelegationState,
            UrgeCount = task.UrgeCount,
            CandidateUsers = task.CandidateUsers,
            CandidateGroups = task.CandidateGroups,
            FormKey = node is null ? task.FormKey : node.FormKey,
            Priority = task.Priority,
            CreatedAt = task.CreatedAt,
            DueAt = task.DueAt,
            WarnAt = task.WarnAt,
            SlaState = task.SlaState,
            RegionCode = task.RegionCode,
            OrganisationId = task.OrganisationId,
            LoopCounter = task.LoopCounter,
            Status = task.Status,
            EndedAt = task.EndedAt,
            CompletedBy = task.CompletedBy,
            Revision = task.Revision,
        };
    }

    private static IncidentRecord Moved(IncidentRecord incident, string elementId) => new()
    {
        Id = incident.Id,
        InstanceId = incident.InstanceId,
        TokenId = incident.TokenId,
        Resume = incident.Resume,
        Attempts = incident.Attempts,
        JobId = incident.JobId,
        ElementId = elementId,
        Kind = incident.Kind,
        Message = incident.Message,
        Details = incident.Details,
        CreatedAt = incident.CreatedAt,
    };

    private static JobRecord Moved(JobRecord job, string elementId) => new()
    {
        Id = job.Id,
        Kind = job.Kind,
        InstanceId = job.InstanceId,
        TokenId = job.TokenId,
        ElementId = elementId,
        DefinitionId = job.DefinitionId,
        ProcessKey = job.ProcessKey,
        Attempt = job.Attempt,
        DueAt = job.DueAt,
        RepeatsLeft = job.RepeatsLeft,
        Interval = job.Interval,
        CreatedAt = job.CreatedAt,
        Retries = job.Retries,
        LockOwner = job.LockOwner,
        LockExpiresAt = job.LockExpiresAt,
        LastError = job.LastError,
    };

    /// <summary>A timer (with its definition) or a message (with its name and key expression) an element listens to.</summary>
    private sealed record Listener(string ElementId, TimerEventDefinition? Timer, string? MessageName, string? CorrelationKey);
}
