using System.Security.Claims;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Host.Cases;

// 撤回 by the applicant: take back the last thing they sent while the next step has not acted on it.
internal sealed partial class TaskActions
{
    /// <inheritdoc />
    public async Task<TaskActionResult> WithdrawAsync(ClaimsPrincipal user, Guid instanceId, WithdrawCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = await callers.FromAsync(user, cancellationToken);
        if (!caller.IsSignedIn || await records.LoadAsync(instanceId, cancellationToken) is not { } record || !record.IsVisibleTo(caller))
        {
            throw Refused(caller, "withdraw", $"instance {instanceId}", CaseException.NotFound($"没有编号为 {instanceId} 的案件。"));
        }

        var me = caller.RequireUserName();
        if (record.StartedBy != me)
        {
            throw Refused(caller, "withdraw", $"instance {instanceId}", CaseException.Forbidden("只有申请人可以撤回案件。"));
        }

        var comment = OptionalComment(command.Comment);
        switch (Withdrawal(record, me))
        {
            case { Kind: WithdrawalKind.None, Reason: var reason }:
                throw Refused(caller, "withdraw", $"instance {instanceId}", CaseException.Conflict(reason));
            case { Kind: WithdrawalKind.Task, Task: { } completed }:
                var reopened = await EngineRefusals.RunAsync(() => engine.WithdrawAsync(completed.Id, me, comment, cancellationToken));
                logger.CaseWithdrawn(me, instanceId, $"task {completed.ElementId} reopened");
                return new TaskActionResult("withdraw", Opened(reopened.CreatedTasks));
            default:
                await EngineRefusals.RunAsync(() => engine.CancelAsync(instanceId, me, comment is null ? "申请人撤回" : $"申请人撤回：{comment}", cancellationToken));
                logger.CaseWithdrawn(me, instanceId, "application withdrawn");
                return new TaskActionResult("withdraw", []);
        }
    }

    /// <summary>What a withdrawal by <paramref name="applicant"/> would do now (the case page asks too).</summary>
    internal static (WithdrawalKind Kind, UserTaskRecord? Task, string Reason) Withdrawal(CaseRecord record, string applicant)
    {
        if (!record.State.IsActive)
        {
            return (WithdrawalKind.None, null, "案件已结束，不能撤回。");
        }

        // The applicant's own last step (a correction they sent) comes back to them.
        var mine = record.Tasks.Where(t => t.Status == UserTaskStatus.Completed && t.CompletedBy == applicant).MaxBy(t => t.EndedAt);
        if (mine is not null)
        {
            var next = record.Tasks.Where(t => t.Id != mine.Id && t.CreatedAt == mine.EndedAt).ToList();
            return next.Count > 0 && next.All(t => t.Status == UserTaskStatus.Open && t.Revision == 1)
                ? (WithdrawalKind.Task, mine, string.Empty)
                : (WithdrawalKind.None, null, "下一环节已经办理，不能撤回。");
        }

        // Only the application itself was sent: it can be taken back until anyone touched it.
        return record.Tasks.All(t => t.Status != UserTaskStatus.Completed && t.Revision <= 1)
            ? (WithdrawalKind.Application, null, string.Empty)
            : (WithdrawalKind.None, null, "受理部门已经开始办理，不能撤回。");
    }
}

/// <summary>What a withdrawal does.</summary>
internal enum WithdrawalKind
{
    /// <summary>Nothing: too late.</summary>
    None,

    /// <summary>The applicant's last completed task opens again; the tasks it opened are canceled.</summary>
    Task,

    /// <summary>The whole application is withdrawn (the case is canceled).</summary>
    Application,
}
