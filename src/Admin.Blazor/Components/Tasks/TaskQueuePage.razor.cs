using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// /tasks: the four tabs of an official's (and an applicant's) queue, filtered, sorted and paged by
/// the server (<see cref="ITaskQueue"/>); each row opens the task or, for a case, the case page.
/// </summary>
public partial class TaskQueuePage
{
    private static readonly TaskView[] Views = [TaskView.Todo, TaskView.Done, TaskView.Cc, TaskView.Started];

    private readonly CancellationTokenSource _disposed = new();
    private TaskView _view = TaskView.Todo;
    private string _unit = string.Empty;
    private string _step = string.Empty;
    private string _sla = string.Empty;
    private string? _region;
    private DateOnly? _dueBefore;
    private string? _keyword;
    private TaskSort _sort = TaskSort.Due;
    private int _pageNumber = 1;
    private QueuePage? _page;
    private bool _loading;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();

    [Inject]
    private ITaskQueue Queue { get; set; } = default!;

    [Inject]
    private IUnitCatalog Catalog { get; set; } = default!;

    [Inject]
    private IStringLocalizer<TasksText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    private int PageCount => _page is null ? 1 : Math.Max(1, (int)Math.Ceiling(_page.Total / (double)PageSize));

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>The orders a tab offers: copies and cases have no deadline of their own.</summary>
    private static IEnumerable<TaskSort> SortsOf(TaskView view) => view is TaskView.Cc or TaskView.Started
        ? [TaskSort.CreatedDescending, TaskSort.Created]
        : [TaskSort.Due, TaskSort.DueDescending, TaskSort.CreatedDescending, TaskSort.Created, TaskSort.Sla];

    private static string LinkOf(QueueItem item) => item.TaskId is { } task
        ? $"/tasks/{task}"
        : $"/tasks/cases/{item.InstanceId}";

    private string? ErrorOf(string field) => _fieldErrors.TryGetValue(field, out var errors) ? string.Join("；", errors) : null;

    private async Task SelectViewAsync(TaskView view)
    {
        if (view == _view)
        {
            return;
        }

        _view = view;
        _sort = SortsOf(view).First();
        _pageNumber = 1;
        await LoadAsync();
    }

    /// <summary>Left and right arrows, Home and End move between the tabs (and load the tab).</summary>
    private Task TabKeyAsync(KeyboardEventArgs e, TaskView view)
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
        return next is { } target ? SelectViewAsync(Views[target]) : Task.CompletedTask;
    }

    private Task SearchAsync()
    {
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task ResetAsync()
    {
        (_unit, _step, _sla, _region, _dueBefore, _keyword) = (string.Empty, string.Empty, string.Empty, null, null, null);
        _sort = SortsOf(_view).First();
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task GoToPageAsync(int page)
    {
        _pageNumber = Math.Clamp(page, 1, PageCount);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        _fieldErrors = new Dictionary<string, string[]>();
        try
        {
            var user = await TaskUser.PrincipalAsync(Authentication);
            _page = await Queue.ListAsync(user, Query(), _disposed.Token);
        }
        catch (CaseException ex)
        {
            _error = T["QueryInvalid"];
            _fieldErrors = ex.Errors.Count > 0 ? ex.Errors : new Dictionary<string, string[]> { [string.Empty] = [ex.Message] };
            _page ??= new QueuePage([], 1, PageSize, 0);
        }
        finally
        {
            _loading = false;
        }
    }

    private TaskQuery Query() => new()
    {
        View = _view,
        Unit = NullIfEmpty(_unit),
        Step = NullIfEmpty(_step),
        Sla = _view is TaskView.Todo or TaskView.Done && Enum.TryParse<SlaState>(_sla, out var sla) ? sla : null,
        Region = _view == TaskView.Started ? null : NullIfEmpty(_region?.Trim()),

        // "Due by" a day: until the end of that day in China.
        DueBefore = _view is TaskView.Todo or TaskView.Done && _dueBefore is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.FromHours(8))
            : null,
        Q = NullIfEmpty(_keyword?.Trim()),
        Sort = _sort,
        Page = _pageNumber,
        PageSize = PageSize,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
