using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// What the caller may do with a task, exactly as the server says (<see cref="TaskDetail.Allowed"/>):
/// claim and give back at once; return, transfer, delegate, resolve, add or remove a signer, copy and
/// urge through a small form that asks for what practice requires (a reason to return, transfer or
/// delegate); decide through the task's own form (the decision form requires a reason to reject).
/// The server checks everything again; its field errors appear under the fields.
/// </summary>
public partial class TaskActionsPanel : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private TaskAction? _open;
    private bool _busy;
    private bool _failed;
    private bool _focusPending;
    private string? _message;
    private string? _comment;
    private string? _target;
    private string? _toUser;
    private string? _recipients;
    private string? _signer;
    private string? _removeTaskId;
    private ElementReference _first;
    private Dictionary<string, string[]> _errors = [];
    private IReadOnlyDictionary<string, string[]>? _formErrors;

    [Inject]
    private ITaskActions Actions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<TasksText> T { get; set; } = default!;

    /// <summary>The task page's data. Required.</summary>
    [Parameter, EditorRequired]
    public required TaskDetail Detail { get; set; }

    /// <summary>Who acts: the signed-in user. Required.</summary>
    [Parameter, EditorRequired]
    public required ClaimsPrincipal User { get; set; }

    /// <summary>Raised after an action succeeded, so the page can load the task again.</summary>
    [Parameter]
    public EventCallback<TaskActionResult> Acted { get; set; }

    private TaskPermissions Allowed => Detail.Allowed;

    private bool HasAnyAction => Allowed.Claim || Allowed.Unclaim || Allowed.Complete || OfferedForms.Any();

    /// <summary>The actions that open a form, in the order officials expect them.</summary>
    private IEnumerable<TaskAction> OfferedForms
    {
        get
        {
            if (Allowed.Complete && Detail.TaskForm is null)
            {
                yield return TaskAction.Complete;
            }

            if (Allowed.Return && Detail.ReturnTargets.Count > 0)
            {
                yield return TaskAction.Return;
            }

            if (Allowed.Transfer)
            {
                yield return TaskAction.Transfer;
            }

            if (Allowed.Delegate)
            {
                yield return TaskAction.Delegate;
            }

            if (Allowed.Resolve)
            {
                yield return TaskAction.Resolve;
            }

            if (Allowed.AddSigner)
            {
                yield return TaskAction.AddSigner;
            }

            if (Allowed.RemoveSigner && RemovableSigners.Any())
            {
                yield return TaskAction.RemoveSigner;
            }

            if (Allowed.CarbonCopy)
            {
                yield return TaskAction.CarbonCopy;
            }

            if (Allowed.Urge)
            {
                yield return TaskAction.Urge;
            }
        }
    }

    /// <summary>Other signers who have not signed yet.</summary>
    private IEnumerable<SignerView> RemovableSigners =>
        Detail.Signers.Where(s => s.TaskId != Detail.Task.Id && s.Status == UserTaskStatus.Open);

    /// <summary>Return, transfer and delegate need a reason (they change who decides, or undo a step).</summary>
    private static bool CommentRequired(TaskAction action) => action is TaskAction.Return or TaskAction.Transfer or TaskAction.Delegate;

    private IReadOnlyList<string> ErrorsOf(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    private string Invalid(string field) => _errors.ContainsKey(field) ? "true" : "false";

    private void Open(TaskAction action)
    {
        _open = action;
        _errors = [];
        _message = null;
        (_comment, _target, _toUser, _recipients, _signer, _removeTaskId) = (null, null, null, null, null, null);
        _focusPending = true;
    }

    private void Close()
    {
        _open = null;
        _errors = [];
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The first field of a form that just opened takes the focus, so a keyboard user types at once.
        if (_focusPending && _open is not null)
        {
            _focusPending = false;
            await _first.FocusAsync();
        }
    }

    private Task ClaimAsync() => RunAsync("Claim", () => Actions.ClaimAsync(User, Detail.Task.Id, _disposed.Token));

    private Task UnclaimAsync() => RunAsync("Unclaim", () => Actions.UnclaimAsync(User, Detail.Task.Id, _disposed.Token));

    private Task CompleteAsync(JsonObject data) =>
        RunAsync("Submit", () => Actions.CompleteAsync(User, Detail.Task.Id, new CompleteTaskCommand(data), _disposed.Token), formErrors: true);

    /// <summary>Checks what this side can (required fields), then sends the open form's action.</summary>
    private Task SubmitAsync()
    {
        if (_open is not { } action)
        {
            return Task.CompletedTask;
        }

        _errors = Missing(action);
        if (_errors.Count > 0)
        {
            return Task.CompletedTask;
        }

        var id = Detail.Task.Id;
        var comment = string.IsNullOrWhiteSpace(_comment) ? null : _comment.Trim();
        return RunAsync(action.ToString(), action switch
        {
            TaskAction.Return => () => Actions.ReturnAsync(User, id, new ReturnTaskCommand(_target, comment), _disposed.Token),
            TaskAction.Transfer => () => Actions.TransferAsync(User, id, new ReassignTaskCommand(_toUser?.Trim(), comment), _disposed.Token),
            TaskAction.Delegate => () => Actions.DelegateAsync(User, id, new ReassignTaskCommand(_toUser?.Trim(), comment), _disposed.Token),
            TaskAction.Resolve => () => Actions.ResolveAsync(User, id, new ResolveTaskCommand(null, comment), _disposed.Token),
            TaskAction.AddSigner => () => Actions.ChangeSignersAsync(User, id, new SignerCommand(_signer?.Trim(), null, comment), _disposed.Token),
            TaskAction.RemoveSigner => () => Actions.ChangeSignersAsync(User, id, new SignerCommand(null, Guid.Parse(_removeTaskId!), comment), _disposed.Token),
            TaskAction.CarbonCopy => () => Actions.CarbonCopyAsync(User, id, new CarbonCopyCommand(Recipients(), comment), _disposed.Token),
            TaskAction.Urge => () => Actions.UrgeAsync(User, id, new UrgeCommand(comment), _disposed.Token),
            _ => () => Actions.CompleteAsync(User, id, new CompleteTaskCommand(null, comment), _disposed.Token),
        });
    }

    private Dictionary<string, string[]> Missing(TaskAction action)
    {
        var errors = new Dictionary<string, string[]>();
        if (CommentRequired(action) && string.IsNullOrWhiteSpace(_comment))
        {
            errors["comment"] = [T["CommentRequired"]];
        }

        switch (action)
        {
            case TaskAction.Return when string.IsNullOrEmpty(_target):
                errors["targetElementId"] = [T["ChooseTarget"]];
                break;
            case TaskAction.Transfer or TaskAction.Delegate when string.IsNullOrWhiteSpace(_toUser):
                errors["toUser"] = [T["ToUserRequired"]];
                break;
            case TaskAction.CarbonCopy when Recipients().Count == 0:
                errors["recipients"] = [T["RecipientsRequired"]];
                break;
            case TaskAction.AddSigner when string.IsNullOrWhiteSpace(_signer):
                errors["add"] = [T["SignerRequired"]];
                break;
            case TaskAction.RemoveSigner when !Guid.TryParse(_removeTaskId, out _):
                errors["removeTaskId"] = [T["ChooseSigner"]];
                break;
        }

        return errors;
    }

    private List<string> Recipients() =>
        [.. (_recipients ?? string.Empty).Split([',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Runs an action: success closes the form and tells the page; a refusal shows the server's words where they belong.</summary>
    private async Task RunAsync(string name, Func<Task<TaskActionResult>> action, bool formErrors = false)
    {
        _busy = true;
        _message = null;
        _formErrors = null;
        try
        {
            var result = await action();
            _failed = false;
            _message = T["ActionDone", T[name]];
            _open = null;
            _errors = [];
            await Acted.InvokeAsync(result);
        }
        catch (CaseException ex)
        {
            _failed = true;
            _message = $"{T["ActionFailed"]}：{ex.Message}";
            if (formErrors)
            {
                _formErrors = ex.Errors;
            }
            else
            {
                _errors = ex.Errors.ToDictionary(e => e.Key, e => e.Value);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
