using System.Security.Claims;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Queue;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// The officials' queue (<see cref="ITaskQueue"/>): one indexed query per page over the task read
/// model (docs/tasks.md), and the task page.
/// </summary>
/// <remarks>
/// A singleton: Blazor circuits call it for as long as a tab is open, so every call takes a
/// context of its own from the engine's pool instead of holding one.
/// </remarks>
internal sealed class TaskQueue(
    CaseCallers callers,
    Func<WorkflowDbContext> createContext,
    IUnitCatalog catalog,
    CaseRecords records,
    CaseCards cards,
    WorkingDays workingDays) : ITaskQueue
{
    /// <inheritdoc />
    public async Task<QueuePage> ListAsync(ClaimsPrincipal user, TaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var caller = await callers.FromAsync(user, cancellationToken);
        var me = caller.UserName ?? throw CaseException.Forbidden("请先登录。");
        var filter = QueueFilter.From(query, catalog);
        await using var db = createContext();
        return query.View switch
        {
            TaskView.Todo => await TodoPageAsync(db, filter, caller, cancellationToken),
            TaskView.Done => await TaskPageAsync(db, filter,
                db.Tasks.AsNoTracking().Where(t => t.CompletedBy == me && t.Status == UserTaskStatus.Completed), cancellationToken),
            TaskView.Cc => await CopiesPageAsync(db, filter, me, cancellationToken),
            _ => await CasesPageAsync(db, filter, me, cancellationToken),
        };
    }

    /// <inheritdoc />
    public async Task<TaskDetail> GetAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken)
    {
        var caller = await callers.FromAsync(user, cancellationToken);
        UserTaskRecord? task;
        await using (var db = createContext())
        {
            task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        }

        // Out of scope reads the same as missing: a task id must not reveal that a case exists.
        if (task is null || !caller.IsSignedIn || !TaskAccess.Covers(caller, task)
            || await records.LoadAsync(task.InstanceId, cancellationToken) is not { } record)
        {
            throw CaseException.NotFound($"没有编号为 {taskId} 的任务。");
        }

        var allowed = TaskRules.For(caller, task, record);
        return new TaskDetail
        {
            Task = records.Summary(task),
            Case = records.Summary(record),
            ApplicantForm = records.ApplicantForm(record),
            TaskForm = records.Form(task.FormKey, record.State),
            Device = await cards.DeviceAsync(caller.Scope, CaseVariables.Text(record.State, CaseVariables.EquipmentCode), cancellationToken),
            Organisation = await cards.OrganisationAsync(caller.Scope, record.OrganisationId, cancellationToken),
            History = records.History(record),
            Diagram = records.Diagram(record),
            ReturnTargets = allowed.Return ? TaskRules.ReturnTargets(task, record) : [],
            Signers = task.LoopCounter is null
                ? []
                : [.. record.Tasks.Where(t => t.ElementId == task.ElementId && t.LoopCounter is not null && t.Status != UserTaskStatus.Canceled)
                    .Select(t => new SignerView(t.Id, t.Assignee, t.Status, t.CompletedBy))],
            Allowed = allowed,
        };
    }

    /// <summary>
    /// 待办: the tasks assigned to the caller (few, from the tasks' own index) plus the tasks their
    /// groups may claim (from the candidate rows, which carry region, process, deadline and creation
    /// time). Without filters on changing task columns the count and the page's ids come from those
    /// two indexes alone and only the page's rows are read; with them the candidates join the tasks.
    /// </summary>
    private async Task<QueuePage> TodoPageAsync(WorkflowDbContext db, QueueFilter filter, CaseCaller caller, CancellationToken cancellationToken)
    {
        var me = caller.RequireUserName();
        var mine = filter.ApplyToCandidateColumns(db.Tasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open && t.Assignee == me).InScope(db, caller));
        var byGroup = filter.ApplyToCandidates(db.TaskCandidates.AsNoTracking().ClaimableByGroups(caller).InScope(db, caller));
        var byName = filter.ApplyToCandidates(db.TaskCandidates.AsNoTracking().ClaimableByUser(caller).InScope(db, caller));
        if (filter.NeedsTaskColumns)
        {
            var ids = byGroup.Select(c => c.TaskId).Union(byName.Select(c => c.TaskId));
            return await TaskPageAsync(db, filter, mine.Concat(db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))), cancellationToken);
        }

        // Union, not concatenation: a caller named as a user and in a named group finds a task twice.
        var keys = mine.Select(t => new { TaskId = t.Id, t.DueAt, t.CreatedAt })
            .Union(byGroup.Select(c => new { c.TaskId, c.DueAt, c.CreatedAt }))
            .Union(byName.Select(c => new { c.TaskId, c.DueAt, c.CreatedAt }));
        var total = await keys.LongCountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            TaskSort.Created => keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.TaskId),
            TaskSort.CreatedDescending => keys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.TaskId),
            TaskSort.DueDescending => keys.OrderBy(k => k.DueAt == null).ThenByDescending(k => k.DueAt).ThenByDescending(k => k.TaskId),
            _ => db.Database.IsNpgsql()
                ? keys.OrderBy(k => k.DueAt).ThenBy(k => k.TaskId)
                : keys.OrderBy(k => k.DueAt == null).ThenBy(k => k.DueAt).ThenBy(k => k.TaskId),
        };
        var page = await sorted.Skip(filter.Skip).Take(filter.PageSize).Select(k => k.TaskId).ToListAsync(cancellationToken);
        return new QueuePage(await RowsAsync(db, page, cancellationToken), filter.Page, filter.PageSize, total);
    }

    /// <summary>A page of task rows: the count, then the page's ids in order, then only those rows (sorting ids, not whole rows).</summary>
    private async Task<QueuePage> TaskPageAsync(WorkflowDbContext db, QueueFilter filter, IQueryable<UserTaskRecord> tasks, CancellationToken cancellationToken)
    {
        tasks = filter.Apply(tasks);
        var total = await tasks.LongCountAsync(cancellationToken);
        var page = await Sorted(db, tasks, filter.Sort).Skip(filter.Skip).Take(filter.PageSize).Select(t => t.Id).ToListAsync(cancellationToken);
        return new QueuePage(await RowsAsync(db, page, cancellationToken), filter.Page, filter.PageSize, total);
    }

    /// <summary>The rows of <paramref name="page"/>, as queue items in the page's order.</summary>
    private async Task<List<QueueItem>> RowsAsync(WorkflowDbContext db, List<Guid> page, CancellationToken cancellationToken)
    {
        var rows = await db.Tasks.AsNoTracking().Where(t => page.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. page.Where(rows.ContainsKey).Select(id => Item(rows[id]))];
    }

    private QueueItem Item(UserTaskRecord t) => new()
    {
        TaskId = t.Id,
        InstanceId = t.InstanceId,
        BusinessKey = t.BusinessKey,
        UnitCode = catalog.FindByProcessKey(t.ProcessKey)?.Code,
        UnitName = records.UnitName(t.ProcessKey),
        StepName = catalog.FindStepByProcessKey(t.ProcessKey)?.NameZh,
        TaskName = t.Name ?? t.ElementId,
        RegionCode = t.RegionCode,
        SubjectCode = t.SubjectCode,
        SubjectName = t.SubjectName,
        Assignee = t.Assignee,
        CreatedAt = t.CreatedAt,
        DueAt = t.DueAt,
        SlaState = t.SlaState,
        WorkingDaysLeft = t.Status == UserTaskStatus.Open ? workingDays.Left(t.DueAt) : null,
        EndedAt = t.EndedAt,
    };

    private static IQueryable<UserTaskRecord> Sorted(WorkflowDbContext db, IQueryable<UserTaskRecord> tasks, TaskSort sort)
    {
        // PostgreSQL puts NULL last in ascending order on its own (and the index serves that
        // order); SQLite puts it first, so it is told. Either way: no deadline last.
        var nullsLastNative = db.Database.IsNpgsql();
        return sort switch
        {
            TaskSort.DueDescending => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
            TaskSort.Created => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            TaskSort.CreatedDescending => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            TaskSort.Sla => nullsLastNative
                ? tasks.OrderByDescending(t => t.SlaState).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
                : tasks.OrderByDescending(t => t.SlaState).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
            _ => nullsLastNative
                ? tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                : tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        };
    }

    private async Task<QueuePage> CopiesPageAsync(WorkflowDbContext db, QueueFilter filter, string me, CancellationToken cancellationToken)
    {
        var copies = db.CarbonCopies.AsNoTracking().Where(c => c.UserId == me);
        if (filter.ProcessKeys is { } keys)
        {
            copies = copies.Where(c => keys.Contains(c.ProcessKey));
        }

        if (filter.RegionPrefix is { } prefix)
        {
            copies = copies.Where(c => c.RegionCode != null && c.RegionCode.StartsWith(prefix));
        }

        if (filter.Keyword is { } q)
        {
            copies = copies.Where(c => c.BusinessKey != null && c.BusinessKey.StartsWith(q));
        }

        var total = await copies.LongCountAsync(cancellationToken);
        var rows = await (filter.Sort == TaskSort.Created ? copies.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id) : copies.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id))
            .Skip(filter.Skip).Take(filter.PageSize).ToListAsync(cancellationToken);
        var items = rows.ConvertAll(c => new QueueItem
        {
            TaskId = c.TaskId,
            InstanceId = c.InstanceId,
            BusinessKey = c.BusinessKey,
            UnitCode = catalog.FindByProcessKey(c.ProcessKey)?.Code,
            UnitName = records.UnitName(c.ProcessKey),
            StepName = catalog.FindStepByProcessKey(c.ProcessKey)?.NameZh,
            RegionCode = c.RegionCode,
            CreatedAt = c.CreatedAt,
            CopiedBy = c.SentBy,
            CopyComment = c.Comment,
        });
        return new QueuePage(items, filter.Page, filter.PageSize, total);
    }

    private async Task<QueuePage> CasesPageAsync(WorkflowDbContext db, QueueFilter filter, string me, CancellationToken cancellationToken)
    {
        var cases = db.InstanceList().Where(i => i.StartedBy == me);
        if (filter.ProcessKeys is { } keys)
        {
            cases = cases.Where(i => keys.Contains(i.ProcessKey));
        }

        if (filter.Keyword is { } q)
        {
            cases = cases.Where(i => i.BusinessKey != null && i.BusinessKey.StartsWith(q));
        }

        var total = await cases.LongCountAsync(cancellationToken);
        var rows = await (filter.Sort == TaskSort.Created ? cases.OrderBy(i => i.StartedAt).ThenBy(i => i.Id) : cases.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id))
            .Skip(filter.Skip).Take(filter.PageSize).ToListAsync(cancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var open = await db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId) && t.Status == UserTaskStatus.Open)
            .Select(t => new { t.InstanceId, t.Name, t.ElementId, t.DueAt, t.SlaState, t.RegionCode, t.SubjectCode, t.SubjectName })
            .ToListAsync(cancellationToken);
        var items = rows.ConvertAll(i =>
        {
            var tasks = open.Where(t => t.InstanceId == i.Id).ToList();
            var first = tasks.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
            return new QueueItem
            {
                InstanceId = i.Id,
                BusinessKey = i.BusinessKey,
                UnitCode = catalog.FindByProcessKey(i.ProcessKey)?.Code,
                UnitName = records.UnitName(i.ProcessKey),
                StepName = catalog.FindStepByProcessKey(i.ProcessKey)?.NameZh,
                TaskName = tasks.Count == 0 ? null : string.Join("、", tasks.Select(t => t.Name ?? t.ElementId).Distinct()),
                RegionCode = first?.RegionCode,
                SubjectCode = first?.SubjectCode,
                SubjectName = first?.SubjectName,
                CreatedAt = i.StartedAt,
                DueAt = first?.DueAt,
                SlaState = tasks.Count == 0 ? SlaState.Normal : tasks.Max(t => t.SlaState),
                WorkingDaysLeft = workingDays.Left(first?.DueAt),
                EndedAt = i.EndedAt,
                CaseStatus = CaseStatusName(i.Status),
            };
        });
        return new QueuePage(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>办理中, 已办结, 已终止, 已撤回.</summary>
    public static string CaseStatusName(InstanceStatus status) => status switch
    {
        InstanceStatus.Active => "办理中",
        InstanceStatus.Completed => "已办结",
        InstanceStatus.Terminated => "已终止",
        _ => "已撤回",
    };
}

