using System.Security.Claims;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// <c>/api/tasks</c>: the officials' queue (待办/已办/抄送我的/我发起的), the task page's data, and
/// the actions on a task. Every endpoint needs a signed-in user; what they see and may do is
/// decided by the case layer from their scope and groups (docs/tasks.md).
/// </summary>
internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").AddEndpointFilter<CaseProblems>();
        tasks.MapGet("", ListAsync).WithName("ListTasks")
            .WithSummary("A page of a queue tab: view=todo|done|cc|started, filters unit, step, sla, region, dueBefore, q; sort=due|-due|created|-created|sla");
        tasks.MapGet("/{id:guid}", GetAsync).WithName("GetTask")
            .WithSummary("The task page: task, case, forms, device and organisation cards, history, diagram, return targets, allowed actions")
            .ReadsPersonalData();
        tasks.MapPost("/{id:guid}/claim", (Guid id, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.ClaimAsync(user, id, ct)))
            .WithName("ClaimTask").WithSummary("签收: take an unassigned task one is a candidate for");
        tasks.MapPost("/{id:guid}/unclaim", (Guid id, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.UnclaimAsync(user, id, ct)))
            .WithName("UnclaimTask").WithSummary("退签: give a claimed task back to its candidates");
        tasks.MapPost("/{id:guid}/complete", (Guid id, CompleteTaskCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.CompleteAsync(user, id, body, ct)))
            .WithName("CompleteTask").WithSummary("Approve, reject or return for correction (decision form), or complete the task's form; a comment is required to reject or return");
        tasks.MapPost("/{id:guid}/return", (Guid id, ReturnTaskCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.ReturnAsync(user, id, body, ct)))
            .WithName("ReturnTask").WithSummary("退回 to an earlier step of the case (one of the task page's returnTargets), with a required comment");
        tasks.MapPost("/{id:guid}/transfer", (Guid id, ReassignTaskCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.TransferAsync(user, id, body, ct)))
            .WithName("TransferTask").WithSummary("转办 to another official in scope, with a required comment");
        tasks.MapPost("/{id:guid}/delegate", (Guid id, ReassignTaskCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.DelegateAsync(user, id, body, ct)))
            .WithName("DelegateTask").WithSummary("委派 to another official in scope, who resolves it back; a comment is required");
        tasks.MapPost("/{id:guid}/resolve", (Guid id, ResolveTaskCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.ResolveAsync(user, id, body, ct)))
            .WithName("ResolveTask").WithSummary("The delegate hands the task back to its owner");
        tasks.MapPost("/{id:guid}/signers", (Guid id, SignerCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.ChangeSignersAsync(user, id, body, ct)))
            .WithName("ChangeSigners").WithSummary("加签 {add: user} or 减签 {removeTaskId} on a parallel 会签/或签");
        tasks.MapPost("/{id:guid}/cc", (Guid id, CarbonCopyCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.CarbonCopyAsync(user, id, body, ct)))
            .WithName("CarbonCopyTask").WithSummary("抄送 the case to users in scope");
        tasks.MapPost("/{id:guid}/urge", (Guid id, UrgeCommand body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) => Ok(actions.UrgeAsync(user, id, body, ct)))
            .WithName("UrgeTask").WithSummary("催办: remind whoever holds the task (the applicant, or a regulator in scope)");
        return app;
    }

    /// <summary>Query-string parameters of the queue.</summary>
    internal sealed record QueueParameters(
        string? View, string? Unit, string? Step, string? Sla, string? Region, DateTimeOffset? DueBefore, string? Q, string? Sort, int? Page, int? PageSize);

    private static async Task<Ok<QueuePage>> ListAsync([AsParameters] QueueParameters parameters, ClaimsPrincipal user, ITaskQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.ListAsync(user, Parse(parameters), cancellationToken));

    private static async Task<Ok<TaskDetail>> GetAsync(Guid id, ClaimsPrincipal user, ITaskQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.GetAsync(user, id, cancellationToken));

    private static async Task<Ok<TaskActionResult>> Ok(Task<TaskActionResult> action) => TypedResults.Ok(await action);

    /// <summary>The query string as a <see cref="TaskQuery"/>; unknown words are field errors.</summary>
    internal static TaskQuery Parse(QueueParameters p)
    {
        var errors = new Dictionary<string, string[]>();
        var view = p.View?.ToLowerInvariant() switch
        {
            null or "" or "todo" => TaskView.Todo,
            "done" => TaskView.Done,
            "cc" => TaskView.Cc,
            "started" => TaskView.Started,
            _ => Error(errors, "view", "view 应为 todo、done、cc 或 started", TaskView.Todo),
        };
        SlaState? sla = p.Sla?.ToLowerInvariant() switch
        {
            null or "" => null,
            "normal" => SlaState.Normal,
            "warning" => SlaState.Warning,
            "overdue" => SlaState.Overdue,
            "escalated" => SlaState.Escalated,
            _ => Error<SlaState?>(errors, "sla", "sla 应为 normal、warning、overdue 或 escalated", null),
        };
        var sort = p.Sort?.ToLowerInvariant() switch
        {
            null or "" or "due" => TaskSort.Due,
            "-due" => TaskSort.DueDescending,
            "created" => TaskSort.Created,
            "-created" => TaskSort.CreatedDescending,
            "sla" => TaskSort.Sla,
            _ => Error(errors, "sort", "sort 应为 due、-due、created、-created 或 sla", TaskSort.Due),
        };
        if (errors.Count > 0)
        {
            throw new CaseException(CaseErrorKind.Invalid, "查询条件有误。", errors);
        }

        return new TaskQuery
        {
            View = view,
            Unit = p.Unit,
            Step = p.Step,
            Sla = sla,
            Region = p.Region,
            DueBefore = p.DueBefore,
            Q = p.Q,
            Sort = sort,
            Page = p.Page ?? 1,
            PageSize = p.PageSize ?? 20,
        };
    }

    private static T Error<T>(Dictionary<string, string[]> errors, string field, string message, T fallback)
    {
        errors[field] = [message];
        return fallback;
    }
}
