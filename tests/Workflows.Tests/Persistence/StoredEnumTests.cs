using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Tests.Persistence;

/// <summary>
/// The engine tables and the instance JSON store enums as numbers. Reordering or inserting a member
/// would silently change what stored rows mean, so the numbers are pinned here: add new members at
/// the end, and update this test only together with a data migration.
/// </summary>
public sealed class StoredEnumTests
{
    [Fact]
    public void Stored_enum_numbers_do_not_change()
    {
        Assert.Equal(["Active", "Completed", "Terminated", "Canceled"], Names<InstanceStatus>());
        Assert.Equal(["Ready", "Waiting", "Joining", "Incident"], Names<TokenStatus>());
        Assert.Equal(["Process", "SubProcess", "MultiInstanceBody", "MultiInstanceItem"], Names<ScopeKind>());
        Assert.Equal(["Open", "Completed", "Canceled"], Names<UserTaskStatus>());
        Assert.Equal(
            ["UnhandledError", "HandlerFailure", "ExpressionFailure", "NoFlowMatched", "CalledProcessMissing", "JobFailure"],
            Names<IncidentKind>());
        Assert.Equal(["Execute", "Leave"], Names<IncidentResume>());
        Assert.Equal(["Normal", "Warning", "Overdue", "Escalated"], Names<SlaState>());
        Assert.Equal(["None", "Pending", "Resolved"], Names<DelegationState>());
        Assert.Equal(["Timer", "Continuation", "TimerStart"], Names<JobKind>());
        Assert.Equal(
            ["InstanceStarted", "InstanceCompleted", "InstanceTerminated", "InstanceCanceled", "NodeCompleted", "NodeCanceled",
             "TaskCreated", "TaskCompleted", "TaskCanceled", "VariablesChanged", "MessageCorrelated", "ErrorThrown", "IncidentRaised",
             "IncidentResolved", "ServiceTaskRetryScheduled", "JobFired", "TaskClaimed", "TaskUnclaimed", "TaskTransferred",
             "TaskDelegated", "TaskResolved", "TaskUrged", "TaskReturned", "TaskWithdrawn", "SignerAdded", "SignerRemoved", "CarbonCopied",
             "TaskCommented", "InstanceMigrated"],
            Names<HistoryEventType>());
    }

    // Names in the order of their numbers 0, 1, 2, …: a gap or a reorder shows up as a difference.
    private static string[] Names<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enumerable.Range(0, Enum.GetValues<TEnum>().Length).Select(n => Enum.GetName(typeof(TEnum), n) ?? $"<no member {n}>")];
}
