namespace ApprovalHub.Supervision.Warnings;

/// <summary>
/// One row of <c>ck_warnings</c>: a warning of one rule about one subject, from the moment its cause
/// was seen until it is gone. A partial unique index (rule, subject) over the open rows keeps one
/// open warning per subject; the case it opened is linked by instance id.
/// </summary>
public sealed class Warning
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The rule.</summary>
    public WarningRule Rule { get; set; }

    /// <summary>Device or use unit.</summary>
    public WarningSubject Subject { get; set; }

    /// <summary>The device's or organisation's registry id.</summary>
    public long SubjectId { get; set; }

    /// <summary>设备代码, or the use unit's 统一社会信用代码: the business key of its case.</summary>
    public required string SubjectCode { get; set; }

    /// <summary>The device's region, or the unit's seat.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The organisation that must act (use unit or maintenance unit).</summary>
    public long OrganisationId { get; set; }

    /// <summary>What was found, in Chinese (the case's hazard text).</summary>
    public required string Detail { get; set; }

    /// <summary>When the cause was first seen.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the detail last changed (the opening, or a later update).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the cause was found gone; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it closed, in Chinese.</summary>
    public string? CloseReason { get; set; }

    /// <summary>The BPMN process of its case.</summary>
    public string? CaseProcessKey { get; set; }

    /// <summary>The case (process instance); null until one is opened.</summary>
    public Guid? CaseInstanceId { get; set; }

    /// <summary>When the current case was opened.</summary>
    public DateTimeOffset? CaseOpenedAt { get; set; }

    /// <summary>Why the last attempt to open a case failed (the definition is not deployed …); null after a success.</summary>
    public string? CaseError { get; set; }

    /// <summary>The warning's record (loaded on demand; new events are added here).</summary>
    public List<WarningEvent> Events { get; } = [];

    /// <summary>True while the cause persists.</summary>
    public bool IsOpen => ClosedAt is null;
}
