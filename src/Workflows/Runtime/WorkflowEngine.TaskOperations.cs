using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Execution;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Runtime;

// The operations Chinese approval practice expects on a task, as engine commands: claim, unclaim,
// transfer (转办), delegate and resolve (委派), urge (催办), copy (抄送), return to an earlier step
// (退回), withdraw (撤回) and add or remove a signer (加签/减签). Who may do them is the caller's
// (the API's) business, except where the task itself says: only the assignee transfers, only the
// delegate resolves. Each is recorded in the history with its comment (a typed comment).
public sealed partial class WorkflowEngine
{
    /// <summary>Takes an unassigned task for oneself; the user must be a candidate (by id or by one of <paramref name="userGroups"/>).</summary>
    public Task ClaimTaskAsync(Guid taskId, string userId, IReadOnlyCollection<string> userGroups, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(userGroups);
        return ChangeOpenTaskAsync("claim-task", taskId, (task, _) =>
        {
            if (task.Assignee == userId)
            {
                return null;
            }

            if (task.Assignee is not null)
            {
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' was already claimed by {task.Assignee}.");
            }

            if (!TaskCandidates.IsCandidate(task, userId, userGroups))
            {
                throw new WorkflowException(WorkflowErrorKind.Forbidden, $"{userId} is not a candidate for task '{Label(task)}'.");
            }

            task.Assignee = userId;
            return (HistoryEventType.TaskClaimed, userId, null);
        }, cancellationToken);
    }

