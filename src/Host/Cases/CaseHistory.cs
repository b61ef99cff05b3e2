using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Turns the engine's history into what people read: who did what at which step, with the typed
/// comment (approve/reject/return/transfer/…) the engine recorded with it.
/// </summary>
internal static class CaseHistory
{
    /// <summary>The comment kinds written with a task completion (<see cref="HistoryEventType.TaskCommented"/>, "kind: text").</summary>
    public const string Approve = "approve";

    public const string Reject = "reject";

    public const string ReturnForCorrection = "return";

    public const string Complete = "complete";

    /// <summary>"approve: 材料齐全" for a completion comment.</summary>
    public static string CompletionComment(string kind, string text) => $"{kind}: {text}";

    public static IReadOnlyList<HistoryItem> Describe(IReadOnlyList<HistoryEvent> events, DeployedProcess? definition)
    {
        var items = new List<HistoryItem>(events.Count);
        string? Step(string? id) => id is null ? null : definition?.Process.FindNode(id)?.DisplayName ?? id;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var step = Step(e.ElementId);
            switch (e.Type)
            {
                case HistoryEventType.InstanceStarted:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Started, e.UserId, null, null, null, null));
                    break;
                case HistoryEventType.InstanceCompleted or HistoryEventType.InstanceTerminated:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Ended, e.UserId, e.ElementId, step, null, null));
                    break;
                case HistoryEventType.InstanceCanceled:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Canceled, e.UserId, null, null, null, e.Detail));
                    break;
                case HistoryEventType.TaskCreated:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.TaskCreated, null, e.ElementId, step, null, null));
                    break;
                case HistoryEventType.TaskCompleted:
                    // The completion's comment, if any, is the next entry of the same step and person.
                    if (i + 1 < events.Count && events[i + 1] is { Type: HistoryEventType.TaskCommented } next
                        && next.ElementId == e.ElementId && next.UserId == e.UserId)
                    {
                        var (kind, text) = Split(next.Detail);
                        items.Add(new HistoryItem(e.Timestamp, CompletionKind(kind), e.UserId, e.ElementId, step, null, text));
                        i++;
                    }
                    else
                    {
                        items.Add(new HistoryItem(e.Timestamp, HistoryKind.Completed, e.UserId, e.ElementId, step, null, null));
                    }

                    break;
                case HistoryEventType.TaskCommented:
                    var (commentKind, comment) = Split(e.Detail);
                    items.Add(new HistoryItem(e.Timestamp, CompletionKind(commentKind), e.UserId, e.ElementId, step, null, comment));
                    break;
                case HistoryEventType.TaskClaimed:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Claimed, e.UserId, e.ElementId, step, null, null));
                    break;
                case HistoryEventType.TaskUnclaimed:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Unclaimed, e.UserId, e.ElementId, step, null, null));
                    break;
                case HistoryEventType.TaskTransferred or HistoryEventType.TaskDelegated:
                    var (to, why) = Handover(e.Detail, "→ ");
                    items.Add(new HistoryItem(e.Timestamp, e.Type == HistoryEventType.TaskTransferred ? HistoryKind.Transferred : HistoryKind.Delegated,
                        e.UserId, e.ElementId, step, to, why));
                    break;
                case HistoryEventType.TaskResolved:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Resolved, e.UserId, e.ElementId, step, null, e.Detail));
                    break;
                case HistoryEventType.TaskUrged:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Urged, e.UserId, e.ElementId, step, null, e.Detail));
                    break;
                case HistoryEventType.TaskReturned:
                    var (target, reason) = Handover(e.Detail, "→ ");
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Returned, e.UserId, e.ElementId, step, Step(target), reason));
                    break;
                case HistoryEventType.TaskWithdrawn:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Withdrawn, e.UserId, e.ElementId, step, null, e.Detail));
                    break;
                case HistoryEventType.SignerAdded:
                    var (added, addNote) = Handover(e.Detail, "+ ");
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.SignerAdded, e.UserId, e.ElementId, step, added, addNote));
                    break;
                case HistoryEventType.SignerRemoved:
                    var (removed, removeNote) = Handover(e.Detail, "- ");
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.SignerRemoved, e.UserId, e.ElementId, step, removed, removeNote));
                    break;
                case HistoryEventType.CarbonCopied:
                    var (recipients, note) = Handover(e.Detail, string.Empty);
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.CarbonCopied, e.UserId, e.ElementId, step, recipients, note));
                    break;
                case HistoryEventType.IncidentRaised:
                    items.Add(new HistoryItem(e.Timestamp, HistoryKind.Incident, null, e.ElementId, step, null, e.Detail));
                    break;
            }
        }

        return items;
    }

    private static HistoryKind CompletionKind(string? kind) => kind switch
    {
        Approve => HistoryKind.Approved,
        Reject => HistoryKind.Rejected,
        ReturnForCorrection => HistoryKind.ReturnedForCorrection,
        _ => HistoryKind.Completed,
    };

    /// <summary>"approve: text" → (approve, text); text without a kind → (null, text).</summary>
    private static (string? Kind, string? Text) Split(string? detail)
    {
        if (detail is null)
        {
            return (null, null);
        }

        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !detail[..colon].Contains(' ', StringComparison.Ordinal) ? (detail[..colon], detail[(colon + 2)..]) : (null, detail);
    }

    /// <summary>"→ user: comment" → (user, comment), as the engine writes hand-overs.</summary>
    private static (string? Target, string? Comment) Handover(string? detail, string marker)
    {
        if (detail is null || !detail.StartsWith(marker, StringComparison.Ordinal))
        {
            return (null, detail);
        }

        var rest = detail[marker.Length..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return (rest.TrimEnd(':'), null);
        }

        var comment = rest[(colon + 2)..];
        return (rest[..colon], comment.Length == 0 ? null : comment);
    }
}
