using System.Collections.Frozen;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// The alarm rules by category, with indexes for the two hot paths: an event code, and the
/// threshold rules of a category. <see cref="Default"/> is the platform's rule set
/// (docs/mqtt.md, "Alarm rules"), from the fault and event codes of domain.md §8.
/// </summary>
public sealed class AlarmRuleSet
{
    private readonly FrozenDictionary<string, AlarmRule> _byType;
    private readonly FrozenDictionary<string, AlarmRule[]> _byRaiseCode;
    private readonly FrozenDictionary<string, AlarmRule[]> _byClearCode;
    private readonly FrozenDictionary<EquipmentCategory, AlarmRule[]> _thresholds;

    /// <summary>Builds the indexes; types must be unique.</summary>
    public AlarmRuleSet(IEnumerable<AlarmRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        var duplicate = Rules.GroupBy(r => r.Type, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Alarm rule type '{duplicate.Key}' is defined twice.", nameof(rules));
        }

        _byType = Rules.ToFrozenDictionary(r => r.Type, StringComparer.Ordinal);
        _byRaiseCode = Rules
            .SelectMany(r => RaiseCodes(r).Select(code => (code, r)))
            .GroupBy(p => p.code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.r).ToArray(), StringComparer.Ordinal);
        _byClearCode = Rules
            .SelectMany(r => r.ClearCodes.Select(code => (code, r)))
            .GroupBy(p => p.code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.r).ToArray(), StringComparer.Ordinal);
        _thresholds = Enum.GetValues<EquipmentCategory>()
            .ToFrozenDictionary(c => c, c => Rules.Where(r => r.Trigger is ThresholdTrigger && r.Categories.Contains(c)).ToArray());
    }

    /// <summary>Every rule.</summary>
    public IReadOnlyList<AlarmRule> Rules { get; }

    /// <summary>A rule by type.</summary>
    public AlarmRule? Find(string type) => _byType.GetValueOrDefault(type);

    /// <summary>The rules an event code raises for a device of <paramref name="category"/> (event and repeat triggers).</summary>
    public IEnumerable<AlarmRule> RaisedBy(string code, EquipmentCategory category) =>
        _byRaiseCode.TryGetValue(code, out var rules) ? rules.Where(r => r.Categories.Contains(category)) : [];

    /// <summary>The rules whose alarms an event code ends: their clear codes, or their own code sent as cleared.</summary>
    public IEnumerable<AlarmRule> ClearedBy(string code, bool clearedState, EquipmentCategory category)
    {
        var rules = clearedState ? RaisedBy(code, category) : [];
        if (_byClearCode.TryGetValue(code, out var clearing))
        {
            rules = rules.Concat(clearing.Where(r => r.Categories.Contains(category)));
        }

        return rules.Distinct();
    }

    /// <summary>The threshold rules of a category.</summary>
    public IReadOnlyList<AlarmRule> Thresholds(EquipmentCategory category) => _thresholds[category];

    private static IEnumerable<string> RaiseCodes(AlarmRule rule) => rule.Trigger switch
    {
        EventTrigger e => e.Codes,
        RepeatTrigger r => r.Codes,
        _ => [],
    };

    /// <summary>Codes that lifts send when they return to normal (恢复自动运行).</summary>
    public const string LiftBackToNormal = "40";

    /// <summary>The platform's rules.</summary>
    public static AlarmRuleSet Default { get; } = new(DefaultRules());

    private static IEnumerable<AlarmRule> DefaultRules()
    {
        HashSet<EquipmentCategory> lifts = [EquipmentCategory.Lift];
        HashSet<EquipmentCategory> boilers = [EquipmentCategory.Boiler];
        HashSet<EquipmentCategory> cranes = [EquipmentCategory.Crane];
        HashSet<string> normal = new([LiftBackToNormal], StringComparer.Ordinal);
        static HashSet<string> Codes(params string[] codes) => new(codes, StringComparer.Ordinal);

        // Lifts: GB/T 24476 fault codes as platforms use them (domain.md §8.2 a, b), vendor alarms (c)
        // with ApprovalHub codes L01/L02 where no numeric code exists.
        yield return new AlarmRule
        {
            Type = "lift.entrapment", NameZh = "困人", Categories = lifts, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("11", "93")), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.top-overrun", NameZh = "冲顶", Categories = lifts, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("09", "92")), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.bottom-overrun", NameZh = "蹲底", Categories = lifts, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("10", "91")), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.moving-with-door-open", NameZh = "开门走梯", Categories = lifts, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("05")), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.overspeed", NameZh = "超速", Categories = lifts, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("L01", "62")), ClearCodes = normal,
        };

        // Door and stop alarms are commonly confirmed after 30–45 s: most clear by themselves.
        yield return new AlarmRule
        {
            Type = "lift.stopped-outside-door-zone", NameZh = "门区外停梯", Categories = lifts, Severity = AlarmSeverity.Major,
            Trigger = new EventTrigger(Codes("04")), ConfirmAfter = TimeSpan.FromSeconds(30), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.stopped-between-floors", NameZh = "非平层停梯", Categories = lifts, Severity = AlarmSeverity.Major,
            Trigger = new EventTrigger(Codes("L02")), ConfirmAfter = TimeSpan.FromSeconds(45), ClearCodes = normal,
        };
        yield return new AlarmRule
        {
            Type = "lift.door-faults-repeated", NameZh = "反复开关门故障", Categories = lifts, Severity = AlarmSeverity.Minor,
            Trigger = new RepeatTrigger(Codes("02", "03"), Count: 3, Window: TimeSpan.FromMinutes(10)), ClearCodes = normal,
        };

        // Boilers (domain.md §8.4): overpressure held for 10 s, very low water.
        yield return new AlarmRule
        {
            Type = "boiler.overpressure", NameZh = "锅炉超压", Categories = boilers, Severity = AlarmSeverity.Critical,
            Trigger = new ThresholdTrigger("pressure", m => m.Pressure, m => m.PressureMax ?? DefaultBoilerPressureMax),
            ConfirmAfter = TimeSpan.FromSeconds(10),
        };
        yield return new AlarmRule
        {
            Type = "boiler.overpressure-reported", NameZh = "锅炉超压报警", Categories = boilers, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("B01")),
        };
        yield return new AlarmRule
        {
            Type = "boiler.low-water", NameZh = "极低水位", Categories = boilers, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("B02")),
        };

        // Cranes: overload (load limiter) and wind above the in-service limit for 10 s.
        yield return new AlarmRule
        {
            Type = "crane.overload", NameZh = "起重机超载", Categories = cranes, Severity = AlarmSeverity.Critical,
            Trigger = new EventTrigger(Codes("C01")),
        };
        yield return new AlarmRule
        {
            Type = "crane.overload-measured", NameZh = "起重量超限", Categories = cranes, Severity = AlarmSeverity.Major,
            Trigger = new ThresholdTrigger("load", m => m.RatedLoad is null ? null : m.Load, m => m.RatedLoad ?? double.MaxValue),
            ConfirmAfter = TimeSpan.FromSeconds(2),
        };
        yield return new AlarmRule
        {
            Type = "crane.wind", NameZh = "风速超限", Categories = cranes, Severity = AlarmSeverity.Major,
            Trigger = new ThresholdTrigger("windSpeed", m => m.WindSpeed, _ => CraneWindLimit),
            ConfirmAfter = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Boiler pressure limit (MPa) when the controller does not report its own (a common 1.6 MPa rating).</summary>
    public const double DefaultBoilerPressureMax = 1.6;

    /// <summary>In-service wind limit of cranes, m/s (Beaufort 6 upper bound).</summary>
    public const double CraneWindLimit = 13.8;
}
