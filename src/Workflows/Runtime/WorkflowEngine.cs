using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Execution;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Timers;

namespace ApprovalHub.Workflows.Runtime;

/// <summary>
/// The engine's command surface. Every change is a command: it loads what it needs, runs tokens
/// until each one waits, and commits instance state, task rows, subscriptions, timers, incidents
/// and history in one transaction. A command that loses a race on an instance's row version is
/// retried from a fresh load.
/// </summary>
public sealed partial class WorkflowEngine
{
    private readonly EngineServices _services;

    public WorkflowEngine(
        IWorkflowStore store,
        IProcessDefinitionSource definitions,
        IServiceTaskHandlerRegistry handlers,
        IExpressionEvaluator expressions,
        TimeProvider time,
        IBusinessCalendar? calendar = null,
        WorkflowEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(time);
        _services = new EngineServices(store, definitions, handlers, new RuntimeExpressions(expressions), time, calendar, options ?? new WorkflowEngineOptions());
    }

    /// <summary>Starts an instance at the none start event of the latest (or the given) version.</summary>
    public async Task<StartedInstance> StartAsync(StartProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = request.Version is { } version
            ? await _services.Definitions.GetVersionAsync(request.ProcessKey, version, cancellationToken)
            : await _services.Definitions.GetLatestAsync(request.ProcessKey, cancellationToken);
        if (definition is null)
        {
            throw new WorkflowException(WorkflowErrorKind.NotFound,
                $"Process '{request.ProcessKey}'{(request.Version is { } v ? $" version {v}" : string.Empty)} is not deployed.");
        }

        var start = (request.StartEventId is { } startId ? definition.Process.FindNode(startId) as BpmnEvent : definition.NoneStart)
                    ?? throw new WorkflowException(WorkflowErrorKind.Invalid, $"Process '{definition.Key}' has no {(request.StartEventId is null ? "none start event" : $"start event '{request.StartEventId}'")}.");
        var id = Guid.CreateVersion7(_services.Time.GetUtcNow());
        return await ExecuteAsync(
            "start",
            (run, _) =>
            {
                run.Create(definition, id, request.BusinessKey).Start(start, request.Variables, request.Initiator);
                return ValueTask.FromResult(new StartedInstance(id, definition.Id, definition.Key, definition.Version));
            },
            cancellationToken,
            (started, changes) => started with { Tasks = CreatedTask.From(changes) });
    }

