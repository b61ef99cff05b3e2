namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// One row of <c>ck_org_risk</c>: a use unit's record as the risk model and the certificate warning
/// read it: its devices in use and how many are overdue, and the certificate items it needs.
/// </summary>
public sealed class OrganisationRisk
{
    /// <summary>Registry id of the use unit.</summary>
    public long OrganisationId { get; set; }

    /// <summary>The unit's seat.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Devices in use.</summary>
    public int DevicesInUse { get; set; }

    /// <summary>Of those, overdue.</summary>
    public int DevicesOverdue { get; set; }

    /// <summary>Items needed without a valid certificate (missing or expired).</summary>
    public int CertificateGaps { get; set; }

    /// <summary>Those items, comma-separated and sorted ("A,Q2"), or null.</summary>
    public string? GapItems { get; set; }

    /// <summary>
    /// Items needed whose certificates have lapsed or are about to (expired, or expiring within
    /// <see cref="RiskOptions.CertificateExpiringDays"/>) while no other holder covers them; null when none.
    /// </summary>
    public string? LapsingItems { get; set; }

    /// <summary>The day (China) the row last changed.</summary>
    public DateOnly ChangedOn { get; set; }
}
