using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// One attempt of one command: the instances it loaded, the change set it builds and the agenda of
/// cross-instance work. <see cref="DrainAsync"/> runs until every touched instance is quiet; then
/// <see cref="Finish"/> puts the changed instances into the change set for a single commit.
/// </summary>
internal sealed partial class CommandRun(EngineServices services)
{
    private readonly Dictionary<Guid, InstanceRun> _runs = [];
    private readonly Queue<AgendaItem> _agenda = new();
    private readonly List<MessageSubscriptionRecord> _inboxChecks = [];

    public EngineServices Services { get; } = services;

    public DateTimeOffset Now { get; } = services.Time.GetUtcNow();

    public ChangeSet Changes { get; } = new();

    public IEnumerable<InstanceRun> Runs => _runs.Values;

    public void Record(HistoryEvent entry)
    {
        if (Services.Options.History)
        {
            Changes.History.Add(entry);
        }
    }

    public void Enqueue(AgendaItem item) => _agenda.Enqueue(item);

    public void AddSubscription(MessageSubscriptionRecord subscription)
    {
        Changes.NewSubscriptions.Add(subscription);
        _inboxChecks.Add(subscription);
    }

    /// <summary>Notes a change to a task row (completion, reassignment).</summary>
    public void TaskChanged(UserTaskRecord task)
    {
        if (!ReferenceEquals(Changes.FindNewTask(task.Id), task))
        {
            Changes.UpdatedTasks[task.Id] = task;
        }
    }

    /// <summary>Cancels a task row the engine no longer waits for.</summary>
    public void CancelTask(Guid taskId)
    {
        var task = Changes.FindNewTask(taskId) ?? Changes.UpdatedTasks.GetValueOrDefault(taskId);
        if (task is not null)
        {
            task.Status = UserTaskStatus.Canceled;
            task.EndedAt = Now;
            return;
        }

        Changes.CanceledTasks[taskId] = Now;
    }