/// <summary>A validated <see cref="TaskQuery"/>: bad filters are field errors, not empty pages.</summary>
internal sealed record QueueFilter
{
    public IReadOnlyList<string>? ProcessKeys { get; init; }

    public SlaState? Sla { get; init; }

    public string? RegionPrefix { get; init; }

    public DateTimeOffset? DueBefore { get; init; }

    public string? Keyword { get; init; }

    public TaskSort Sort { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Longest keyword searched.</summary>
    public const int MaxKeywordLength = 100;

    public static QueueFilter From(TaskQuery query, IUnitCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        List<string>? keys = null;
        if (query.Unit is { Length: > 0 } unitCode)
        {
            if (catalog.FindUnit(unitCode) is { } unit)
            {
                keys = [unit.ProcessKey];
            }
            else
            {
                errors["unit"] = [$"没有编号为“{unitCode}”的业务单元"];
            }
        }

        if (query.Step is { Length: > 0 } stepCode)
        {
            if (catalog.FindStep(stepCode) is { } step)
            {
                var stepKeys = step.UnitCodes.Select(c => catalog.FindUnit(c)?.ProcessKey).OfType<string>().Append(step.ProcessKey).ToList();
                keys = keys is null ? stepKeys : [.. keys.Intersect(stepKeys)];
            }
            else
            {
                errors["step"] = [$"没有代码为“{stepCode}”的环节"];
            }
        }

        string? prefix = null;
        if (query.Region is { Length: > 0 } region)
        {
            if (RegionCodes.TryValidate(region, out _))
            {
                prefix = AccessScope.SignificantPrefix(region);
            }
            else
            {
                errors["region"] = ["地区代码应为6位或12位数字"];
            }
        }

        if (query.Page < 1)
        {
            errors["page"] = ["页码从1开始"];
        }

        if (query.PageSize is < 1 or > TaskQuery.MaxPageSize)
        {
            errors["pageSize"] = [$"每页条数应在1到{TaskQuery.MaxPageSize}之间"];
        }

        var keyword = query.Q?.Trim();
        if (keyword is { Length: > MaxKeywordLength })
        {
            errors["q"] = [$"关键字不能超过{MaxKeywordLength}个字符"];
        }

        if (errors.Count > 0)
        {
            throw new CaseException(CaseErrorKind.Invalid, "查询条件有误。", errors);
        }

        return new QueueFilter
        {
            ProcessKeys = keys,
            Sla = query.Sla,
            RegionPrefix = prefix is { Length: > 0 } ? prefix : null,
            DueBefore = query.DueBefore,
            Keyword = keyword is { Length: > 0 } ? keyword : null,
            Sort = query.Sort,
            Page = query.Page,
            PageSize = query.PageSize,
        };
    }

    /// <summary>True when a filter or the order reads task columns the candidate rows do not carry (SLA state, keyword).</summary>
    public bool NeedsTaskColumns => Sla is not null || Keyword is not null || Sort == TaskSort.Sla;

    /// <summary>The unit, step, region and deadline filters on candidate rows (region as a range on their index).</summary>
    public IQueryable<TaskCandidateRow> ApplyToCandidates(IQueryable<TaskCandidateRow> candidates)
    {
        if (ProcessKeys is { } keys)
        {
            var single = keys.Count == 1 ? keys[0] : null;
            candidates = single is not null ? candidates.Where(c => c.ProcessKey == single) : candidates.Where(c => keys.Contains(c.ProcessKey));
        }

        if (RegionPrefix is { } prefix)
        {
            var upper = RegionRange.UpperBound(prefix);
            candidates = candidates.Where(c => string.Compare(c.RegionCode, prefix) >= 0 && string.Compare(c.RegionCode, upper) < 0);
        }

        if (DueBefore is { } due)
        {
            candidates = candidates.Where(c => c.DueAt != null && c.DueAt <= due);
        }

        return candidates;
    }

    /// <summary>The same filters on task rows.</summary>
    public IQueryable<UserTaskRecord> ApplyToCandidateColumns(IQueryable<UserTaskRecord> tasks)
    {
        if (ProcessKeys is { } keys)
        {
            var single = keys.Count == 1 ? keys[0] : null;
            tasks = single is not null ? tasks.Where(t => t.ProcessKey == single) : tasks.Where(t => keys.Contains(t.ProcessKey));
        }

        if (RegionPrefix is { } prefix)
        {
            tasks = tasks.Where(t => t.RegionCode != null && t.RegionCode.StartsWith(prefix));
        }

        if (DueBefore is { } due)
        {
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt <= due);
        }

        return tasks;
    }

    public IQueryable<UserTaskRecord> Apply(IQueryable<UserTaskRecord> tasks)
    {
        if (ProcessKeys is { } keys)
        {
            var single = keys.Count == 1 ? keys[0] : null;
            tasks = single is not null ? tasks.Where(t => t.ProcessKey == single) : tasks.Where(t => keys.Contains(t.ProcessKey));
        }

        if (Sla is { } sla)
        {
            tasks = tasks.Where(t => t.SlaState == sla);
        }

        if (RegionPrefix is { } prefix)
        {
            tasks = tasks.Where(t => t.RegionCode != null && t.RegionCode.StartsWith(prefix));
        }

        if (DueBefore is { } due)
        {
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt <= due);
        }

        if (Keyword is { } q)
        {
            tasks = tasks.Where(t => (t.BusinessKey != null && t.BusinessKey.StartsWith(q))
                || (t.SubjectCode != null && t.SubjectCode.StartsWith(q))
                || (t.SubjectName != null && t.SubjectName.Contains(q)));
        }

        return tasks;
    }
}
