namespace ApprovalHub.Supervision.Inspections;

/// <summary>Inspection conclusion (domain.md 3.3).</summary>
public enum InspectionResult
{
    /// <summary>合格.</summary>
    Pass = 0,

    /// <summary>复检合格: passed on re-inspection.</summary>
    PassOnReinspection = 1,

    /// <summary>不合格: must stop until repaired and re-inspected.</summary>
    Fail = 2,
}

/// <summary>What kind of inspection a record is.</summary>
public enum InspectionKind
{
    /// <summary>定期检验.</summary>
    Periodic = 0,

    /// <summary>监督检验 (after installation, renovation or major repair).</summary>
    Supervisory = 1,

    /// <summary>自行检测 (lifts, in the years without a periodic inspection; TSG T7008-2023).</summary>
    SelfTest = 2,

    /// <summary>外部检验 (boilers, yearly).</summary>
    External = 3,

    /// <summary>内部检验 (boilers).</summary>
    Internal = 4,
}

/// <summary>Chinese names of inspection results and kinds.</summary>
public static class InspectionNames
{
    /// <summary>合格, 复检合格, 不合格.</summary>
    public static string ChineseName(this InspectionResult result) => result switch
    {
        InspectionResult.Pass => "合格",
        InspectionResult.PassOnReinspection => "复检合格",
        InspectionResult.Fail => "不合格",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Not an inspection result."),
    };

    /// <summary>定期检验, 监督检验, 自行检测, 外部检验, 内部检验.</summary>
    public static string ChineseName(this InspectionKind kind) => kind switch
    {
        InspectionKind.Periodic => "定期检验",
        InspectionKind.Supervisory => "监督检验",
        InspectionKind.SelfTest => "自行检测",
        InspectionKind.External => "外部检验",
        InspectionKind.Internal => "内部检验",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an inspection kind."),
    };
}
