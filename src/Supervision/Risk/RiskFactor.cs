namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// The factors of a device's risk score (issue #10, docs/risk.md). Each adds points; the sum, capped
/// at 100, is the score.
/// </summary>
public enum RiskFactor
{
    /// <summary>Age against design life: up to <see cref="RiskWeights.Age"/> points, linear until the design life is reached.</summary>
    Age,

    /// <summary>Past its design life (特种设备安全法 第四十八条: continued use needs an assessment).</summary>
    BeyondDesignLife,

    /// <summary>超期未检: in use after its inspection validity ended (Law Art. 84 counts it as uninspected).</summary>
    InspectionOverdue,

    /// <summary>The last inspection failed (不合格) and no re-inspection has passed: rectification is open.</summary>
    InspectionFailed,

    /// <summary>Lifts: 15-day maintenance cycles missed (条例 第三十一条).</summary>
    MaintenanceMissed,

    /// <summary>Entrapments (困人) in the alarm window.</summary>
    Entrapments,

    /// <summary>Other faults in the alarm window.</summary>
    Faults,

    /// <summary>Open hazards, 一般 and 严重 weighted apart.</summary>
    OpenHazards,

    /// <summary>Public complaints in the complaint window.</summary>
    Complaints,

    /// <summary>The use unit's other devices that are overdue (its record).</summary>
    UnitOverdue,

    /// <summary>Operator certificate items the use unit needs but holds no valid certificate for.</summary>
    UnitCertificateGaps,
}

/// <summary>Names of <see cref="RiskFactor"/>.</summary>
public static class RiskFactors
{
    /// <summary>Every factor, in explanation order.</summary>
    public static IReadOnlyList<RiskFactor> All { get; } = Enum.GetValues<RiskFactor>();

    /// <summary>The Chinese name shown in explanations.</summary>
    public static string ChineseName(this RiskFactor factor) => factor switch
    {
        RiskFactor.Age => "设备年限",
        RiskFactor.BeyondDesignLife => "超设计使用年限",
        RiskFactor.InspectionOverdue => "超期未检",
        RiskFactor.InspectionFailed => "检验不合格未整改",
        RiskFactor.MaintenanceMissed => "维保超期",
        RiskFactor.Entrapments => "困人",
        RiskFactor.Faults => "故障",
        RiskFactor.OpenHazards => "未闭环隐患",
        RiskFactor.Complaints => "投诉举报",
        RiskFactor.UnitOverdue => "使用单位其他设备超期",
        RiskFactor.UnitCertificateGaps => "使用单位作业人员持证缺口",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Not a risk factor."),
    };
}
