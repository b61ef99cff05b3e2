using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Diagrams;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Supervision.Cases.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// /tasks/{id}: one task with its case — the applicant's form read-only, device and organisation
/// cards, the history with every opinion, the diagram with where the case stands, and the actions
/// the caller may take (<see cref="TaskActionsPanel"/>). A task outside the caller's scope reads as
/// missing.
/// </summary>
public partial class TaskPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private TaskDetail? _detail;
    private ClaimsPrincipal? _user;
    private bool _notFound;
    private bool _official;

    [Inject]
    private ITaskQueue Queue { get; set; } = default!;

    [Inject]
    private IStringLocalizer<TasksText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The task id from the route.</summary>
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

    /// <summary>After an action: the task as it is now (it may have moved on, or be someone else's).</summary>
    private Task ReloadAsync(TaskActionResult result) => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _detail = await Queue.GetAsync(_user!, Id, _disposed.Token);
            _notFound = false;
        }
        catch (CaseException ex) when (ex.Kind == CaseErrorKind.NotFound)
        {
            _detail = null;
            _notFound = true;
        }
    }

    /// <summary>The case's position in the diagram component's terms.</summary>
    internal static DiagramState DiagramOf(DiagramView diagram) => new()
    {
        Completed = diagram.CompletedElementIds,
        Active = diagram.ActiveElementIds,
        Incident = diagram.IncidentElementIds,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
