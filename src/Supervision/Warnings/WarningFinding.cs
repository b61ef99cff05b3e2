namespace ApprovalHub.Supervision.Warnings;

/// <summary>A rule's cause seen on a subject today: what should be open as a warning.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="SubjectId">The device's or use unit's registry id.</param>
/// <param name="RegionCode">The device's region or the unit's seat.</param>
/// <param name="OrganisationId">Who must act (use unit or maintenance unit).</param>
/// <param name="Detail">What was found, in Chinese; a change of it is an update of the warning.</param>
public sealed record WarningFinding(WarningRule Rule, long SubjectId, string RegionCode, long OrganisationId, string Detail)
{
    /// <summary>The rule's definition.</summary>
    public WarningRuleDefinition Definition => WarningRules.Get(Rule);
}