    /// <summary>Gives a claimed task back to its candidates.</summary>
    public Task UnclaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken) =>
        ChangeOpenTaskAsync("unclaim-task", taskId, (task, _) =>
        {
            RequireAssignee(task, userId, "give back");
            if (task.DelegationState == DelegationState.Pending)
            {
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' is delegated; resolve it before giving it back.");
            }

            task.Assignee = null;
            return (HistoryEventType.TaskUnclaimed, userId, null);
        }, cancellationToken);

    /// <summary>转办: hands the task over for good; the new assignee decides. A comment is required.</summary>
    public Task TransferTaskAsync(Guid taskId, string userId, string toUserId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toUserId);
        return ChangeOpenTaskAsync("transfer-task", taskId, (task, _) =>
        {
            RequireAssignee(task, userId, "transfer");
            RequireComment(comment, "transfer");
            if (task.DelegationState == DelegationState.Pending)
            {
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' is delegated; resolve it before transferring it.");
            }

            task.Assignee = toUserId;
            return (HistoryEventType.TaskTransferred, userId, $"→ {toUserId}: {comment}");
        }, cancellationToken);
    }

    /// <summary>委派: the delegate works the task and resolves it; it then comes back to its owner, who decides. A comment is required.</summary>
    public Task DelegateTaskAsync(Guid taskId, string userId, string toUserId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toUserId);
        return ChangeOpenTaskAsync("delegate-task", taskId, (task, _) =>
        {
            RequireAssignee(task, userId, "delegate");
            RequireComment(comment, "delegate");
            if (task.DelegationState == DelegationState.Pending)
            {
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' is already delegated to {task.Assignee}.");
            }

            task.Owner = userId;
            task.Assignee = toUserId;
            task.DelegationState = DelegationState.Pending;
            return (HistoryEventType.TaskDelegated, userId, $"→ {toUserId}: {comment}");
        }, cancellationToken);
    }

    /// <summary>The delegate hands the task back to its owner, with what they found (variables) and a comment.</summary>
    public Task ResolveTaskAsync(Guid taskId, string userId, IReadOnlyDictionary<string, JsonNode?>? variables, string? comment, CancellationToken cancellationToken) =>
        ChangeOpenTaskAsync("resolve-task", taskId, (task, instance) =>
        {
            if (task.DelegationState != DelegationState.Pending)
            {
                throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' is not delegated.");
            }

            RequireAssignee(task, userId, "resolve");
            if (variables is { Count: > 0 })
            {
                instance.SetTaskVariables(task, variables, userId);
            }

            task.Assignee = task.Owner;
            task.DelegationState = DelegationState.Resolved;
            return (HistoryEventType.TaskResolved, userId, comment);
        }, cancellationToken);

    /// <summary>催办: reminds whoever holds the task; counted on the task row.</summary>
    public Task UrgeTaskAsync(Guid taskId, string userId, string? comment, CancellationToken cancellationToken) =>
        ChangeOpenTaskAsync("urge-task", taskId, (task, _) =>
        {
            task.UrgeCount++;
            return (HistoryEventType.TaskUrged, userId, comment);
        }, cancellationToken);

    /// <summary>抄送: copies a case to people for information; it appears in their "copied to me" queue.</summary>
    public Task CarbonCopyAsync(Guid instanceId, Guid? taskId, string userId, IReadOnlyCollection<string> recipients, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0 || recipients.Any(string.IsNullOrWhiteSpace))
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, "Name at least one recipient, and no empty ones.");
        }

        return ExecuteAsync(
            "carbon-copy",
            async (run, ct) =>
            {
                var instance = await run.GetAsync(instanceId, ct)
                               ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Instance {instanceId} does not exist.");
                var regionCode = taskId is { } id && await _services.Store.LoadTaskAsync(id, ct) is { } task ? task.RegionCode : instance.RegionCode;
                foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
                {
                    run.Changes.NewCarbonCopies.Add(new CarbonCopyRecord
                    {
                        Id = Guid.CreateVersion7(run.Now),
                        InstanceId = instanceId,
                        TaskId = taskId,
                        ProcessKey = instance.Definition.Key,
                        BusinessKey = instance.State.BusinessKey,
                        RegionCode = regionCode,
                        UserId = recipient,
                        SentBy = userId,
                        Comment = comment,
                        CreatedAt = run.Now,
                    });
                }

                run.Record(new HistoryEvent(instanceId, run.Now, HistoryEventType.CarbonCopied, null, userId, $"{string.Join(",", recipients)}: {comment}"));
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// 退回: sends the case back to an earlier user task of the same flow (chosen by the official),
    /// with a required comment. The current task is canceled and the earlier one is created again.
    /// </summary>
    public Task<TaskCompletion> ReturnTaskAsync(Guid taskId, string userId, string targetElementId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetElementId);
        return ExecuteAsync(
            "return-task",
            async (run, ct) =>
            {
                var (task, instance) = await LoadOpenTaskAsync(run, taskId, ct);
                RequireAssignee(task, userId, "return");
                RequireComment(comment, "return");
                Refused(() => instance.ReturnTo(task, targetElementId, userId, comment));
                return new TaskCompletion(taskId, []);
            },
            cancellationToken,
            (completion, changes) => completion with { CreatedTasks = CreatedTask.From(changes) });
    }

    /// <summary>
    /// 撤回: the person who completed a task takes it back, as long as the next step has not acted
    /// (its tasks are untouched: nobody claimed, completed or changed them). The next tasks are
    /// canceled and the withdrawn task is opened again.
    /// </summary>
    public Task<TaskCompletion> WithdrawAsync(Guid completedTaskId, string userId, string? comment, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "withdraw",
            async (run, ct) =>
            {
                var task = await _services.Store.LoadTaskAsync(completedTaskId, ct)
                           ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Task {completedTaskId} does not exist.");
                if (task.Status != UserTaskStatus.Completed || task.CompletedBy != userId)
                {
                    throw new WorkflowException(task.Status == UserTaskStatus.Completed ? WorkflowErrorKind.Forbidden : WorkflowErrorKind.Conflict,
                        $"Only the person who completed task '{Label(task)}' can withdraw it, and only after completing it.");
                }

                var instance = await run.GetAsync(task.InstanceId, ct)
                               ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"The instance of task {completedTaskId} does not exist.");
                var siblings = await _services.Store.LoadTasksOfInstanceAsync(task.InstanceId, ct);

                // The tasks the completion opened: created in that same command (same instant), still
                // open and never changed since (revision 1).
                var next = siblings.Where(t => t.Id != task.Id && t.CreatedAt == task.EndedAt).ToList();
                if (next.Count == 0 || next.Any(t => t.Status != UserTaskStatus.Open || t.Revision != 1))
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict,
                        $"Task '{Label(task)}' can no longer be withdrawn: the next step has already acted on it.");
                }

                Refused(() => instance.Withdraw(task, next, userId, comment));
                return new TaskCompletion(completedTaskId, []);
            },
            cancellationToken,
            (completion, changes) => completion with { CreatedTasks = CreatedTask.From(changes) });

    /// <summary>加签: adds a signer to a running parallel multi-instance task (会签/或签); they get a task of their own.</summary>
    public Task<TaskCompletion> AddSignerAsync(Guid taskId, string userId, string signer, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(signer);
        return ExecuteAsync(
            "add-signer",
            async (run, ct) =>
            {
                var (task, instance) = await LoadOpenTaskAsync(run, taskId, ct);
                Refused(() => instance.AddSigner(task, signer, userId, comment));
                return new TaskCompletion(taskId, []);
            },
            cancellationToken,
            (completion, changes) => completion with { CreatedTasks = CreatedTask.From(changes) });
    }

    /// <summary>减签: removes a signer who has not signed yet from a running multi-instance task.</summary>
    public Task RemoveSignerAsync(Guid signerTaskId, string userId, string? comment, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "remove-signer",
            async (run, ct) =>
            {
                var (task, instance) = await LoadOpenTaskAsync(run, signerTaskId, ct);
                Refused(() => instance.RemoveSigner(task, userId, comment));
                return true;
            },
            cancellationToken);

    private Task ChangeOpenTaskAsync(
        string command,
        Guid taskId,
        Func<UserTaskRecord, InstanceRun, (HistoryEventType Type, string? UserId, string? Detail)?> change,
        CancellationToken cancellationToken) =>
        ExecuteAsync(
            command,
            async (run, ct) =>
            {
                var (task, instance) = await LoadOpenTaskAsync(run, taskId, ct);
                if (change(task, instance) is { } entry)
                {
                    run.TaskChanged(task);
                    run.Record(new HistoryEvent(task.InstanceId, run.Now, entry.Type, task.ElementId, entry.UserId, entry.Detail));
                }

                return true;
            },
            cancellationToken);

    private async ValueTask<(UserTaskRecord Task, InstanceRun Instance)> LoadOpenTaskAsync(CommandRun run, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await _services.Store.LoadTaskAsync(taskId, cancellationToken)
                   ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Task {taskId} does not exist.");
        if (task.Status != UserTaskStatus.Open)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, $"Task '{Label(task)}' is already {task.Status.ToString().ToLowerInvariant()}.");
        }

        var instance = await run.GetAsync(task.InstanceId, cancellationToken)
                       ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"The instance of task {taskId} does not exist.");
        return (task, instance);
    }

    private static void Refused(Action operation)
    {
        try
        {
            operation();
        }
        catch (InvalidOperationException ex)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, ex.Message);
        }
    }

    private static void RequireAssignee(UserTaskRecord task, string userId, string what)
    {
        if (task.Assignee != userId)
        {
            throw new WorkflowException(WorkflowErrorKind.Forbidden,
                task.Assignee is null
                    ? $"Claim task '{Label(task)}' before you {what} it."
                    : $"Only {task.Assignee}, who holds task '{Label(task)}', can {what} it.");
        }
    }

    private static void RequireComment(string? comment, string what)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, $"A comment saying why is required to {what} a task.");
        }
    }

    private static string Label(UserTaskRecord task) => task.Name ?? task.ElementId;
}
