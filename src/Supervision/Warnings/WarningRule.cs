namespace ApprovalHub.Supervision.Warnings;

/// <summary>The warning rules of issue #10 (预警 → 处置). Stored as the number; never renumber.</summary>
public enum WarningRule
{
    /// <summary>检验到期未申报: the validity ends within 30 days and no application is open.</summary>
    InspectionDue = 0,

    /// <summary>超期未检: in use after the validity ended.</summary>
    InspectionOverdue = 1,

    /// <summary>维保超期: a lift's 15-day maintenance missed.</summary>
    MaintenanceMissed = 2,

    /// <summary>作业人员证书过期或即将过期 at a use unit that needs the item.</summary>
    OperatorCertificate = 3,

    /// <summary>风险升至红色.</summary>
    RiskRed = 4,

    /// <summary>多次困人: repeated entrapments.</summary>
    RepeatedEntrapment = 5,
}

/// <summary>What a warning is about.</summary>
public enum WarningSubject
{
    /// <summary>A device (its 设备代码 is the case's business key).</summary>
    Device = 0,

    /// <summary>A use unit.</summary>
    Organisation = 1,
}
