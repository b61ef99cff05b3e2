namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// The four colour levels of safety-risk grading (安全风险分级, domain.md 9.2 [S][P-RISK]): 重大 red,
/// 较大 orange, 一般 yellow, 低 blue. Ordered: a higher value is a higher risk. Stored as the number.
/// </summary>
public enum RiskLevel
{
    /// <summary>蓝: low risk.</summary>
    Blue = 0,

    /// <summary>黄: general risk.</summary>
    Yellow = 1,

    /// <summary>橙: significant risk.</summary>
    Orange = 2,

    /// <summary>红: major risk.</summary>
    Red = 3,
}

/// <summary>Names of <see cref="RiskLevel"/>.</summary>
public static class RiskLevels
{
    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<RiskLevel> All { get; } = [RiskLevel.Blue, RiskLevel.Yellow, RiskLevel.Orange, RiskLevel.Red];

    /// <summary>红, 橙, 黄, 蓝.</summary>
    public static string ChineseName(this RiskLevel level) => level switch
    {
        RiskLevel.Red => "红",
        RiskLevel.Orange => "橙",
        RiskLevel.Yellow => "黄",
        RiskLevel.Blue => "蓝",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a risk level."),
    };

    /// <summary>The colour the cockpit draws the level in (CSS hex).</summary>
    public static string Colour(this RiskLevel level) => level switch
    {
        RiskLevel.Red => "#cf1322",
        RiskLevel.Orange => "#fa8c16",
        RiskLevel.Yellow => "#fadb14",
        RiskLevel.Blue => "#1677ff",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a risk level."),
    };
}
