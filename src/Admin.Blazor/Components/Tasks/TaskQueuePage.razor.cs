using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// /tasks: the four tabs of an official's queue, filtered, sorted and paged by the server
/// (<see cref="ITaskQueue"/>). What is shown lives in the address (<see cref="QueueState"/>), so the
/// back button, a reload and a shared link show the same page. Each row opens the task or, for a
/// copy or a case, the case page; an unassigned to-do can be claimed from the row.
/// </summary>
public partial class TaskQueuePage : IDisposable
{
    private static readonly TaskView[] Views = [TaskView.Todo, TaskView.Done, TaskView.Cc, TaskView.Started];

    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<TaskView, ElementReference> _tabs = [];
    private ClaimsPrincipal? _user;
    private bool _official;
    private QueueState _loaded = new();
    private QueuePage? _page;
    private bool _loading;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();
    private string? _message;
    private bool _messageFailed;
    private Guid? _claiming;
    private TaskView? _focusTab;

    // The filter form's fields: edited freely, applied by 查询.
    private string _unit = string.Empty;
    private string _step = string.Empty;
    private string _sla = string.Empty;
    private string? _region;
    private DateOnly? _dueBy;
    private string? _keyword;
    private TaskSort _sort = TaskSort.Due;

    [Inject]
    private ITaskQueue Queue { get; set; } = default!;

    [Inject]
    private ITaskActions Actions { get; set; } = default!;

    [Inject]
    private IUnitCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<TasksText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private TaskView View => _loaded.View;

    private int PageCount => _page is null ? 1 : Math.Max(1, (int)Math.Ceiling(_page.Total / (double)QueueState.PageSize));

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _user = await TaskUser.CurrentAsync(Authentication);
        _official = TaskUser.IsOfficial(_user);
        if (!_official)
        {
            return;
        }

        Navigation.LocationChanged += OnLocationChanged;
        await ShowAsync(QueueState.Parse(Navigation.Uri));
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Arrow keys moved to another tab: the focus follows it (roving tabindex).
        if (_focusTab is { } tab && _tabs.TryGetValue(tab, out var element))
        {
            _focusTab = null;
            await element.FocusAsync();
        }
    }

    /// <summary>Back, forward, or a link to another filter: show what the address says.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = new Uri(e.Location).AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/tasks", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var state = QueueState.Parse(e.Location);
        if (state != _loaded)
        {
            _ = InvokeAsync(async () =>
            {
                await ShowAsync(state);
                StateHasChanged();
            });
        }
    }

    /// <summary>The orders the current tab offers.</summary>
    private IReadOnlyList<TaskSort> Sorts => QueueState.SortsOf(View);

    private static string LinkOf(QueueItem item) => item.TaskId is { } task && item.CopiedBy is null
        ? $"tasks/{task}"
        : $"tasks/cases/{item.InstanceId}";

    private bool Claimable(QueueItem item) => View == TaskView.Todo && item.TaskId is not null && item.Assignee is null && item.EndedAt is null;

    private Task SelectViewAsync(TaskView view) => view == View ? Task.CompletedTask : GoAsync(QueueState.Of(view));

    /// <summary>
    /// Left and right arrows, Home and End move the focus between the tabs; Enter or Space opens one
    /// (WAI-ARIA tabs with manual activation: each tab is a query and an address, so passing over a
    /// tab must not load it, and a new address would move the focus to the page heading).
    /// </summary>
    private void TabKey(KeyboardEventArgs e, TaskView view)
    {
        var index = Array.IndexOf(Views, view);
        int? next = e.Key switch
        {
            "ArrowRight" => (index + 1) % Views.Length,
            "ArrowLeft" => (index + Views.Length - 1) % Views.Length,
            "Home" => 0,
            "End" => Views.Length - 1,
            _ => null,
        };
        if (next is { } target)
        {
            _focusTab = Views[target];
        }
    }

    private Task SearchAsync() => GoAsync(FromForm() with { Page = 1 });

    private Task ResetAsync() => GoAsync(QueueState.Of(View));

    private Task GoToPageAsync(int page) => GoAsync(_loaded with { Page = Math.Clamp(page, 1, PageCount) });

    /// <summary>Claims a to-do from its row; the row then shows the caller as its holder.</summary>
    private async Task ClaimAsync(QueueItem item)
    {
        _claiming = item.TaskId;
        try
        {
            await Actions.ClaimAsync(_user!, item.TaskId!.Value, _disposed.Token);
            _messageFailed = false;
            _message = T["ClaimedTask", item.TaskName ?? string.Empty, item.BusinessKey ?? string.Empty];
        }
        catch (CaseException ex)
        {
            _messageFailed = true;
            _message = $"{T["ActionFailed"]}：{ex.Message}";
        }
        finally
        {
            _claiming = null;
        }

        await LoadAsync();
    }

    /// <summary>Puts the state in the address (one history entry per search or page) and shows it.</summary>
    private Task GoAsync(QueueState state)
    {
        _message = null;
        var uri = Navigation.GetUriWithQueryParameters(Navigation.ToAbsoluteUri("tasks").ToString(), state.ToQueryParameters());

        // Loaded first, so the location event this navigation raises finds nothing new to load.
        _loaded = state;
        Navigation.NavigateTo(uri);
        return ShowAsync(state);
    }

    private Task ShowAsync(QueueState state)
    {
        _loaded = state;
        (_unit, _step, _sla) = (state.Unit ?? string.Empty, state.Step ?? string.Empty, state.Sla?.ToString() ?? string.Empty);
        (_region, _dueBy, _keyword, _sort) = (state.Region, state.DueBy, state.Keyword, state.Sort);
        return LoadAsync();
    }

    private QueueState FromForm() => new()
    {
        View = View,
        Unit = NullIfBlank(_unit),
        Step = NullIfBlank(_step),
        Sla = QueueState.HasDeadlines(View) && Enum.TryParse<SlaState>(_sla, out var sla) ? sla : null,
        Region = View == TaskView.Started ? null : NullIfBlank(_region),
        DueBy = QueueState.HasDeadlines(View) ? _dueBy : null,
        Keyword = NullIfBlank(_keyword),
        Sort = Sorts.Contains(_sort) ? _sort : Sorts[0],
        Page = 1,
    };

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        _fieldErrors = new Dictionary<string, string[]>();
        try
        {
            _page = await Queue.ListAsync(_user!, _loaded.ToQuery(), _disposed.Token);
        }
        catch (CaseException ex)
        {
            _error = T["QueryInvalid"];
            _fieldErrors = ex.Errors.Count > 0 ? ex.Errors : new Dictionary<string, string[]> { [string.Empty] = [ex.Message] };
            _page = new QueuePage([], 1, QueueState.PageSize, 0);
        }
        finally
        {
            _loading = false;
        }
    }

    private string? ErrorOf(string field) => _fieldErrors.TryGetValue(field, out var errors) ? string.Join("；", errors) : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <inheritdoc />
    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
