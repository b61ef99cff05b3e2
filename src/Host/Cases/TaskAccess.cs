using System.Linq.Expressions;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Queue;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Who sees and who may take a task (docs/tasks.md), once as SQL for the queue and once in memory
/// for a single task: a regulator sees tasks whose region lies under theirs; an organisation sees
/// tasks of cases it is a party to (the applicant, the inspection body asked to act, the device's
/// user unit); analysts and administrators see everything; the public nothing.
/// </summary>
internal static class TaskAccess
{
    /// <summary>Open tasks in the caller's scope, as a filter the database runs (region prefix, party EXISTS).</summary>
    public static IQueryable<UserTaskRecord> InScope(this IQueryable<UserTaskRecord> tasks, WorkflowDbContext db, CaseCaller caller)
    {
        var scope = caller.Scope;
        switch (scope.Kind)
        {
            case ScopeKind.Unrestricted:
                return tasks;
            case ScopeKind.Restricted:
                var prefix = scope.RegionPrefix;
                var organisations = scope.OrganisationIds.ToList();
                if (prefix is null && organisations.Count == 0)
                {
                    return tasks.Where(_ => false);
                }

                if (organisations.Count == 0)
                {
                    return tasks.Where(t => t.RegionCode != null && t.RegionCode.StartsWith(prefix!));
                }

                Expression<Func<UserTaskRecord, bool>> party = t => db.TaskParties.Any(p => p.TaskId == t.Id && organisations.Contains(p.OrganisationId));
                return prefix is null
                    ? tasks.Where(party)
                    : tasks.Where(t => (t.RegionCode != null && t.RegionCode.StartsWith(prefix)) || db.TaskParties.Any(p => p.TaskId == t.Id && organisations.Contains(p.OrganisationId)));
            default:
                return tasks.Where(_ => false);
        }
    }

    /// <summary>Candidate rows (claimable tasks) naming one of the caller's groups, or nobody.</summary>
    public static IQueryable<TaskCandidateRow> ClaimableByGroups(this IQueryable<TaskCandidateRow> candidates, CaseCaller caller)
    {
        var groups = caller.Groups.Append(TaskCandidateRow.Anyone).ToList();
        return candidates.Where(c => c.Kind == CandidateKind.Group && groups.Contains(c.Value));
    }

    /// <summary>
    /// Candidate rows naming the caller. Kept apart from <see cref="ClaimableByGroups"/> (and
    /// united later) because an OR of the two would turn the index-only range scan into a bitmap
    /// scan of the table.
    /// </summary>
    public static IQueryable<TaskCandidateRow> ClaimableByUser(this IQueryable<TaskCandidateRow> candidates, CaseCaller caller)
    {
        var me = caller.RequireUserName();
        return candidates.Where(c => c.Kind == CandidateKind.User && c.Value == me);
    }

    /// <summary>
    /// Candidate rows in the caller's scope: a regulator's region as a range on the candidate index
    /// (<see cref="RegionRange"/>), an organisation's through the party rows.
    /// </summary>
    public static IQueryable<TaskCandidateRow> InScope(this IQueryable<TaskCandidateRow> candidates, WorkflowDbContext db, CaseCaller caller)
    {
        var scope = caller.Scope;
        switch (scope.Kind)
        {
            case ScopeKind.Unrestricted:
                return candidates;
            case ScopeKind.Restricted:
                var prefix = scope.RegionPrefix;
                var organisations = scope.OrganisationIds.ToList();
                if (prefix is null && organisations.Count == 0)
                {
                    return candidates.Where(_ => false);
                }

                if (organisations.Count == 0)
                {
                    var upper = RegionRange.UpperBound(prefix!);
                    return candidates.Where(c => string.Compare(c.RegionCode, prefix) >= 0 && string.Compare(c.RegionCode, upper) < 0);
                }

                if (prefix is null)
                {
                    return candidates.Where(c => db.TaskParties.Any(p => p.TaskId == c.TaskId && organisations.Contains(p.OrganisationId)));
                }

                var bound = RegionRange.UpperBound(prefix);
                return candidates.Where(c => (string.Compare(c.RegionCode, prefix) >= 0 && string.Compare(c.RegionCode, bound) < 0)
                    || db.TaskParties.Any(p => p.TaskId == c.TaskId && organisations.Contains(p.OrganisationId)));
            default:
                return candidates.Where(_ => false);
        }
    }

    /// <summary>True when the task (open or closed) lies in the caller's scope.</summary>
    public static bool Covers(CaseCaller caller, UserTaskRecord task) =>
        caller.Scope.Covers(task.RegionCode, [task.OrganisationId, .. task.PartyOrganisationIds.Select(id => (long?)id)]);

    /// <summary>True when the caller is named by the task or is in one of its groups (or it names nobody).</summary>
    public static bool IsCandidate(CaseCaller caller, UserTaskRecord task) =>
        caller.UserName is { } me && TaskCandidates.IsCandidate(task, me, [.. caller.Groups]);

    /// <summary>True when the task is the caller's to act on: they hold it, or may claim it.</summary>
    public static bool IsMine(CaseCaller caller, UserTaskRecord task) =>
        caller.UserName is { } me && (task.Assignee == me || (task.Assignee is null && IsCandidate(caller, task)));
}
