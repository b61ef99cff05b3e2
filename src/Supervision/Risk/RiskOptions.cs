using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.People;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// Configuration section <c>Risk</c>: the weights, the level thresholds and the windows of the risk
/// model, and the inputs the sources leave open (design life, required certificate items). Checked
/// at startup by <see cref="Validate"/>: a bad value stops the host with a message naming it.
/// </summary>
public sealed class RiskOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Risk";

    /// <summary>Points per factor.</summary>
    public RiskWeights Weights { get; set; } = new();

    /// <summary>Score from which a device is 黄 (and below which it is 蓝).</summary>
    public double YellowFrom { get; set; } = 20;

    /// <summary>Score from which a device is 橙.</summary>
    public double OrangeFrom { get; set; } = 40;

    /// <summary>Score from which a device is 红.</summary>
    public double RedFrom { get; set; } = 60;

    /// <summary>
    /// Design life in years by category (the product data sheet states it; the registry does not
    /// carry it). Defaults are ours [U]; a category without an entry gets <see cref="DefaultDesignLifeYears"/>.
    /// </summary>
    public Dictionary<EquipmentCategory, int> DesignLifeYears { get; set; } = new()
    {
        [EquipmentCategory.Boiler] = 20,
        [EquipmentCategory.PressureVessel] = 20,
        [EquipmentCategory.Lift] = 20,
        [EquipmentCategory.Crane] = 20,
        [EquipmentCategory.InPlantVehicle] = 10,
        [EquipmentCategory.AmusementRide] = 15,
        [EquipmentCategory.PressurePiping] = 30,
        [EquipmentCategory.PassengerRopeway] = 30,
    };

    /// <summary>Design life of a category missing from <see cref="DesignLifeYears"/>.</summary>
    public int DefaultDesignLifeYears { get; set; } = 20;

    /// <summary>The maintenance cycle in days (lifts: at least every 15 days, 条例 第三十一条 [V]).</summary>
    public int MaintenanceCycleDays { get; set; } = 15;

    /// <summary>Categories held to <see cref="MaintenanceCycleDays"/> (lifts by default). Arrays, not lists: configuration replaces them.</summary>
    public EquipmentCategory[] MaintainedCategories { get; set; } = [EquipmentCategory.Lift];

    /// <summary>Days of alarm and fault history that count (the issue: 90).</summary>
    public int AlarmWindowDays { get; set; } = 90;

    /// <summary>Fault codes that mean someone was trapped (GB/T 24476 as platforms use it: 11 困人, 93 平层关人; domain.md 8.2).</summary>
    public string[] EntrapmentFaultCodes { get; set; } = ["11", "93"];

    /// <summary>Days of complaints that count.</summary>
    public int ComplaintWindowDays { get; set; } = 90;

    /// <summary>
    /// Certificate items (TSG Z6001-2019) a use unit needs, by catalog-code prefix of the devices it
    /// has in use (every prefix that matches applies). Defaults: 安全管理 A wherever lifts, boilers,
    /// cranes, rides or ropeways are used (总局令第74号 safety staff); 锅炉司炉 G1 for boilers; 氧舱维护
    /// R3 for oxygen chambers; 起重机司机 Q2 for cranes; 叉车司机 N1 for forklifts; 观光车司机 N2;
    /// 游乐设施操作 Y2; 索道司机 S2. The mapping is ours, from domain.md 6 [S].
    /// </summary>
    public Dictionary<string, string[]> RequiredOperatorItems { get; set; } = new(StringComparer.Ordinal)
    {
        ["1"] = ["A", "G1"],
        ["241"] = ["R3"],
        ["3"] = ["A"],
        ["4"] = ["A", "Q2"],
        ["511"] = ["N1"],
        ["52"] = ["N2"],
        ["6"] = ["A", "Y2"],
        ["9"] = ["A", "S2"],
    };

    /// <summary>A certificate expiring within this many days counts as expiring (TSG Z6001-2019 Art. 25: apply 1 month ahead [V]).</summary>
    public int CertificateExpiringDays { get; set; } = 30;

    /// <summary>An inspection validity ending within this many days is "due" (the issue: 30).</summary>
    public int InspectionDueDays { get; set; } = 30;

    /// <summary>The level of <paramref name="score"/>.</summary>
    public RiskLevel LevelFor(double score) =>
        score >= RedFrom ? RiskLevel.Red : score >= OrangeFrom ? RiskLevel.Orange : score >= YellowFrom ? RiskLevel.Yellow : RiskLevel.Blue;

    /// <summary>The design life of a category.</summary>
    public int DesignLifeFor(EquipmentCategory category) => DesignLifeYears.GetValueOrDefault(category, DefaultDesignLifeYears);

    /// <summary>The (prefix, item) pairs of <see cref="RequiredOperatorItems"/>, sorted.</summary>
    public IReadOnlyList<(string Prefix, string Item)> RequiredItemPairs() =>
        RequiredOperatorItems.SelectMany(p => p.Value.Select(item => (p.Key, item))).Distinct().OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.item, StringComparer.Ordinal).ToList();

    /// <summary>Every problem with the settings, as "Risk:Name …" messages; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in Weights.Named())
        {
            if (!double.IsFinite(value) || value < 0 || value > 100)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Risk:Weights:{name} must be between 0 and 100, not {value}."));
            }
        }

        if (!(YellowFrom > 0 && YellowFrom < OrangeFrom && OrangeFrom < RedFrom && RedFrom <= 100))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Risk thresholds must rise: 0 < YellowFrom < OrangeFrom < RedFrom ≤ 100, not {YellowFrom}, {OrangeFrom}, {RedFrom}."));
        }

        foreach (var (category, years) in DesignLifeYears.Append(new(EquipmentCategory.SafetyAccessory, DefaultDesignLifeYears)))
        {
            if (years is < 1 or > 100)
            {
                errors.Add($"Risk:DesignLifeYears for {category} must be 1–100 years, not {years}.");
            }
        }

        Check(errors, nameof(MaintenanceCycleDays), MaintenanceCycleDays, 1, 366);
        Check(errors, nameof(AlarmWindowDays), AlarmWindowDays, 1, 366);
        Check(errors, nameof(ComplaintWindowDays), ComplaintWindowDays, 1, 3660);
        Check(errors, nameof(CertificateExpiringDays), CertificateExpiringDays, 0, 366);
        Check(errors, nameof(InspectionDueDays), InspectionDueDays, 1, 366);
        if (EntrapmentFaultCodes.Length == 0 || EntrapmentFaultCodes.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 8))
        {
            errors.Add("Risk:EntrapmentFaultCodes needs at least one fault code of at most 8 characters.");
        }

        foreach (var (prefix, items) in RequiredOperatorItems)
        {
            if (prefix.Length is < 1 or > 4 || !prefix.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"Risk:RequiredOperatorItems: '{prefix}' is not a catalog-code prefix (1–4 letters or digits).");
            }

            foreach (var item in items.Where(i => !OperatorItems.IsCurrent(i)))
            {
                errors.Add($"Risk:RequiredOperatorItems:{prefix}: '{item}' is not a TSG Z6001-2019 item ({string.Join(", ", OperatorItems.Current.Keys)}).");
            }
        }

        return errors;
    }

    private static void Check(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Risk:{name} must be {min}–{max}, not {value}."));
        }
    }
}
