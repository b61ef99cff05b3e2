using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>Everything the task page shows: the task, its case, forms, cards, history, diagram and what the caller may do.</summary>
public sealed record TaskDetail
{
    public required TaskSummary Task { get; init; }

    public required CaseSummary Case { get; init; }

    /// <summary>The applicant's form with what was submitted (read-only on the task page).</summary>
    public FormView? ApplicantForm { get; init; }

    /// <summary>The form this task asks for (the decision form of officials); null for a task without form.</summary>
    public FormView? TaskForm { get; init; }

    public DeviceCard? Device { get; init; }

    public OrganisationCard? Organisation { get; init; }

    public required IReadOnlyList<HistoryItem> History { get; init; }

    public required DiagramView Diagram { get; init; }

    /// <summary>Earlier steps this task may be returned to (退回), for the return dialog.</summary>
    public required IReadOnlyList<StepRef> ReturnTargets { get; init; }

    /// <summary>For one signature of several (会签/或签): every signer's task.</summary>
    public required IReadOnlyList<SignerView> Signers { get; init; }

    public required TaskPermissions Allowed { get; init; }
}

/// <summary>A task row as people read it.</summary>
public sealed record TaskSummary
{
    public required Guid Id { get; init; }

    public required string ElementId { get; init; }

    public required string Name { get; init; }

    public required UserTaskStatus Status { get; init; }

    public string? Assignee { get; init; }

    /// <summary>For a delegated task: whose it is.</summary>
    public string? Owner { get; init; }

    public DelegationState DelegationState { get; init; }

    public required IReadOnlyList<string> CandidateUsers { get; init; }

    public required IReadOnlyList<string> CandidateGroups { get; init; }

    public string? FormKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public SlaState SlaState { get; init; }

    public int? WorkingDaysLeft { get; init; }

    public int UrgeCount { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? CompletedBy { get; init; }
}

/// <summary>A case (process instance) as people read it.</summary>
public sealed record CaseSummary
{
    public required Guid InstanceId { get; init; }

    public string? BusinessKey { get; init; }

    public required string ProcessKey { get; init; }

    public required int Version { get; init; }

    public string? UnitCode { get; init; }

    public required string UnitName { get; init; }

    public string? StepName { get; init; }

    /// <summary>active, completed, terminated, canceled.</summary>
    public required string Status { get; init; }

    public string? StartedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? RegionCode { get; init; }

    public long? OrganisationId { get; init; }

    public string? SubjectCode { get; init; }

    public string? SubjectName { get; init; }
}

/// <summary>A form-js schema with data: the renderer shows it, read-only or to fill in.</summary>
/// <param name="FormKey">The form's key (<c>decision</c>).</param>
/// <param name="Schema">The form-js JSON.</param>
/// <param name="Data">Values of the form's fields (the submission, or what the case holds), possibly empty.</param>
public sealed record FormView(string FormKey, string Schema, JsonObject Data);

/// <summary>The device card of a case, with where its record and timeline page is (<c>/registry/devices/{id}</c>).</summary>
public sealed record DeviceCard(
    long Id,
    string EquipmentCode,
    string CatalogCode,
    string StatusName,
    string Address,
    string RegionCode,
    string? UseCertificateNumber,
    string? UserOrganisationName,
    DateOnly? NextDueOn,
    bool Overdue,
    string TimelineUrl);

/// <summary>The organisation card of a case.</summary>
public sealed record OrganisationCard(long Id, string Name, string CreditCode, string RegionCode, string? Address, string Url);

/// <summary>What kind of entry a history line is; the comment's kind where the entry carries one.</summary>
public enum HistoryKind
{
    Started,
    Ended,
    TaskCreated,
    Completed,
    Approved,
    Rejected,
    ReturnedForCorrection,
    Claimed,
    Unclaimed,
    Transferred,
    Delegated,
    Resolved,
    Urged,
    Returned,
    Withdrawn,
    SignerAdded,
    SignerRemoved,
    CarbonCopied,
    Canceled,
    Incident,
}

/// <summary>One line of a case's history, with its comment (意见) where there is one.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">Who (user name), if a person.</param>
/// <param name="ElementId">The BPMN element it concerns.</param>
/// <param name="StepName">That element's name.</param>
/// <param name="Target">Whom it was handed to (transfer, delegate, signer) or which step it went back to.</param>
/// <param name="Comment">The comment (意见) given with it.</param>
public sealed record HistoryItem(DateTimeOffset At, HistoryKind Kind, string? Actor, string? ElementId, string? StepName, string? Target, string? Comment);

/// <summary>The BPMN diagram of the case's definition version, with where the case stands.</summary>
public sealed record DiagramView(
    string ProcessKey,
    int Version,
    string Xml,
    IReadOnlyList<string> CompletedElementIds,
    IReadOnlyList<string> ActiveElementIds,
    IReadOnlyList<string> IncidentElementIds);

/// <summary>A step by element id and name.</summary>
public sealed record StepRef(string ElementId, string Name);

/// <summary>One signer of a multi-instance task.</summary>
public sealed record SignerView(Guid TaskId, string? Assignee, UserTaskStatus Status, string? CompletedBy);

/// <summary>What the caller may do with the task now; the page shows exactly these actions.</summary>
public sealed record TaskPermissions
{
    public bool Claim { get; init; }

    public bool Unclaim { get; init; }

    public bool Complete { get; init; }

    public bool Return { get; init; }

    public bool Transfer { get; init; }

    public bool Delegate { get; init; }

    public bool Resolve { get; init; }

    public bool AddSigner { get; init; }

    public bool RemoveSigner { get; init; }

    public bool CarbonCopy { get; init; }

    public bool Urge { get; init; }

    /// <summary>Nothing allowed.</summary>
    public static TaskPermissions None { get; } = new();
}
