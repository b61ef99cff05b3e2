using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>The <see cref="TaskCandidateRow"/>s and <see cref="TaskPartyRow"/>s of a new task.</summary>
internal static class TaskAccessRows
{
    /// <summary>The candidate rows of a task: none unless it is open and unassigned (claimable).</summary>
    public static IEnumerable<TaskCandidateRow> Candidates(UserTaskRecord task)
    {
        if (task.Status != UserTaskStatus.Open || task.Assignee is not null)
        {
            yield break;
        }

        if (task.CandidateUsers.Count == 0 && task.CandidateGroups.Count == 0)
        {
            yield return Row(task, CandidateKind.Group, TaskCandidateRow.Anyone);
            yield break;
        }

        // Ids longer than the column are not valid user or group ids; the JSON lists keep them anyway.
        foreach (var user in task.CandidateUsers.Where(u => u.Length is > 0 and <= TaskCandidateRow.MaxValueLength).Distinct(StringComparer.Ordinal))
        {
            yield return Row(task, CandidateKind.User, user);
        }

        foreach (var group in task.CandidateGroups.Where(g => g.Length is > 0 and <= TaskCandidateRow.MaxValueLength).Distinct(StringComparer.Ordinal))
        {
            yield return Row(task, CandidateKind.Group, group);
        }
    }

    private static TaskCandidateRow Row(UserTaskRecord task, CandidateKind kind, string value) => new()
    {
        TaskId = task.Id,
        Kind = kind,
        Value = value,
        RegionCode = task.RegionCode is { Length: <= TaskCandidateRow.MaxRegionLength } region ? region : null,
        ProcessKey = task.ProcessKey,
        DueAt = task.DueAt,
        CreatedAt = task.CreatedAt,
    };

    public static IEnumerable<TaskPartyRow> Parties(UserTaskRecord task)
    {
        var ids = task.OrganisationId is { } applicant ? task.PartyOrganisationIds.Prepend(applicant) : task.PartyOrganisationIds;
        return ids.Distinct().Select(id => new TaskPartyRow { TaskId = task.Id, OrganisationId = id });
    }
}
