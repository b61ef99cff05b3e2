using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Who may do what to a task, in one place: the task page shows these actions and the actions
/// check them again (the engine then checks its own part: only the holder transfers, only the
/// delegate resolves). The caller must see the task (<see cref="TaskAccess.Covers"/>) first.
/// </summary>
internal static class TaskRules
{
    public static TaskPermissions For(CaseCaller caller, UserTaskRecord task, CaseRecord record)
    {
        var me = caller.UserName;
        if (me is null || !TaskAccess.Covers(caller, task))
        {
            return TaskPermissions.None;
        }

        var open = task.Status == UserTaskStatus.Open && record.State.IsActive;
        var holder = open && task.Assignee == me;
        var delegated = task.DelegationState == DelegationState.Pending;
        var claimable = open && task.Assignee is null && TaskAccess.IsCandidate(caller, task);
        var parallelSigner = IsParallelSigner(task, record);
        return new TaskPermissions
        {
            Claim = claimable,
            Unclaim = holder && !delegated && (task.CandidateUsers.Count > 0 || task.CandidateGroups.Count > 0),
            Complete = (holder || claimable) && !delegated,
            Return = holder && !delegated && task.LoopCounter is null && ReturnTargets(task, record).Count > 0,
            Transfer = holder && !delegated,
            Delegate = holder && !delegated,
            Resolve = holder && delegated,
            AddSigner = holder && !delegated && parallelSigner,
            RemoveSigner = holder && !delegated && parallelSigner && OtherOpenSigners(task, record).Any(),
            CarbonCopy = open && (holder || claimable),
            Urge = open && task.Assignee != me && (record.StartedBy == me || caller.HasRole(Roles.Regulator)),
        };
    }

    /// <summary>
    /// Earlier user tasks of the same flow that this case has passed through (退回 targets): the
    /// engine refuses anything else, and a step the case never reached has nothing to go back to.
    /// </summary>
    public static IReadOnlyList<StepRef> ReturnTargets(UserTaskRecord task, CaseRecord record)
    {
        if (record.Definition?.Process.FindNode(task.ElementId) is not { } current)
        {
            return [];
        }

        var visited = record.History
            .Where(h => h.Type == HistoryEventType.TaskCompleted && h.ElementId is not null)
            .Select(h => h.ElementId!)
            .ToHashSet(StringComparer.Ordinal);
        var targets = new List<StepRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { current.Id };
        var frontier = new Queue<FlowNode>([current]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var flow in node.Incoming)
            {
                if (!seen.Add(flow.SourceRef) || current.Scope.Process.FindNode(flow.SourceRef) is not { } source || !ReferenceEquals(source.Scope, current.Scope))
                {
                    continue;
                }

                if (source is BpmnTask { Kind: FlowNodeKind.UserTask } earlier && visited.Contains(earlier.Id))
                {
                    targets.Add(new StepRef(earlier.Id, earlier.DisplayName));
                }

                frontier.Enqueue(source);
            }
        }

        return targets;
    }

    /// <summary>The other open signature tasks of the same multi-instance activity.</summary>
    public static IEnumerable<UserTaskRecord> OtherOpenSigners(UserTaskRecord task, CaseRecord record) =>
        record.Tasks.Where(t => t.Id != task.Id && t.ElementId == task.ElementId && t.LoopCounter is not null && t.Status == UserTaskStatus.Open);

    /// <summary>True for one signature of a parallel 会签/或签 (sequential ones sign in turn and take no signers).</summary>
    public static bool IsParallelSigner(UserTaskRecord task, CaseRecord record) =>
        task.LoopCounter is not null
        && record.Definition?.Process.FindNode(task.ElementId) is Activity { MultiInstance: { IsSequential: false } };
}
