using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>The <see cref="TaskCandidateRow"/>s and <see cref="TaskPartyRow"/>s of a new task.</summary>
internal static class TaskAccessRows
{
    public static IEnumerable<TaskCandidateRow> Candidates(UserTaskRecord task)
    {
        if (task.CandidateUsers.Count == 0 && task.CandidateGroups.Count == 0)
        {
            yield return new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.Group, Value = TaskCandidateRow.Anyone };
            yield break;
        }

        // Ids longer than the column are not valid user or group ids; the JSON lists keep them anyway.
        foreach (var user in task.CandidateUsers.Where(u => u.Length is > 0 and <= TaskCandidateRow.MaxValueLength).Distinct(StringComparer.Ordinal))
        {
            yield return new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.User, Value = user };
        }

        foreach (var group in task.CandidateGroups.Where(g => g.Length is > 0 and <= TaskCandidateRow.MaxValueLength).Distinct(StringComparer.Ordinal))
        {
            yield return new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.Group, Value = group };
        }
    }

    public static IEnumerable<TaskPartyRow> Parties(UserTaskRecord task)
    {
        var ids = task.OrganisationId is { } applicant ? task.PartyOrganisationIds.Prepend(applicant) : task.PartyOrganisationIds;
        return ids.Distinct().Select(id => new TaskPartyRow { TaskId = task.Id, OrganisationId = id });
    }
}
