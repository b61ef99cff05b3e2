using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Storage;

/// <summary>
/// The engine's store in memory: the <c>bpmn run</c> CLI, tests and benchmarks. It keeps the same
/// contract as the database stores — copies on load, all-or-nothing commits, row-version checks —
/// so the engine cannot tell the difference.
/// </summary>
public sealed class InMemoryWorkflowStore(bool keepGlobalHistoryOrder = true) : IWorkflowStore, IWorkflowQueries
{
    private readonly bool _keepGlobalOrder = keepGlobalHistoryOrder;
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, InstanceState> _instances = [];
    private readonly Dictionary<Guid, UserTaskRecord> _tasks = [];
    private readonly Dictionary<Guid, List<Guid>> _tasksByInstance = [];
    private readonly Dictionary<(string Name, string? Key), List<MessageSubscriptionRecord>> _subscriptions = [];
    private readonly Dictionary<Guid, JobRecord> _jobs = [];
    private readonly List<InboxMessageRecord> _inbox = [];
    private readonly List<IncidentRecord> _incidents = [];
    private readonly List<CarbonCopyRecord> _carbonCopies = [];
    private readonly Dictionary<Guid, List<HistoryEvent>> _history = [];
    private readonly Dictionary<HistoryEvent, long> _historyOrder = new(ReferenceEqualityComparer.Instance);
    private long _historySequence;

