namespace ApprovalHub.Supervision.Warnings;

/// <summary>What happened to a warning.</summary>
public enum WarningEventKind
{
    /// <summary>The cause was seen: the warning opened.</summary>
    Opened = 0,

    /// <summary>The cause changed (its detail); the case was told.</summary>
    Updated = 1,

    /// <summary>A case was opened for it.</summary>
    CaseOpened = 2,

    /// <summary>Opening a case failed; the next run tries again.</summary>
    CaseFailed = 3,

    /// <summary>Its case ended while the cause persisted; a new case was opened.</summary>
    CaseReopened = 4,

    /// <summary>The cause is gone: the warning closed.</summary>
    Closed = 5,
}

/// <summary>One row of <c>ck_warning_events</c>: the warning's record, append-only.</summary>
public sealed class WarningEvent
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The warning.</summary>
    public long WarningId { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What.</summary>
    public WarningEventKind Kind { get; set; }

    /// <summary>Detail in words (the new detail, the case id, the error).</summary>
    public string? Detail { get; set; }
}
