using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Forms;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// The actions on a task (<see cref="ITaskActions"/>): each checks the caller against
/// <see cref="TaskRules"/>, validates its input (comments where practice requires one, the task
/// form with <see cref="FormValidator"/>, the people it names), then runs one engine command.
/// </summary>
internal sealed partial class TaskActions(
    CaseCallers callers,
    Func<WorkflowDbContext> createContext,
    CaseRecords records,
    IUnitCatalog catalog,
    WorkflowEngine engine,
    ILogger<TaskActions> logger) : ITaskActions
{
    /// <summary>Longest comment (意见) accepted.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Most people one copy goes to.</summary>
    public const int MaxRecipients = 20;

    /// <inheritdoc />
    public Task<TaskActionResult> ClaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) =>
        ActAsync(user, taskId, "claim", p => p.Claim, async (caller, task, _) =>
        {
            await engine.ClaimTaskAsync(task.Id, caller.RequireUserName(), [.. caller.Groups], cancellationToken);
            return [];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<TaskActionResult> UnclaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) =>
        ActAsync(user, taskId, "unclaim", p => p.Unclaim, async (caller, task, _) =>
        {
            await engine.UnclaimTaskAsync(task.Id, caller.RequireUserName(), cancellationToken);
            return [];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<TaskActionResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "complete", p => p.Complete, async (caller, task, _) =>
        {
            var variables = ValidateForm(task.FormKey, command.Data);
            var (kind, comment) = CompletionComment(task.FormKey, command);
            var me = caller.RequireUserName();
            if (task.Assignee is null)
            {
                // A candidate may decide at once; the claim is its own command, recorded as such.
                await engine.ClaimTaskAsync(task.Id, me, [.. caller.Groups], cancellationToken);
            }

            var completion = await engine.CompleteTaskAsync(task.Id, variables, me,
                comment is null ? null : CaseHistory.CompletionComment(kind, comment), cancellationToken);
            return Opened(completion.CreatedTasks);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> ReturnAsync(ClaimsPrincipal user, Guid taskId, ReturnTaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "return", p => p.Return, async (caller, task, record) =>
        {
            var comment = RequireComment(command.Comment, "退回");
            if (string.IsNullOrWhiteSpace(command.TargetElementId)
                || !TaskRules.ReturnTargets(task, record).Any(t => t.ElementId == command.TargetElementId))
            {
                throw CaseException.Field("targetElementId", "请选择本案件已经过的前序环节");
            }

            var completion = await engine.ReturnTaskAsync(task.Id, caller.RequireUserName(), command.TargetElementId, comment, cancellationToken);
            return Opened(completion.CreatedTasks);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> TransferAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "transfer", p => p.Transfer, async (caller, task, _) =>
        {
            var (to, comment) = await ReassignmentAsync(caller, task, command, "转办", cancellationToken);
            await engine.TransferTaskAsync(task.Id, caller.RequireUserName(), to, comment, cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> DelegateAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "delegate", p => p.Delegate, async (caller, task, _) =>
        {
            var (to, comment) = await ReassignmentAsync(caller, task, command, "委派", cancellationToken);
            await engine.DelegateTaskAsync(task.Id, caller.RequireUserName(), to, comment, cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> ResolveAsync(ClaimsPrincipal user, Guid taskId, ResolveTaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "resolve", p => p.Resolve, async (caller, task, _) =>
        {
            var variables = command.Data is { Count: > 0 } ? ValidateForm(task.FormKey, command.Data) : null;
            await engine.ResolveTaskAsync(task.Id, caller.RequireUserName(), variables, OptionalComment(command.Comment), cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> ChangeSignersAsync(ClaimsPrincipal user, Guid taskId, SignerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var adding = !string.IsNullOrWhiteSpace(command.Add);
        if (adding == command.RemoveTaskId.HasValue)
        {
            throw CaseException.Field("add", "请指定要加签的人员，或要减签的签署任务（二选一）");
        }

        return ActAsync(user, taskId, adding ? "add-signer" : "remove-signer", p => adding ? p.AddSigner : p.RemoveSigner, async (caller, task, record) =>
        {
            var comment = OptionalComment(command.Comment);
            if (adding)
            {
                var signer = command.Add!.Trim();
                await RequireHandlerAsync(signer, task, "add", cancellationToken);
                if (record.Tasks.Any(t => t.ElementId == task.ElementId && t.Status == UserTaskStatus.Open && t.Assignee == signer))
                {
                    throw CaseException.Field("add", $"{signer} 已是本环节的签署人");
                }

                var added = await engine.AddSignerAsync(task.Id, caller.RequireUserName(), signer, comment, cancellationToken);
                return Opened(added.CreatedTasks);
            }

            var removed = TaskRules.OtherOpenSigners(task, record).FirstOrDefault(t => t.Id == command.RemoveTaskId)
                          ?? throw CaseException.Field("removeTaskId", "只能减去本环节尚未签署的其他签署人");
            await engine.RemoveSignerAsync(removed.Id, caller.RequireUserName(), comment, cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> CarbonCopyAsync(ClaimsPrincipal user, Guid taskId, CarbonCopyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "carbon-copy", p => p.CarbonCopy, async (caller, task, _) =>
        {
            var recipients = (command.Recipients ?? []).Select(r => r?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
            if (recipients.Count == 0 || recipients.Any(r => r.Length == 0))
            {
                throw CaseException.Field("recipients", "请至少选择一位抄送人");
            }

            if (recipients.Count > MaxRecipients)
            {
                throw CaseException.Field("recipients", $"一次最多抄送{MaxRecipients}人");
            }

            foreach (var recipient in recipients)
            {
                await RequireHandlerAsync(recipient, task, "recipients", cancellationToken);
            }

            await engine.CarbonCopyAsync(task.InstanceId, task.Id, caller.RequireUserName(), recipients, OptionalComment(command.Comment), cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskActionResult> UrgeAsync(ClaimsPrincipal user, Guid taskId, UrgeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActAsync(user, taskId, "urge", p => p.Urge, async (caller, task, _) =>
        {
            await engine.UrgeTaskAsync(task.Id, caller.RequireUserName(), OptionalComment(command.Comment), cancellationToken);
            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// The common path: load the task and its case (404 outside the caller's scope), check the
    /// rule (403 when the caller sees the task but may not; 409 when nobody may now), run.
    /// </summary>
    private async Task<TaskActionResult> ActAsync(
        ClaimsPrincipal user,
        Guid taskId,
        string action,
        Func<TaskPermissions, bool> allowed,
        Func<CaseCaller, UserTaskRecord, CaseRecord, Task<IReadOnlyList<OpenedTask>>> run,
        CancellationToken cancellationToken)
    {
        var caller = await callers.FromAsync(user, cancellationToken);
        UserTaskRecord? task;
        await using (var db = createContext())
        {
            task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        }

        if (task is null || !caller.IsSignedIn || !TaskAccess.Covers(caller, task)
            || await records.LoadAsync(task.InstanceId, cancellationToken) is not { } record)
        {
            throw Refused(caller, action, $"task {taskId}", CaseException.NotFound($"没有编号为 {taskId} 的任务。"));
        }

        if (!allowed(TaskRules.For(caller, task, record)))
        {
            throw Refused(caller, action, $"task {taskId}", task.Status != UserTaskStatus.Open || !record.State.IsActive
                ? CaseException.Conflict($"任务“{task.Name ?? task.ElementId}”已{(task.Status == UserTaskStatus.Completed ? "办结" : "结束")}，不能再{ActionName(action)}。")
                : CaseException.Forbidden(Why(caller, task, action)));
        }

        try
        {
            var opened = await EngineRefusals.RunAsync(() => run(caller, task, record));
            logger.TaskActed(caller.RequireUserName(), action, task.Id, task.ElementId, task.InstanceId);
            return new TaskActionResult(action, opened);
        }
        catch (CaseException ex)
        {
            throw Refused(caller, action, $"task {taskId}", ex);
        }
    }

    private CaseException Refused(CaseCaller caller, string action, string target, CaseException exception)
    {
        logger.CaseActionRefused(caller.UserName ?? "anonymous", action, target, exception.Kind.ToString(), exception.Message);
        return exception;
    }

    private static string Why(CaseCaller caller, UserTaskRecord task, string action) =>
        task.Assignee is { } holder && holder != caller.UserName
            ? $"任务由 {holder} 办理，您不能{ActionName(action)}。"
            : task.Assignee is null && action is not ("claim" or "complete" or "carbon-copy" or "urge")
                ? $"请先签收任务，再{ActionName(action)}。"
                : $"您不能{ActionName(action)}此任务。";

    private static string ActionName(string action) => action switch
    {
        "claim" => "签收",
        "unclaim" => "退签",
        "complete" => "办理",
        "return" => "退回",
        "transfer" => "转办",
        "delegate" => "委派",
        "resolve" => "完成委派",
        "add-signer" => "加签",
        "remove-signer" => "减签",
        "carbon-copy" => "抄送",
        "urge" => "催办",
        _ => action,
    };

    /// <summary>The task form's data as variables, validated; a task without a known form takes no data.</summary>
    private Dictionary<string, JsonNode?> ValidateForm(string? formKey, JsonObject? data)
    {
        data ??= [];
        var schema = formKey is null ? null : catalog.FindForm(formKey);
        if (schema is null)
        {
            // Nothing declares these fields, so none may become a variable through this task.
            return data.Count == 0
                ? []
                : throw new CaseException(CaseErrorKind.Invalid, "此任务没有表单，不接受表单数据。",
                    data.ToDictionary(p => p.Key, p => new[] { $"表单中没有字段“{p.Key}”" }));
        }

        var result = FormValidator.Validate(schema, data);
        if (!result.IsValid)
        {
            throw new CaseException(CaseErrorKind.Invalid, "表单校验未通过。", new Dictionary<string, string[]>(result.ToDictionary()));
        }

        return data.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
    }

    /// <summary>
    /// The opinion recorded with a completion. On the decision form it is the form's own comment,
    /// and required for 不同意 and 退回补正 (the form requires it anyway; this says so for any form
    /// that carries a decision). Elsewhere it is the command's optional comment.
    /// </summary>
    private static (string Kind, string? Comment) CompletionComment(string? formKey, CompleteTaskCommand command)
    {
        var data = command.Data;
        if (data?["decision"] is JsonValue decisionValue && decisionValue.TryGetValue(out string? decision))
        {
            var comment = data["comment"] is JsonValue c && c.TryGetValue(out string? text) ? text : command.Comment;
            var kind = decision switch
            {
                "approve" => CaseHistory.Approve,
                "reject" => CaseHistory.Reject,
                "return" => CaseHistory.ReturnForCorrection,
                _ => CaseHistory.Complete,
            };
            if (kind is CaseHistory.Reject or CaseHistory.ReturnForCorrection && string.IsNullOrWhiteSpace(comment))
            {
                throw CaseException.Field("comment", kind == CaseHistory.Reject ? "不同意时必须填写理由" : "退回补正时必须说明需要补正的内容");
            }

            return (kind, OptionalComment(comment));
        }

        _ = formKey;
        return (CaseHistory.Complete, OptionalComment(command.Comment));
    }

    private static string RequireComment(string? comment, string what)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw CaseException.Field("comment", $"{what}必须填写理由");
        }

        return OptionalComment(comment)!;
    }

    private static string? OptionalComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        comment = comment.Trim();
        return comment.Length <= MaxCommentLength ? comment : throw CaseException.Field("comment", $"意见不能超过{MaxCommentLength}个字");
    }

    private async Task<(string To, string Comment)> ReassignmentAsync(CaseCaller caller, UserTaskRecord task, ReassignTaskCommand command, string what, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var to = command.ToUser?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            errors["toUser"] = [$"请选择{what}给谁"];
        }
        else if (to == caller.UserName)
        {
            errors["toUser"] = [$"不能{what}给自己"];
        }

        if (string.IsNullOrWhiteSpace(command.Comment))
        {
            errors["comment"] = [$"{what}必须填写理由"];
        }

        if (errors.Count > 0)
        {
            throw new CaseException(CaseErrorKind.Invalid, $"{what}信息不完整。", errors);
        }

        await RequireHandlerAsync(to!, task, "toUser", cancellationToken);
        return (to!, OptionalComment(command.Comment)!);
    }

    /// <summary>The named user exists, is not locked, and the task lies in their scope: nobody is handed a case they may not see.</summary>
    private async Task RequireHandlerAsync(string userName, UserTaskRecord task, string field, CancellationToken cancellationToken)
    {
        var target = await callers.FindUserAsync(userName, cancellationToken);
        if (target is null)
        {
            throw CaseException.Field(field, $"用户“{userName}”不存在或已停用");
        }

        if (!TaskAccess.Covers(target, task))
        {
            throw CaseException.Field(field, $"用户“{userName}”无权查看此案件（不在其辖区或单位范围内）");
        }
    }

    private static List<OpenedTask> Opened(IReadOnlyList<CreatedTask> created) =>
        created.Select(t => new OpenedTask(t.TaskId, t.InstanceId, t.ElementId, t.Name)).ToList();
}
