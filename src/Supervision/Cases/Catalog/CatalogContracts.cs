namespace ApprovalHub.Supervision.Cases.Catalog;

/// <summary>Who applies for or decides a unit: a role, and for regulators a level.</summary>
/// <param name="Role">regulator, inspector, enterprise, producer, maintenance (an enterprise or producer registered as 维保单位), or public.</param>
/// <param name="Level">For regulators: national, province, city, county or street.</param>
public sealed record CatalogParty(string Role, string? Level)
{
    /// <summary>The anonymous citizen of unit 30.</summary>
    public const string PublicRole = "public";

    /// <summary>The maintenance unit (维保单位) role of units 10, 25 and 34.</summary>
    public const string MaintenanceRole = "maintenance";

    /// <summary>The candidate group of the role: <c>regulator.city</c>, <c>inspector</c>.</summary>
    public string Group => Level is null ? Role : $"{Role}.{Level}";
}

/// <summary>The time limit of a unit: which task carries it, how long, and where the figure comes from.</summary>
/// <param name="TaskId">The user task with the deadline (<c>Task_decide</c>).</param>
/// <param name="DueIn">The task's <c>ah:dueIn</c>: <c>P15WD</c> working days, <c>P30D</c> calendar days, <c>PT2H</c>.</param>
/// <param name="Configurable">True when the figure is our default rather than a verified legal limit.</param>
/// <param name="Source">The rule and its source.</param>
/// <param name="ApplicantDeadline">A deadline the applicant must keep, if any.</param>
public sealed record CatalogLimit(string TaskId, string DueIn, bool Configurable, string Source, string? ApplicantDeadline);

/// <summary>One of the 34 business units (definitions/catalog.yaml).</summary>
public sealed record CatalogUnit(
    string Code,
    string NameZh,
    string NameEn,
    string StepCode,
    string Slug,
    string ProcessKey,
    string FormKey,
    CatalogParty Applicant,
    CatalogParty? Decider,
    CatalogLimit? Limit,
    IReadOnlyList<string> Effects,
    string? Note)
{
    /// <summary>A filing (备案/告知) is accepted at once; nobody decides.</summary>
    public bool IsFiling => Decider is null;

    /// <summary>"11 使用登记（首次）".</summary>
    public string Title => $"{Code} {NameZh}";
}

/// <summary>One of Zhejiang's 9 steps, orchestrating its units.</summary>
public sealed record CatalogStep(int Number, string Code, string NameZh, string NameEn, string ProcessKey, IReadOnlyList<string> UnitCodes);
