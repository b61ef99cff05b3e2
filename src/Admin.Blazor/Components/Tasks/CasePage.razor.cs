using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Supervision.Cases.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// /tasks/cases/{id}: a case for its applicant ("我发起的") and the officials in scope — state, steps,
/// the application, the diagram and the history — with the applicant's withdrawal (撤回) while the
/// office has not acted.
/// </summary>
public partial class CasePage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private CaseDetail? _detail;
    private ClaimsPrincipal? _user;
    private bool _notFound;
    private bool _official;
    private bool _busy;
    private bool _failed;
    private string? _message;
    private string? _comment;

    [Inject]
    private ICaseViews Cases { get; set; } = default!;

    [Inject]
    private ITaskActions Actions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<TasksText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The instance id from the route.</summary>
    [Parameter]
    public Guid Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _user = await TaskUser.CurrentAsync(Authentication);
        _official = TaskUser.IsOfficial(_user);
        if (_official)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _detail = await Cases.GetAsync(_user!, Id, _disposed.Token);
            _notFound = false;
        }
        catch (CaseException ex) when (ex.Kind == CaseErrorKind.NotFound)
        {
            _detail = null;
            _notFound = true;
        }
    }

    private async Task WithdrawAsync()
    {
        _busy = true;
        try
        {
            await Actions.WithdrawAsync(_user!, Id, new WithdrawCommand(string.IsNullOrWhiteSpace(_comment) ? null : _comment.Trim()), _disposed.Token);
            _failed = false;
            _message = T["ActionDone", T["Withdraw"]];
            _comment = null;
        }
        catch (CaseException ex)
        {
            _failed = true;
            _message = $"{T["ActionFailed"]}：{ex.Message}";
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
