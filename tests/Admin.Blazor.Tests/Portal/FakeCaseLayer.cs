using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>
/// The case layer in memory, for the portal's pages: cases, tasks and drafts the test puts in,
/// and a record of every command the pages send. A call can be made to fail with a refusal.
/// </summary>
internal sealed class FakeCaseLayer : ICaseApplications, ICaseViews, ITaskQueue, ITaskActions
{
    public Dictionary<string, DraftView> Drafts { get; } = new(StringComparer.Ordinal);

    public Dictionary<Guid, CaseDetail> Cases { get; } = [];

    public Dictionary<Guid, TaskDetail> Tasks { get; } = [];

    public List<QueueItem> Mine { get; } = [];

    public List<QueueItem> Todo { get; } = [];

    /// <summary>Every command and its argument, in order: ("start", StartApplication), ("saveDraft", JsonObject) …</summary>
    public List<(string Command, object? Argument)> Calls { get; } = [];

    /// <summary>Thrown by the next start, completion or withdrawal.</summary>
    public CaseException? Refuse { get; set; }

    public Guid StartedInstance { get; } = Guid.NewGuid();

    public Task<StartedCase> StartAsync(ClaimsPrincipal user, string unitCode, StartApplication application, CancellationToken cancellationToken)
    {
        Calls.Add(("start", application));
        ThrowIfRefused();
        return Task.FromResult(new StartedCase(StartedInstance, "AH11-20261126-000001", unitCode, []));
    }

    public Task<IReadOnlyList<DraftView>> ListDraftsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DraftView>>([.. Drafts.Values]);

    public Task<DraftView?> GetDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken) =>
        Task.FromResult(Drafts.GetValueOrDefault(unitCode));

    public Task<DraftView> SaveDraftAsync(ClaimsPrincipal user, string unitCode, JsonObject? data, CancellationToken cancellationToken)
    {
        Calls.Add(("saveDraft", data));
        var now = new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
        var draft = new DraftView(Guid.NewGuid(), unitCode, data ?? [], now, now);
        Drafts[unitCode] = draft;
        return Task.FromResult(draft);
    }

    public Task<bool> DeleteDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken)
    {
        Calls.Add(("deleteDraft", unitCode));
        return Task.FromResult(Drafts.Remove(unitCode));
    }

    public Task<ComplaintReceipt> SubmitComplaintAsync(string deviceCode, JsonObject? data, CancellationToken cancellationToken)
    {
        Calls.Add(("complaint", data));
        ThrowIfRefused();
        return Task.FromResult(new ComplaintReceipt("AH30-20261126-000001-K7QX", DateTimeOffset.UnixEpoch));
    }

    public Dictionary<string, ComplaintStatus> Complaints { get; } = new(StringComparer.Ordinal);

    public Task<ComplaintStatus?> GetComplaintAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Complaints.GetValueOrDefault(reference));

    public Task<CaseDetail> GetAsync(ClaimsPrincipal user, Guid instanceId, CancellationToken cancellationToken) =>
        Cases.TryGetValue(instanceId, out var found) ? Task.FromResult(found) : throw CaseException.NotFound($"没有编号为 {instanceId} 的案件。");

    public Task<QueuePage> MineAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(new QueuePage([.. Mine.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, Mine.Count));

    public Task<QueuePage> ListAsync(ClaimsPrincipal user, TaskQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(("queue", query));
        return Task.FromResult(new QueuePage([.. Todo.Take(query.PageSize)], query.Page, query.PageSize, Todo.Count));
    }

    Task<TaskDetail> ITaskQueue.GetAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) =>
        Tasks.TryGetValue(taskId, out var found) ? Task.FromResult(found) : throw CaseException.NotFound($"没有编号为 {taskId} 的任务。");

    public Task<TaskActionResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        Calls.Add(("complete", command));
        ThrowIfRefused();
        return Task.FromResult(new TaskActionResult("complete", []));
    }

    public Task<TaskActionResult> WithdrawAsync(ClaimsPrincipal user, Guid instanceId, WithdrawCommand command, CancellationToken cancellationToken)
    {
        Calls.Add(("withdraw", command));
        ThrowIfRefused();
        return Task.FromResult(new TaskActionResult("withdraw", []));
    }

    // The officials' actions: the portal never sends them; a page that did would fail its test here.
    public Task<TaskActionResult> ClaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> UnclaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> ReturnAsync(ClaimsPrincipal user, Guid taskId, ReturnTaskCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> TransferAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> DelegateAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> ResolveAsync(ClaimsPrincipal user, Guid taskId, ResolveTaskCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> ChangeSignersAsync(ClaimsPrincipal user, Guid taskId, SignerCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> CarbonCopyAsync(ClaimsPrincipal user, Guid taskId, CarbonCopyCommand command, CancellationToken cancellationToken) => Unexpected();

    public Task<TaskActionResult> UrgeAsync(ClaimsPrincipal user, Guid taskId, UrgeCommand command, CancellationToken cancellationToken) => Unexpected();

    private void ThrowIfRefused()
    {
        if (Refuse is { } refusal)
        {
            Refuse = null;
            throw refusal;
        }
    }

    private static Task<TaskActionResult> Unexpected() =>
        throw new InvalidOperationException("The portal sent an officials' action.");
}
