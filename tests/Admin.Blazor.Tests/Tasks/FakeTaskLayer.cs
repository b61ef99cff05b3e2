using System.Security.Claims;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>
/// The case layer in memory for the officials' pages: queue rows and task details the test puts in,
/// a record of every query and command with the user it came from, and a refusal the next call throws.
/// </summary>
internal sealed class FakeTaskLayer : ITaskQueue, ITaskActions, ICaseViews
{
    /// <summary>The rows of every tab (the fake pages them; filtering is the server's, tested on the host).</summary>
    public List<QueueItem> Rows { get; } = [];

    public Dictionary<Guid, TaskDetail> Tasks { get; } = [];

    public Dictionary<Guid, CaseDetail> Cases { get; } = [];

    /// <summary>Every queue request, in order.</summary>
    public List<TaskQuery> Queries { get; } = [];

    /// <summary>Every command: its name, the task or case id and its argument.</summary>
    public List<(string Command, Guid Id, object? Argument)> Calls { get; } = [];

    /// <summary>Who the last call was made for.</summary>
    public ClaimsPrincipal? LastUser { get; private set; }

    /// <summary>Thrown by the next call.</summary>
    public CaseException? Refuse { get; set; }

    public Task<QueuePage> ListAsync(ClaimsPrincipal user, TaskQuery query, CancellationToken cancellationToken)
    {
        LastUser = user;
        Queries.Add(query);
        ThrowIfRefused();
        return Task.FromResult(new QueuePage([.. Rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, Rows.Count));
    }

    public Task<TaskDetail> GetAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) =>
        Tasks.TryGetValue(taskId, out var found) ? Task.FromResult(found) : throw CaseException.NotFound("没有这个任务。");

    Task<CaseDetail> ICaseViews.GetAsync(ClaimsPrincipal user, Guid instanceId, CancellationToken cancellationToken) =>
        Cases.TryGetValue(instanceId, out var found) ? Task.FromResult(found) : throw CaseException.NotFound("没有这个案件。");

    public Task<QueuePage> MineAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The officials' pages list started cases through the queue's own tab.");

    public Task<TaskActionResult> ClaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) => Record("claim", user, taskId, null);

    public Task<TaskActionResult> UnclaimAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken) => Record("unclaim", user, taskId, null);

    public Task<TaskActionResult> CompleteAsync(ClaimsPrincipal user, Guid taskId, CompleteTaskCommand command, CancellationToken cancellationToken) => Record("complete", user, taskId, command);

    public Task<TaskActionResult> ReturnAsync(ClaimsPrincipal user, Guid taskId, ReturnTaskCommand command, CancellationToken cancellationToken) => Record("return", user, taskId, command);

    public Task<TaskActionResult> TransferAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken) => Record("transfer", user, taskId, command);

    public Task<TaskActionResult> DelegateAsync(ClaimsPrincipal user, Guid taskId, ReassignTaskCommand command, CancellationToken cancellationToken) => Record("delegate", user, taskId, command);

    public Task<TaskActionResult> ResolveAsync(ClaimsPrincipal user, Guid taskId, ResolveTaskCommand command, CancellationToken cancellationToken) => Record("resolve", user, taskId, command);

    public Task<TaskActionResult> ChangeSignersAsync(ClaimsPrincipal user, Guid taskId, SignerCommand command, CancellationToken cancellationToken) => Record("signers", user, taskId, command);

    public Task<TaskActionResult> CarbonCopyAsync(ClaimsPrincipal user, Guid taskId, CarbonCopyCommand command, CancellationToken cancellationToken) => Record("cc", user, taskId, command);

    public Task<TaskActionResult> UrgeAsync(ClaimsPrincipal user, Guid taskId, UrgeCommand command, CancellationToken cancellationToken) => Record("urge", user, taskId, command);

    public Task<TaskActionResult> WithdrawAsync(ClaimsPrincipal user, Guid instanceId, WithdrawCommand command, CancellationToken cancellationToken) => Record("withdraw", user, instanceId, command);

    private Task<TaskActionResult> Record(string command, ClaimsPrincipal user, Guid id, object? argument)
    {
        LastUser = user;
        Calls.Add((command, id, argument));
        ThrowIfRefused();
        return Task.FromResult(new TaskActionResult(command, []));
    }

    private void ThrowIfRefused()
    {
        if (Refuse is { } refusal)
        {
            Refuse = null;
            throw refusal;
        }
    }
}
