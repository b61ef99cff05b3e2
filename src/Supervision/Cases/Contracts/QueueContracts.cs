using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>The four tabs of the officials' queue.</summary>
public enum TaskView
{
    /// <summary>待办: open tasks assigned to me, or claimable by one of my groups, in my scope.</summary>
    Todo,

    /// <summary>已办: tasks I completed.</summary>
    Done,

    /// <summary>抄送我的: cases copied to me.</summary>
    Cc,

    /// <summary>我发起的: cases I started.</summary>
    Started,
}

/// <summary>How a queue page is ordered.</summary>
public enum TaskSort
{
    /// <summary>Nearest deadline first (no deadline last); the default.</summary>
    Due,

    /// <summary>Latest deadline first.</summary>
    DueDescending,

    /// <summary>Oldest first.</summary>
    Created,

    /// <summary>Newest first.</summary>
    CreatedDescending,

    /// <summary>Escalated, then overdue, then warning, then normal; nearest deadline first within each.</summary>
    Sla,
}

/// <summary>A queue request: the tab, filters, order and page.</summary>
public sealed record TaskQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    public TaskView View { get; init; } = TaskView.Todo;

    /// <summary>A unit code ("11").</summary>
    public string? Unit { get; init; }

    /// <summary>A step code ("coding").</summary>
    public string? Step { get; init; }

    public SlaState? Sla { get; init; }

    /// <summary>A region code: the case's region lies under it (within the caller's own scope).</summary>
    public string? Region { get; init; }

    /// <summary>Deadline at or before this instant.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Keyword: application number or device code (prefix), or the applicant's name (contains).</summary>
    public string? Q { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.Due;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One row of a queue tab: a task (待办/已办), a copy (抄送) or a case (我发起的).</summary>
public sealed record QueueItem
{
    /// <summary>The task, for todo and done, and for a copy made from a task.</summary>
    public Guid? TaskId { get; init; }

    public required Guid InstanceId { get; init; }

    /// <summary>The application number.</summary>
    public string? BusinessKey { get; init; }

    public string? UnitCode { get; init; }

    /// <summary>"11 使用登记（首次）", or the process key for processes outside the catalog.</summary>
    public required string UnitName { get; init; }

    public string? StepName { get; init; }

    /// <summary>The task's name (受理, 审查决定); for a case, its open steps.</summary>
    public string? TaskName { get; init; }

    public string? RegionCode { get; init; }

    /// <summary>The device code.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The applicant's name.</summary>
    public string? SubjectName { get; init; }

    public string? Assignee { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public SlaState SlaState { get; init; }

    /// <summary>Working days from today to the deadline's day (negative when overdue), or null without a deadline.</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>When the task was completed or the case ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>For a copy: who sent it, their note, and whether it was read.</summary>
    public string? CopiedBy { get; init; }

    public string? CopyComment { get; init; }

    /// <summary>For a case: 办理中, 已办结, 已撤回/已终止.</summary>
    public string? CaseStatus { get; init; }
}

/// <summary>A page of a queue tab with the total for the pager.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Page, int PageSize, long Total);
