using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Runtime;

/// <summary>Who may take a task, by the task alone (the caller's scope is checked elsewhere).</summary>
public static class TaskCandidates
{
    /// <summary>True when the user is named, or is in a named group. A task that names nobody is open to everyone in scope.</summary>
    public static bool IsCandidate(UserTaskRecord task, string userId, IReadOnlyCollection<string> userGroups)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(userGroups);
        if (task.CandidateUsers.Count == 0 && task.CandidateGroups.Count == 0)
        {
            return true;
        }

        return task.CandidateUsers.Contains(userId, StringComparer.Ordinal)
               || task.CandidateGroups.Any(g => userGroups.Contains(g, StringComparer.Ordinal));
    }
}
