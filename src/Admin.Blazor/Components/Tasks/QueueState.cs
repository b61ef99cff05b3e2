using System.Globalization;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>
/// What the queue page shows — tab, filters, order, page — as it travels in the address
/// (<c>/tasks?tab=done&amp;unit=11&amp;sla=overdue&amp;page=2</c>): a filtered queue can be bookmarked,
/// shared with a colleague, and survives the back button and a reload.
/// </summary>
public sealed record QueueState
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    public TaskView View { get; init; } = TaskView.Todo;

    public string? Unit { get; init; }

    public string? Step { get; init; }

    /// <summary>Only for the tabs whose rows have a deadline (todo, done).</summary>
    public SlaState? Sla { get; init; }

    public string? Region { get; init; }

    /// <summary>Deadline on or before this day (China time); only for todo and done.</summary>
    public DateOnly? DueBy { get; init; }

    public string? Keyword { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.Due;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    /// <summary>True for the tabs whose rows are tasks with a deadline.</summary>
    public static bool HasDeadlines(TaskView view) => view is TaskView.Todo or TaskView.Done;

    /// <summary>The orders a tab offers, the default first: copies and cases have no deadline of their own.</summary>
    public static IReadOnlyList<TaskSort> SortsOf(TaskView view) => HasDeadlines(view)
        ? [TaskSort.Due, TaskSort.DueDescending, TaskSort.CreatedDescending, TaskSort.Created, TaskSort.Sla]
        : [TaskSort.CreatedDescending, TaskSort.Created];

    /// <summary>The first page of a tab, without filters.</summary>
    public static QueueState Of(TaskView view) => new() { View = view, Sort = SortsOf(view)[0] };

    /// <summary>
    /// Reads the address. Anything unknown or out of place (a typo, an old bookmark, a filter the tab
    /// does not have) falls back to the default instead of failing the page.
    /// </summary>
    public static QueueState Parse(string uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(uri, UriKind.Absolute).Query);
        var view = Enum.TryParse<TaskView>(query["tab"], ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : TaskView.Todo;
        var deadlines = HasDeadlines(view);
        var sort = Enum.TryParse<TaskSort>(query["sort"], ignoreCase: true, out var s) && SortsOf(view).Contains(s) ? s : SortsOf(view)[0];
        return new QueueState
        {
            View = view,
            Unit = Text(query["unit"]),
            Step = Text(query["step"]),
            Sla = deadlines && Enum.TryParse<SlaState>(query["sla"], ignoreCase: true, out var sla) && Enum.IsDefined(sla) ? sla : null,
            Region = view == TaskView.Started ? null : Text(query["region"]),
            DueBy = deadlines && DateOnly.TryParseExact(query["due"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            Keyword = Text(query["q"]),
            Sort = sort,
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
        };
    }

    /// <summary>The query string parameters; defaults are left out so the plain queue stays <c>/tasks</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["tab"] = View == TaskView.Todo ? null : View.ToString().ToLowerInvariant(),
        ["unit"] = Unit,
        ["step"] = Step,
        ["sla"] = Sla?.ToString().ToLowerInvariant(),
        ["region"] = Region,
        ["due"] = DueBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["q"] = Keyword,
        ["sort"] = Sort == SortsOf(View)[0] ? null : Sort.ToString().ToLowerInvariant(),
        ["page"] = Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The case layer's query for this state.</summary>
    public TaskQuery ToQuery() => new()
    {
        View = View,
        Unit = Unit,
        Step = Step,
        Sla = HasDeadlines(View) ? Sla : null,
        Region = View == TaskView.Started ? null : Region,

        // "Due by" a day: until the end of that day in China.
        DueBefore = HasDeadlines(View) && DueBy is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.FromHours(8))
            : null,
        Q = Keyword,
        Sort = Sort,
        Page = Page,
        PageSize = PageSize,
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
