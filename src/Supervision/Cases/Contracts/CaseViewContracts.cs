namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>A case as its applicant or an official in scope sees it: state, forms, history, diagram, tasks.</summary>
public sealed record CaseDetail
{
    public required CaseSummary Case { get; init; }

    public FormView? ApplicantForm { get; init; }

    public DeviceCard? Device { get; init; }

    public OrganisationCard? Organisation { get; init; }

    public required IReadOnlyList<HistoryItem> History { get; init; }

    public required DiagramView Diagram { get; init; }

    /// <summary>Every task of the case, open and closed, oldest first.</summary>
    public required IReadOnlyList<TaskSummary> Tasks { get; init; }

    /// <summary>True when the caller may withdraw (撤回) now.</summary>
    public bool CanWithdraw { get; init; }
}