    /// <summary>Completes an open user task with the given variables; returns the tasks this created (the next step's).</summary>
    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId, CancellationToken cancellationToken) =>
        CompleteTaskAsync(taskId, variables, userId, comment: null, cancellationToken);

    /// <summary>
    /// Completes an open user task with the given variables and the completer's comment (an official's
    /// opinion), recorded in the history as <see cref="HistoryEventType.TaskCommented"/> in the same commit.
    /// </summary>
    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId, string? comment, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "complete-task",
            async (run, ct) =>
            {
                var task = await _services.Store.LoadTaskAsync(taskId, ct)
                           ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Task {taskId} does not exist.");
                if (task.Status != UserTaskStatus.Open)
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{task.Name ?? task.ElementId}' is already {task.Status.ToString().ToLowerInvariant()}.");
                }

                if (task.DelegationState == DelegationState.Pending)
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict,
                        $"Task '{task.Name ?? task.ElementId}' is delegated to {task.Assignee}; it comes back to {task.Owner} when the delegate resolves it.");
                }

                var instance = await run.GetAsync(task.InstanceId, ct)
                               ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"The instance of task {taskId} does not exist.");
                try
                {
                    instance.CompleteTask(task, variables, userId, comment);
                }
                catch (InvalidOperationException ex)
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict, ex.Message);
                }

                return new TaskCompletion(taskId, []);
            },
            cancellationToken,
            (completion, changes) => completion with { CreatedTasks = CreatedTask.From(changes) });

    /// <summary>Delivers a message by name and correlation key; returns how many waiting tokens or new instances took it.</summary>
    public Task<int> CorrelateMessageAsync(string messageName, string? correlationKey, IReadOnlyDictionary<string, JsonNode?>? variables, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageName);
        return ExecuteAsync("correlate-message", (run, ct) => run.CorrelateAsync(messageName, correlationKey, variables, ct), cancellationToken);
    }

    /// <summary>Sets process variables on an active instance.</summary>
    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, JsonNode?> variables, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return ExecuteAsync(
            "set-variables",
            async (run, ct) =>
            {
                var instance = await LoadActiveAsync(run, instanceId, ct);
                instance.SetProcessVariables(variables, userId);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Cancels an active instance, its tasks, timers and called instances.</summary>
    public Task CancelAsync(Guid instanceId, string? userId, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "cancel",
            async (run, ct) =>
            {
                var instance = await LoadActiveAsync(run, instanceId, ct);
                instance.Cancel(userId, reason);
                return true;
            },
            cancellationToken);

    /// <summary>Runs a due job that nobody claimed (the virtual clock, tests and the CLI).</summary>
    public Task FireJobAsync(Guid jobId, CancellationToken cancellationToken) => FireJobAsync(jobId, lockOwner: null, cancellationToken);

    /// <summary>
    /// Runs a due job claimed by <paramref name="lockOwner"/> (see <see cref="IWorkflowStore.ClaimDueJobsAsync"/>).
    /// Returns false when the job no longer exists or belongs to another node now: then nothing changed.
    /// </summary>
    public Task<bool> FireJobAsync(Guid jobId, string? lockOwner, CancellationToken cancellationToken) =>
        FireAsync(jobId, claimed: null, lockOwner, cancellationToken);

    /// <summary>
    /// Runs a job this node has just claimed, starting from the claimed row instead of reading it
    /// again (one round trip less per timer). The commit still checks the row's lock, so a stale
    /// copy can only lose the race, never run a job twice.
    /// </summary>
    public Task<bool> FireClaimedJobAsync(JobRecord claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return FireAsync(claimed.Id, claimed, claimed.LockOwner, cancellationToken);
    }

    private Task<bool> FireAsync(Guid jobId, JobRecord? claimed, string? lockOwner, CancellationToken cancellationToken)
    {
        var fresh = claimed;
        return ExecuteAsync(
            "fire-job",
            async (run, ct) =>
            {
                // The claimed copy serves the first attempt only; a retry after a conflict reads the row.
                var job = fresh?.Clone() ?? await _services.Store.LoadJobAsync(jobId, ct);
                fresh = null;
                if (job is null || job.LockOwner != lockOwner)
                {
                    return false;
                }

                await run.FireJobAsync(job, lockOwner, ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// A job failed outside any handler (the database went away, a bug): count the run, back off,
    /// and when no runs are left stop the job with an incident that names it. The job row stays.
    /// </summary>
    public Task RecordJobFailureAsync(Guid jobId, string? lockOwner, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync(
            "job-failed",
            async (run, ct) =>
            {
                var job = await _services.Store.LoadJobAsync(jobId, ct);
                if (job is null || job.LockOwner != lockOwner)
                {
                    return false;
                }

                run.FailJob(job, error);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// An operator retries an incident, optionally fixing variables first: the token runs its step
    /// again (or, for a job that kept failing, the job gets its runs back). The incident is resolved.
    /// </summary>
    public Task RetryIncidentAsync(Guid incidentId, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "retry-incident",
            async (run, ct) =>
            {
                var incident = await _services.Store.LoadIncidentAsync(incidentId, ct)
                               ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Incident {incidentId} does not exist.");
                if (incident.ResolvedAt is not null)
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict, $"Incident {incidentId} was already resolved by {incident.ResolvedBy ?? "the engine"} at {incident.ResolvedAt:O}.");
                }

                await run.RetryIncidentAsync(incident, variables, userId, ct);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Schedules the timer start events of a published version and removes those of its key's older
    /// versions (the database deployer does the same inside its own transaction).
    /// </summary>
    public Task<int> PublishStartTimersAsync(DeployedProcess definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ExecuteAsync(
            "publish-start-timers",
            (run, _) =>
            {
                var jobs = StartTimerJobs.Create(definition.Process, definition.Id, _services.Time.GetUtcNow(), _services.Calendar);
                run.Changes.DeletedStartJobKeys.Add(definition.Key);
                run.Changes.NewJobs.AddRange(jobs);
                return ValueTask.FromResult(jobs.Count);
            },
            cancellationToken);
    }

    /// <summary>
    /// Moves a virtual clock to <paramref name="until"/>, firing each job that falls due on the way in
    /// due order, with the clock at the job's due time: weeks of timers in milliseconds for the
    /// <c>bpmn run</c> CLI and tests. Returns how many jobs fired.
    /// </summary>
    public async Task<int> AdvanceAsync(VirtualClock clock, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var fired = 0;
        while ((await _services.Store.FindDueJobsAsync(until, 1, cancellationToken)).FirstOrDefault() is { } next)
        {
            clock.MoveTo(next.DueAt);
            await FireJobAsync(next.Id, cancellationToken);
            fired++;
        }

        clock.MoveTo(until);
        return fired;
    }

    private static async ValueTask<InstanceRun> LoadActiveAsync(CommandRun run, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await run.GetAsync(instanceId, cancellationToken)
                       ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Instance {instanceId} does not exist.");
        return instance.State.Status == InstanceStatus.Active
            ? instance
            : throw new WorkflowException(WorkflowErrorKind.Conflict, $"Instance {instanceId} is {instance.State.Status.ToString().ToLowerInvariant()}.");
    }

    /// <summary>The command loop: run, drain, commit; on a lost race, start again from a fresh load.</summary>
    private async Task<T> ExecuteAsync<T>(
        string command,
        Func<CommandRun, CancellationToken, ValueTask<T>> body,
        CancellationToken cancellationToken,
        Func<T, ChangeSet, T>? describe = null)
    {
        using var activity = WorkflowTelemetry.Source.StartActivity($"workflow {command}");
        for (var attempt = 1; ; attempt++)
        {
            var run = new CommandRun(_services);
            var result = await body(run, cancellationToken);
            await run.DrainAsync(cancellationToken);
            run.Finish();
            try
            {
                await _services.Store.CommitAsync(run.Changes, cancellationToken);
                RecordCommitted(command, run, activity, attempt);
                return describe is null ? result : describe(result, run.Changes);
            }
            catch (ConcurrencyConflictException) when (attempt < _services.Options.MaxConcurrencyRetries)
            {
                // Someone else changed an instance or task first: run the whole command again from a fresh load.
                WorkflowTelemetry.ConcurrencyRetries.Add(1, new KeyValuePair<string, object?>("command", command));
            }
            catch (ConcurrencyConflictException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"The command lost {attempt} races in a row: {ex.Message}", isTransient: true);
            }
        }
    }

    private static void RecordCommitted(string command, CommandRun run, System.Diagnostics.Activity? activity, int attempt)
    {
        WorkflowTelemetry.Commands.Add(1, new KeyValuePair<string, object?>("command", command));
        if (run.Changes.NewIncidents.Count > 0)
        {
            WorkflowTelemetry.Incidents.Add(run.Changes.NewIncidents.Count);
        }

        if (activity is not null)
        {
            activity.SetTag("approvalhub.command.attempts", attempt);
            activity.SetTag("approvalhub.instances", string.Join(',', run.Changes.Instances.Keys));
            activity.SetTag("approvalhub.tasks.created", run.Changes.NewTasks.Count);
        }
    }
}

/// <summary>What to start.</summary>
public sealed record StartProcessRequest(string ProcessKey)
{
    /// <summary>A pinned version; null starts the latest.</summary>
    public int? Version { get; init; }

    public string? BusinessKey { get; init; }

    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }

    /// <summary>The user starting it (stored in the variable named by the start event's ah:initiator).</summary>
    public string? Initiator { get; init; }

    /// <summary>A specific start event; null uses the none start event.</summary>
    public string? StartEventId { get; init; }
}

/// <summary>The instance a start created, with the user tasks now open in it (and in instances it called).</summary>
public sealed record StartedInstance(Guid InstanceId, Guid DefinitionId, string ProcessKey, int Version)
{
    public IReadOnlyList<CreatedTask> Tasks { get; init; } = [];
}

/// <summary>A completed task and the user tasks its completion opened.</summary>
public sealed record TaskCompletion(Guid TaskId, IReadOnlyList<CreatedTask> CreatedTasks);

/// <summary>A user task a command opened, so callers (the portal, the next approver's queue) need not query for it.</summary>
public sealed record CreatedTask(Guid TaskId, Guid InstanceId, string ElementId, string? Name)
{
    internal static IReadOnlyList<CreatedTask> From(ChangeSet changes) =>
        changes.NewTasks.Where(t => t.Status == UserTaskStatus.Open).Select(t => new CreatedTask(t.Id, t.InstanceId, t.ElementId, t.Name)).ToList();
}