    /// <summary>An instance, loaded once per command.</summary>
    public async ValueTask<InstanceRun?> GetAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(instanceId, out var run))
        {
            return run;
        }

        var state = await Services.Store.LoadInstanceAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var definition = await Services.Definitions.GetAsync(state.DefinitionId, cancellationToken)
                         ?? throw new InvalidOperationException($"Instance {instanceId} runs on definition {state.DefinitionId}, which is not deployed.");
        run = new InstanceRun(this, state, definition, state.Revision);
        _runs[instanceId] = run;
        return run;
    }

    /// <summary>Creates a new instance (not yet started).</summary>
    public InstanceRun Create(DeployedProcess definition, Guid id, string? businessKey, Guid? parentId = null, string? parentTokenId = null)
    {
        var state = new InstanceState
        {
            Id = id,
            DefinitionId = definition.Id,
            ProcessKey = definition.Key,
            Version = definition.Version,
            BusinessKey = businessKey,
            ParentInstanceId = parentId,
            ParentTokenId = parentTokenId,
            StartedAt = Now,
        };
        var run = new InstanceRun(this, state, definition, 0);
        _runs[id] = run;
        return run;
    }

    /// <summary>Runs every touched instance and the agenda until nothing moves.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var progressed = false;
            if (_runs.Count == 1)
            {
                // The common case (one instance per command) without allocating a snapshot.
                foreach (var only in _runs.Values)
                {
                    if (only.HasReadyTokens)
                    {
                        await only.RunAsync(cancellationToken);
                        progressed = true;
                    }
                }
            }
            else
            {
                foreach (var run in _runs.Values.ToArray())
                {
                    if (run.HasReadyTokens)
                    {
                        await run.RunAsync(cancellationToken);
                        progressed = true;
                    }
                }
            }

            if (_agenda.TryDequeue(out var item))
            {
                await ApplyAsync(item, cancellationToken);
                continue;
            }

            if (_inboxChecks.Count > 0)
            {
                await DeliverBufferedMessagesAsync(cancellationToken);
                continue;
            }

            if (!progressed)
            {
                return;
            }
        }
    }

    /// <summary>Puts every changed instance into the change set with its next revision.</summary>
    public void Finish()
    {
        foreach (var run in _runs.Values)
        {
            if (run.Changed || run.LoadedRevision == 0)
            {
                run.State.Revision = run.LoadedRevision + 1;
                Changes.Write(run.State, run.LoadedRevision);
            }
        }
    }

    /// <summary>
    /// Delivers a message: to every waiting subscription with its name and key; else it starts the
    /// processes whose message start event waits for it; else it waits in the inbox.
    /// </summary>
    /// <returns>How many waiting tokens or new instances received it (0: it went to the inbox).</returns>
    public async ValueTask<int> CorrelateAsync(string name, string? correlationKey, IReadOnlyDictionary<string, JsonNode?>? variables, CancellationToken cancellationToken)
    {
        var stored = await Services.Store.FindSubscriptionsAsync(name, correlationKey, cancellationToken);
        var candidates = stored
            .Where(s => s.InstanceId is { } id && s.TokenId is { } token && !Changes.DeletedSubscriptionTokens.Contains((id, token)))
            .Concat(Changes.NewSubscriptions.Where(s => s.MessageName == name && s.CorrelationKey == correlationKey))
            .ToList();
        var delivered = 0;
        foreach (var subscription in candidates)
        {
            var run = await GetAsync(subscription.InstanceId!.Value, cancellationToken);
            if (run is not null && run.Trigger(subscription.TokenId!, subscription.ElementId, variables))
            {
                delivered++;
                Record(new HistoryEvent(run.State.Id, Now, HistoryEventType.MessageCorrelated, subscription.ElementId, Detail: name));
            }
        }

        if (delivered > 0)
        {
            return delivered;
        }

        foreach (var definition in await Services.Definitions.FindMessageStartsAsync(name, cancellationToken))
        {
            var start = definition.MessageStarts.First(m => m.MessageName == name).Event;
            var run = Create(definition, Guid.CreateVersion7(Now), correlationKey);
            run.Start(start, variables, initiator: null);
            delivered++;
        }

        if (delivered == 0)
        {
            Changes.NewInbox.Add(new InboxMessageRecord
            {
                Id = Guid.CreateVersion7(Now),
                MessageName = name,
                CorrelationKey = correlationKey,
                VariablesJson = variables is null ? null : new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString(),
                ReceivedAt = Now,
                ExpiresAt = Now + Services.Options.InboxTimeToLive,
            });
        }

        return delivered;
    }

    /// <summary>
    /// Runs a due job: fires a timer, continues a parked token, or starts an instance for a timer
    /// start event. The job row is removed (or rescheduled, for cycles) in the same transaction,
    /// and only if it still belongs to <paramref name="lockOwner"/>: a node whose lock expired while
    /// it worked loses the race, and its whole command rolls back.
    /// </summary>
    public async ValueTask FireJobAsync(JobRecord job, string? lockOwner, CancellationToken cancellationToken)
    {
        Changes.Firing = new JobFiring(job.Id, lockOwner);
        var reschedule = job.Kind switch
        {
            JobKind.Continuation => await ContinueAsync(job, cancellationToken),
            JobKind.TimerStart => await StartByTimerAsync(job, lockOwner, cancellationToken),
            _ => await FireTimerAsync(job, lockOwner, cancellationToken),
        };
        if (reschedule && job.Interval is not null && job.RepeatsLeft is null or > 0)
        {
            // A cycle fires again: a non-interrupting R3/P1WD reminder while the activity waits,
            // or a timer start event on its schedule.
            job.DueAt = TimerPlan.Next(job.Interval, job.DueAt, Services.Calendar);
            job.RepeatsLeft = job.RepeatsLeft - 1;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.Retries = JobRecord.DefaultRetries;
            job.LastError = null;
            Changes.UpdatedJobs[job.Id] = job;
        }
    }

    private async ValueTask<bool> FireTimerAsync(JobRecord job, string? node, CancellationToken cancellationToken)
    {
        var run = job.InstanceId is { } id ? await GetAsync(id, cancellationToken) : null;
        var fired = run is not null && run.Trigger(job.TokenId!, job.ElementId, variables: null);
        if (fired)
        {
            Record(new HistoryEvent(run!.State.Id, Now, HistoryEventType.JobFired, job.ElementId, node, $"due {job.DueAt:O}"));
        }

        return fired && run!.State.IsActive && run.State.Tokens.Exists(t => t.Id == job.TokenId && t.Status == TokenStatus.Waiting);
    }

    private async ValueTask<bool> ContinueAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var run = job.InstanceId is { } id ? await GetAsync(id, cancellationToken) : null;
        run?.Continue(job);
        return false;
    }

    private async ValueTask<bool> StartByTimerAsync(JobRecord job, string? node, CancellationToken cancellationToken)
    {
        var definition = job.DefinitionId is { } definitionId ? await Services.Definitions.GetAsync(definitionId, cancellationToken) : null;
        if (definition?.Process.FindNode(job.ElementId) is not BpmnEvent start)
        {
            // The definition is gone; publishing a new version removes its timers, so this is a leftover.
            return false;
        }

        var run = Create(definition, Guid.CreateVersion7(Now), businessKey: null);
        run.Start(start, variables: null, initiator: null);
        Record(new HistoryEvent(run.State.Id, Now, HistoryEventType.JobFired, job.ElementId, node, $"due {job.DueAt:O}"));
        return true;
    }

    /// <summary>
    /// Counts a failed run of a job (the failure was outside any handler). It backs off 10 s, 1 min…
    /// and, with no runs left, stays in the table with an incident naming it; nothing deletes it.
    /// </summary>
    public void FailJob(JobRecord job, Exception error)
    {
        job.Retries = Math.Max(0, job.Retries - 1);
        job.LastError = $"{error.GetType().Name}: {error.Message}";
        job.LockOwner = null;
        job.LockExpiresAt = null;
        var runs = JobRecord.DefaultRetries - job.Retries;
        job.DueAt = Now + RetryPolicy.BackOff(runs, Services.Options.FirstRetryDelay);
        Changes.UpdatedJobs[job.Id] = job;
        if (job.Retries == 0 && job.InstanceId is { } instanceId && job.TokenId is { } tokenId)
        {
            Changes.NewIncidents.Add(new IncidentRecord
            {
                Id = Guid.CreateVersion7(Now),
                InstanceId = instanceId,
                TokenId = tokenId,
                ElementId = job.ElementId,
                Kind = IncidentKind.JobFailure,
                JobId = job.Id,
                Attempts = runs,
                Message = $"The {job.Kind.ToString().ToLowerInvariant()} job at '{job.ElementId}' failed {runs} times: {job.LastError}",
                Details = error.ToString(),
                CreatedAt = Now,
            });
            Record(new HistoryEvent(instanceId, Now, HistoryEventType.IncidentRaised, job.ElementId, Detail: job.LastError));
        }
    }

    /// <summary>Retries an incident: see <see cref="InstanceRun.RetryIncident"/>.</summary>
    public async ValueTask RetryIncidentAsync(IncidentRecord incident, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId, CancellationToken cancellationToken)
    {
        var run = await GetAsync(incident.InstanceId, cancellationToken)
                  ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"The instance of incident {incident.Id} does not exist.");
        if (!run.State.IsActive)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, $"Instance {incident.InstanceId} is {run.State.Status.ToString().ToLowerInvariant()}; its incident cannot be retried.");
        }

        var resolved = incident.Clone();
        resolved.ResolvedAt = Now;
        resolved.ResolvedBy = userId;
        Changes.ResolvedIncidents.Add(resolved);
        if (incident.Kind == IncidentKind.JobFailure && incident.JobId is { } jobId)
        {
            // The job stopped, not the token: give it its runs back and make it due now.
            var job = await Services.Store.LoadJobAsync(jobId, cancellationToken)
                      ?? throw new WorkflowException(WorkflowErrorKind.Conflict, $"The job of incident {incident.Id} no longer exists.");
            if (variables is { Count: > 0 })
            {
                run.SetProcessVariables(variables, userId);
            }

            job.Retries = JobRecord.DefaultRetries;
            job.DueAt = Now;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            Changes.UpdatedJobs[job.Id] = job;
            return;
        }

        try
        {
            run.RetryIncident(incident, variables, userId);
        }
        catch (InvalidOperationException ex)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, ex.Message);
        }
    }

    private async ValueTask ApplyAsync(AgendaItem item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case AgendaItem.StartChild start:
            {
                var child = Create(start.Definition, start.ChildId, null, start.ParentId, start.ParentTokenId);
                child.Start(start.Definition.NoneStart!, start.Variables, initiator: null);
                break;
            }

            case AgendaItem.ResumeParent resume:
                (await GetAsync(resume.ParentId, cancellationToken))?.ResumeFromChild(resume.ParentTokenId, resume.ChildVariables);
                break;
            case AgendaItem.ThrowInParent error:
                (await GetAsync(error.ParentId, cancellationToken))?.ThrowFromChild(error.ParentTokenId, error.ErrorCode, error.Message);
                break;
            case AgendaItem.CancelChild cancel:
                (await GetAsync(cancel.ChildId, cancellationToken))?.Cancel(null, "The calling activity was canceled.");
                break;
            case AgendaItem.DeliverMessage message:
                await CorrelateAsync(message.Name, message.CorrelationKey, null, cancellationToken);
                break;
        }
    }

    /// <summary>A message that came early waits in the inbox; a new subscription for it receives it now.</summary>
    private async ValueTask DeliverBufferedMessagesAsync(CancellationToken cancellationToken)
    {
        var checks = _inboxChecks.ToList();
        _inboxChecks.Clear();
        foreach (var subscription in checks)
        {
            if (!Changes.NewSubscriptions.Contains(subscription))
            {
                continue;
            }

            // A message thrown earlier in this same command is still in the change set, not the store.
            var message = Changes.NewInbox.Find(m => m.MessageName == subscription.MessageName && m.CorrelationKey == subscription.CorrelationKey);
            if (message is not null)
            {
                Changes.NewInbox.Remove(message);
            }
            else
            {
                message = await Services.Store.FindInboxMessageAsync(subscription.MessageName, subscription.CorrelationKey, Now, cancellationToken);
                if (message is null || Changes.ConsumedInbox.Contains(message.Id))
                {
                    continue;
                }

                Changes.ConsumedInbox.Add(message.Id);
            }

            var run = await GetAsync(subscription.InstanceId!.Value, cancellationToken);
            var variables = message.VariablesJson is null
                ? null
                : JsonNode.Parse(message.VariablesJson)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());
            if (run is not null && run.Trigger(subscription.TokenId!, subscription.ElementId, variables))
            {
                Record(new HistoryEvent(run.State.Id, Now, HistoryEventType.MessageCorrelated, subscription.ElementId, Detail: subscription.MessageName));
            }
        }
    }
}
