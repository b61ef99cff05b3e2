namespace ApprovalHub.Supervision.Warnings;

/// <summary>
/// A warning rule as the platform runs it: what it is about, who must act, and the BPMN path its
/// case follows (docs/risk.md, "Warnings").
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Code">Its stable code in URLs and Excel (<c>inspection-overdue</c>).</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Subject">Device or use unit.</param>
/// <param name="Owner">Who must act (the case's owner), in words.</param>
/// <param name="OwnerRole">The owner's role: <c>enterprise</c> (use unit or maintenance unit) or a regulator group.</param>
/// <param name="ProcessKey">The BPMN process the case runs: unit 31 (隐患整改闭环) or unit 32 (监督检查).</param>
/// <param name="Source">Why this is a warning: the rule or article behind it.</param>
public sealed record WarningRuleDefinition(
    WarningRule Rule, string Code, string Name, WarningSubject Subject, string Owner, string OwnerRole, string ProcessKey, string Source);

/// <summary>The six rules.</summary>
public static class WarningRules
{
    /// <summary>隐患整改闭环（含监察指令书）: the county orders rectification, the owner rectifies, the street reviews.</summary>
    public const string HazardRectification = "unit_31_hazard_rectification";

    /// <summary>监督检查: a targeted check by the street, summed up by the county regulator (the process of 双随机监督检查).</summary>
    public const string SupervisionCheck = "unit_32_random_inspection";

    /// <summary>Every rule, in <see cref="WarningRule"/> order.</summary>
    public static IReadOnlyList<WarningRuleDefinition> All { get; } =
    [
        new(WarningRule.InspectionDue, "inspection-due", "检验到期未申报", WarningSubject.Device,
            "使用单位申报定期检验；县级监管部门督办", "regulator.county", SupervisionCheck,
            "条例第八十三条：检验有效期届满前1个月申报（domain.md §3.1 [V]）"),
        new(WarningRule.InspectionOverdue, "inspection-overdue", "超期未检", WarningSubject.Device,
            "使用单位限期检验；县级监管部门下达指令书", "enterprise", HazardRectification,
            "特种设备安全法第八十四条：超期未检视同未经检验（domain.md §3.3 [V]）"),
        new(WarningRule.MaintenanceMissed, "maintenance-missed", "维保超期", WarningSubject.Device,
            "维保单位补做维保；县级监管部门下达指令书", "enterprise", HazardRectification,
            "条例第三十一条：电梯至少每15日维护保养一次（domain.md §7 [V]）"),
        new(WarningRule.OperatorCertificate, "operator-certificate", "作业人员证书过期或即将过期", WarningSubject.Organisation,
            "使用单位复审或补配持证人员；县级监管部门督办", "regulator.county", SupervisionCheck,
            "TSG Z6001-2019 第二十五条：有效期4年，期满前1个月申请复审（domain.md §6 [V]）"),
        new(WarningRule.RiskRed, "risk-red", "风险升至红色", WarningSubject.Device,
            "县级监管部门组织现场检查", "regulator.county", SupervisionCheck,
            "风险分级：红色为重大风险（domain.md §9.2 [S]；评分模型见 docs/risk.md）"),
        new(WarningRule.RepeatedEntrapment, "repeated-entrapment", "多次困人", WarningSubject.Device,
            "维保单位排查整改；县级监管部门下达指令书", "enterprise", HazardRectification,
            "困人为电梯故障中最严重者（domain.md §7、§8.2）；次数与时间窗可配置"),
    ];

    /// <summary>The definition of a rule.</summary>
    public static WarningRuleDefinition Get(WarningRule rule) => All[(int)rule];

    /// <summary>The rule with a code (<c>inspection-overdue</c>), case-insensitive; null when none.</summary>
    public static WarningRuleDefinition? FindByCode(string? code) =>
        All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
