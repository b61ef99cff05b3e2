using System.Security.Claims;

namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>
/// The officials' work queue and task page. Every call takes the signed-in user and answers only
/// what their scope covers; a task outside it is <see cref="CaseErrorKind.NotFound"/>.
/// </summary>
public interface ITaskQueue
{
    /// <summary>A page of one tab, filtered and sorted in the database.</summary>
    Task<QueuePage> ListAsync(ClaimsPrincipal user, TaskQuery query, CancellationToken cancellationToken);

    /// <summary>Everything the task page needs.</summary>
    Task<TaskDetail> GetAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken);
}

/// <summary>
/// The actions on a task, as engine commands, after checking the caller may take them (candidate,
/// holder, owner, scope). Refusals are <see cref="CaseException"/>.
/// </summary>
public interface ITaskActions
{
    Task<TaskActionResult> ClaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken);

    Task<TaskActionResult> UnclaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken);

    /// <summary>Approve, reject or return for correction (decision form), or complete any other form; an unclaimed task is claimed first.</summary>
    Task<TaskActionResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, CompleteTaskCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> ReturnAsync(ClaimsPrincipal user, Guid taskId, ReturnTaskCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> TransferAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> DelegateAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> ResolveAsync(ClaimsPrincipal user, Guid taskId, ResolveTaskCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> ChangeSignersAsync(ClaimsPrincipal user, Guid taskId, SignerCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> CarbonCopyAsync(ClaimsPrincipal user, Guid taskId, CarbonCopyCommand command, CancellationToken cancellationToken);

    Task<TaskActionResult> UrgeAsync(ClaimsPrincipal user, Guid taskId, UrgeCommand command, CancellationToken cancellationToken);

    /// <summary>撤回 by the applicant while the next step has not acted.</summary>
    Task<TaskActionResult> WithdrawAsync(ClaimsPrincipal user, Guid instanceId, WithdrawCommand command, CancellationToken cancellationToken);
}

/// <summary>Starting applications, drafts, and the public complaint (unit 30).</summary>
public interface ICaseApplications
{
    /// <summary>Validates the form, checks the caller may apply for the unit, and starts the case.</summary>
    Task<StartedCase> StartAsync(ClaimsPrincipal user, string unitCode, StartApplication application, CancellationToken cancellationToken);

    Task<IReadOnlyList<DraftView>> ListDraftsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The caller's draft of a unit, or null.</summary>
    Task<DraftView?> GetDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken);

    Task<DraftView> SaveDraftAsync(ClaimsPrincipal user, string unitCode, System.Text.Json.Nodes.JsonObject? data, CancellationToken cancellationToken);

    /// <summary>Deletes the caller's draft of a unit; false when there was none.</summary>
    Task<bool> DeleteDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken);

    /// <summary>An anonymous complaint about a registered device (unit 30).</summary>
    Task<ComplaintReceipt> SubmitComplaintAsync(string deviceCode, System.Text.Json.Nodes.JsonObject? data, CancellationToken cancellationToken);

    /// <summary>Where a complaint stands, by its reference; null when there is none.</summary>
    Task<ComplaintStatus?> GetComplaintAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>Cases as their applicants and the officials in scope see them.</summary>
public interface ICaseViews
{
    Task<CaseDetail> GetAsync(ClaimsPrincipal user, Guid instanceId, CancellationToken cancellationToken);

    /// <summary>The cases the caller started, newest first.</summary>
    Task<QueuePage> MineAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken);
}
