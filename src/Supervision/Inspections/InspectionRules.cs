namespace ApprovalHub.Supervision.Inspections;

/// <summary>
/// Inspection intervals (configuration section <c>Registry:Inspection</c>). What domain.md marks
/// [V] is the default; what it marks [S] or [U] is a default with its source in the comment, to be
/// overridden once an authoritative copy is at hand.
/// </summary>
public sealed class InspectionRules
{
    /// <summary>
    /// Lift periodic-inspection years counted from the installation pass date (TSG T7001-2023 [S]);
    /// the years between are 自行检测 (self-test) years (TSG T7008-2023).
    /// </summary>
    public int[] LiftInspectionYears { get; set; } = [1, 4, 7, 9, 11, 13, 15];

    /// <summary>From this year of age on, lifts are inspected every year [S].</summary>
    public int LiftYearlyAfter { get; set; } = 15;

    /// <summary>Fixed pressure vessels: first inspection within this many months of first use (TSG 21-2016 [V]).</summary>
    public int VesselFirstMonths { get; set; } = 36;

    /// <summary>
    /// Fixed pressure vessels by 安全状况等级 (TSG 21-2016 [V]): grades 1–2 every 6 years; grade 3
    /// "3–6 years" (the shorter end by default); grade 4 monitored use, at most 3 years cumulative, set
    /// by the inspection body (1 year by default). Grade 5 may not be used and has no interval.
    /// </summary>
    public Dictionary<int, int> VesselMonthsByGrade { get; set; } = new() { [1] = 72, [2] = 72, [3] = 36, [4] = 12 };

    /// <summary>Boilers: external inspection yearly [S].</summary>
    public int BoilerExternalMonths { get; set; } = 12;

    /// <summary>Boilers: internal inspection every 2 years, the first one year after commissioning [S].</summary>
    public int BoilerInternalMonths { get; set; } = 24;

    /// <summary>
    /// Interval in months by catalog-code prefix, longest prefix wins. Defaults:
    /// cranes (TSG Q7015-2016 Art. 5 [V]): 2 years, but tower cranes (431), hoists (48), mobile cranes
    /// (44) and metallurgical cranes (415) yearly, rubber-tyred container gantries (424) 2 years;
    /// forklifts (511) 2 years and sightseeing vehicles (52) yearly (TSG 81-2022 [S]);
    /// rides (6) yearly [S]; ropeways (9) yearly [U]; pressure piping (8) 3 years [U];
    /// mobile pressure vessels (22) and cylinders (23) by the older table [S].
    /// </summary>
    public Dictionary<string, int> IntervalMonthsByCatalogPrefix { get; set; } = new(StringComparer.Ordinal)
    {
        ["4"] = 24,
        ["431"] = 12,
        ["432"] = 12,
        ["44"] = 12,
        ["48"] = 12,
        ["415"] = 12,
        ["424"] = 24,
        ["5"] = 24,
        ["511"] = 24,
        ["52"] = 12,
        ["6"] = 12,
        ["9"] = 12,
        ["8"] = 36,
        ["22"] = 60,
        ["23"] = 36,
        ["24"] = 36,
    };

    /// <summary>How long before the validity end the user must apply (条例: 1 month [V]).</summary>
    public int ApplyMonthsBefore { get; set; } = 1;
}