    /// <inheritdoc />
    public ValueTask<InstanceState?> LoadInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_instances.TryGetValue(instanceId, out var state) ? state.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<UserTaskRecord?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_tasks.TryGetValue(taskId, out var task) ? task.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MessageSubscriptionRecord>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<MessageSubscriptionRecord> found = _subscriptions.TryGetValue((messageName, correlationKey), out var list) ? [.. list] : [];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<InboxMessageRecord?> FindInboxMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_inbox.Find(m => m.MessageName == messageName && m.CorrelationKey == correlationKey && m.ExpiresAt > now));
        }
    }

    /// <inheritdoc />
    public ValueTask<JobRecord?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_jobs.TryGetValue(jobId, out var job) ? job.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JobRecord>> FindDueJobsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<JobRecord> due = _jobs.Values.Where(j => j.DueAt <= now).OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(max).Select(j => j.Clone()).ToList();
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JobRecord>> ClaimDueJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockedUntil, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var busy = _jobs.Values.Where(j => j.LockExpiresAt >= now && j.InstanceId is not null).Select(j => j.InstanceId).ToHashSet();
            var claimed = new List<JobRecord>();
            foreach (var job in _jobs.Values.Where(j => j.DueAt <= now && j.Retries > 0 && (j.LockExpiresAt is null || j.LockExpiresAt < now)).OrderBy(j => j.DueAt).ThenBy(j => j.Id))
            {
                if (claimed.Count == max)
                {
                    break;
                }

                if (job.InstanceId is not null && !busy.Add(job.InstanceId))
                {
                    continue;
                }

                job.LockOwner = owner;
                job.LockExpiresAt = lockedUntil;
                claimed.Add(job.Clone());
            }

            return ValueTask.FromResult<IReadOnlyList<JobRecord>>(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<UserTaskRecord>> LoadTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<UserTaskRecord> tasks = _tasksByInstance.TryGetValue(instanceId, out var ids)
                ? ids.Select(id => _tasks[id].Clone()).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList()
                : [];
            return ValueTask.FromResult(tasks);
        }
    }

    /// <inheritdoc />
    public ValueTask<IncidentRecord?> LoadIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_incidents.Find(i => i.Id == incidentId)?.Clone());
        }
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            // Check everything first, so a conflict changes nothing.
            foreach (var (id, write) in changes.Instances)
            {
                var stored = _instances.GetValueOrDefault(id);
                if ((stored?.Revision ?? 0) != write.ExpectedRevision)
                {
                    throw new ConcurrencyConflictException($"Instance {id} is at revision {stored?.Revision ?? 0}, not {write.ExpectedRevision}.");
                }
            }

            foreach (var task in changes.UpdatedTasks.Values)
            {
                if (!_tasks.TryGetValue(task.Id, out var stored) || stored.Revision != task.Revision)
                {
                    throw new ConcurrencyConflictException($"Task {task.Id} was changed by another command.");
                }
            }

            if (changes.Firing is { } firing && (!_jobs.TryGetValue(firing.JobId, out var fired) || fired.LockOwner != firing.LockOwner))
            {
                throw new ConcurrencyConflictException($"Job {firing.JobId} ran elsewhere or was claimed by another node.");
            }

            foreach (var (id, write) in changes.Instances)
            {
                _instances[id] = write.State;
            }

            if (changes.DeletedSubscriptionTokens.Count > 0)
            {
                foreach (var list in _subscriptions.Values)
                {
                    list.RemoveAll(s => changes.DeletedSubscriptionTokens.Contains((s.InstanceId ?? Guid.Empty, s.TokenId ?? string.Empty)));
                }
            }

            if (changes.DeletedJobTokens.Count > 0)
            {
                foreach (var job in _jobs.Values.Where(j => j.InstanceId is { } instanceId && changes.DeletedJobTokens.Contains((instanceId, j.TokenId!))).ToList())
                {
                    _jobs.Remove(job.Id);
                }
            }

            if (changes.Firing is not null)
            {
                _jobs.Remove(changes.Firing.JobId);
            }

            if (changes.DeletedStartJobKeys.Count > 0)
            {
                foreach (var job in _jobs.Values.Where(j => j.Kind == JobKind.TimerStart && changes.DeletedStartJobKeys.Contains(j.ProcessKey!)).ToList())
                {
                    _jobs.Remove(job.Id);
                }
            }

            foreach (var id in changes.DeletedJobs)
            {
                _jobs.Remove(id);
            }

            foreach (var job in changes.UpdatedJobs.Values)
            {
                _jobs[job.Id] = job.Clone();
            }

            foreach (var job in changes.NewJobs)
            {
                _jobs[job.Id] = job.Clone();
            }

            foreach (var subscription in changes.NewSubscriptions)
            {
                var key = (subscription.MessageName, subscription.CorrelationKey);
                if (!_subscriptions.TryGetValue(key, out var list))
                {
                    _subscriptions[key] = list = [];
                }

                list.Add(subscription);
            }

            foreach (var task in changes.UpdatedTasks.Values)
            {
                var copy = task.Clone();
                copy.Revision++;
                _tasks[task.Id] = copy;
            }

            foreach (var (id, at) in changes.CanceledTasks)
            {
                if (_tasks.TryGetValue(id, out var stored) && stored.Status == UserTaskStatus.Open)
                {
                    var copy = stored.Clone();
                    copy.Status = UserTaskStatus.Canceled;
                    copy.EndedAt = at;
                    copy.Revision++;
                    _tasks[id] = copy;
                }
            }

            foreach (var id in changes.EscalatedTasks)
            {
                if (_tasks.TryGetValue(id, out var stored))
                {
                    var copy = stored.Clone();
                    copy.SlaState = SlaState.Escalated;
                    _tasks[id] = copy;
                }
            }

            foreach (var task in changes.NewTasks)
            {
                var copy = task.Clone();
                copy.Revision = 1;
                _tasks[task.Id] = copy;
                if (!_tasksByInstance.TryGetValue(task.InstanceId, out var ids))
                {
                    _tasksByInstance[task.InstanceId] = ids = [];
                }

                ids.Add(task.Id);
            }

            if (changes.ConsumedInbox.Count > 0)
            {
                _inbox.RemoveAll(m => changes.ConsumedInbox.Contains(m.Id));
            }

            _inbox.AddRange(changes.NewInbox);
            foreach (var incident in changes.NewIncidents)
            {
                _incidents.Add(incident.Clone());
            }

            _carbonCopies.AddRange(changes.NewCarbonCopies);
            foreach (var resolved in changes.ResolvedIncidents)
            {
                var index = _incidents.FindIndex(i => i.Id == resolved.Id);
                if (index >= 0)
                {
                    _incidents[index] = resolved.Clone();
                }
            }
            foreach (var entry in changes.History)
            {
                if (!_history.TryGetValue(entry.InstanceId, out var list))
                {
                    _history[entry.InstanceId] = list = [];
                }

                list.Add(entry);
                if (_keepGlobalOrder)
                {
                    _historyOrder[entry] = _historySequence++;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    #region Queries for the CLI and tests

    /// <summary>The committed state of an instance (a copy).</summary>
    public InstanceState? GetInstance(Guid instanceId)
    {
        lock (_lock)
        {
            return _instances.TryGetValue(instanceId, out var state) ? state.Clone() : null;
        }
    }

    /// <summary>Instances called by an instance (directly).</summary>
    public IReadOnlyList<InstanceState> GetChildren(Guid instanceId)
    {
        lock (_lock)
        {
            return _instances.Values.Where(i => i.ParentInstanceId == instanceId).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => i.Clone()).ToList();
        }
    }

    /// <summary>The task rows of an instance.</summary>
    public IReadOnlyList<UserTaskRecord> GetTasks(Guid instanceId)
    {
        lock (_lock)
        {
            return _tasksByInstance.TryGetValue(instanceId, out var ids) ? ids.Select(id => _tasks[id].Clone()).ToList() : [];
        }
    }

    /// <summary>The incidents of an instance.</summary>
    public IReadOnlyList<IncidentRecord> GetIncidents(Guid instanceId)
    {
        lock (_lock)
        {
            return _incidents.Where(i => i.InstanceId == instanceId).Select(i => i.Clone()).ToList();
        }
    }

    /// <summary>The history of an instance, in order.</summary>
    public IReadOnlyList<HistoryEvent> GetHistory(Guid instanceId)
    {
        lock (_lock)
        {
            return _history.TryGetValue(instanceId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>The history of several instances, in the order it was written.</summary>
    public IReadOnlyList<HistoryEvent> GetHistory(IEnumerable<Guid> instanceIds)
    {
        lock (_lock)
        {
            return instanceIds.SelectMany(id => _history.TryGetValue(id, out var list) ? list : [])
                .OrderBy(e => _historyOrder.GetValueOrDefault(e)).ToList();
        }
    }

    /// <summary>Pending jobs of an instance.</summary>
    public IReadOnlyList<JobRecord> GetJobs(Guid instanceId)
    {
        lock (_lock)
        {
            return _jobs.Values.Where(j => j.InstanceId == instanceId).Select(j => j.Clone()).ToList();
        }
    }

    /// <summary>Message subscriptions of an instance.</summary>
    public IReadOnlyList<MessageSubscriptionRecord> GetSubscriptions(Guid instanceId)
    {
        lock (_lock)
        {
            return _subscriptions.Values.SelectMany(l => l).Where(s => s.InstanceId == instanceId).ToList();
        }
    }

    ValueTask<InstanceState?> IWorkflowQueries.GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetInstance(instanceId));

    ValueTask<IReadOnlyList<InstanceState>> IWorkflowQueries.FindByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<InstanceState> found = _instances.Values.Where(i => i.BusinessKey == businessKey)
                .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => i.Clone()).ToList();
            return ValueTask.FromResult(found);
        }
    }

    ValueTask<IReadOnlyList<CarbonCopyRecord>> IWorkflowQueries.GetCarbonCopiesAsync(string userId, bool includeRead, CancellationToken cancellationToken, int max)
    {
        lock (_lock)
        {
            IReadOnlyList<CarbonCopyRecord> found = _carbonCopies.Where(c => c.UserId == userId && (includeRead || c.ReadAt is null))
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(max).ToList();
            return ValueTask.FromResult(found);
        }
    }

    ValueTask<IReadOnlyList<InstanceState>> IWorkflowQueries.FindByProcessAsync(string processKey, CancellationToken cancellationToken, int max)
    {
        lock (_lock)
        {
            IReadOnlyList<InstanceState> found = _instances.Values.Where(i => i.ProcessKey == processKey)
                .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(max).Select(i => i.Clone()).ToList();
            return ValueTask.FromResult(found);
        }
    }

    ValueTask<IReadOnlyList<InstanceState>> IWorkflowQueries.GetChildrenAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetChildren(instanceId));

    ValueTask<IReadOnlyList<UserTaskRecord>> IWorkflowQueries.GetTasksAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetTasks(instanceId));

    ValueTask<IReadOnlyList<IncidentRecord>> IWorkflowQueries.GetIncidentsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetIncidents(instanceId));

    ValueTask<IReadOnlyList<HistoryEvent>> IWorkflowQueries.GetHistoryAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetHistory(instanceIds));

    ValueTask<IReadOnlyList<JobRecord>> IWorkflowQueries.GetJobsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetJobs(instanceId));

    ValueTask<IReadOnlyList<MessageSubscriptionRecord>> IWorkflowQueries.GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetSubscriptions(instanceId));

    /// <summary>How many messages wait in the inbox.</summary>
    public int InboxCount
    {
        get
        {
            lock (_lock)
            {
                return _inbox.Count;
            }
        }
    }

    #endregion
}
