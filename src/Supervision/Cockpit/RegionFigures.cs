namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// One row of <c>ck_region_figures</c>: the cockpit's figures of one region at any level (province,
/// city, county, street), as sums over the <see cref="Risk.DeviceRisk"/> rows under it and the open
/// warnings in it. Rebuilt by the full recompute; moved by the difference of every changed device
/// row and every opened or closed warning in between, so it always equals the sums of the rows.
/// </summary>
public sealed class RegionFigures
{
    /// <summary>The region (6 or 12 digits).</summary>
    public required string RegionCode { get; set; }

    /// <summary>Devices tracked (在建, 在用, 停用).</summary>
    public long Devices { get; set; }

    /// <summary>Devices in use.</summary>
    public long InUse { get; set; }

    /// <summary>In use and 超期未检.</summary>
    public long Overdue { get; set; }

    /// <summary>In use and due within the due window.</summary>
    public long DueSoon { get; set; }

    /// <summary>Devices in use at each risk level.</summary>
    public long RiskBlue { get; set; }

    /// <inheritdoc cref="RiskBlue"/>
    public long RiskYellow { get; set; }

    /// <inheritdoc cref="RiskBlue"/>
    public long RiskOrange { get; set; }

    /// <inheritdoc cref="RiskBlue"/>
    public long RiskRed { get; set; }

    /// <summary>Open 一般 hazards.</summary>
    public long HazardsOpenGeneral { get; set; }

    /// <summary>Open 严重 hazards.</summary>
    public long HazardsOpenSerious { get; set; }

    /// <summary>Open hazards by age: up to 30 days.</summary>
    public long HazardsOpenUpTo30Days { get; set; }

    /// <summary>Open hazards by age: 31–90 days.</summary>
    public long HazardsOpen31To90Days { get; set; }

    /// <summary>Open hazards by age: over 90 days.</summary>
    public long HazardsOpenOver90Days { get; set; }

    /// <summary>Hazards found in the last 12 months.</summary>
    public long HazardsFound12Months { get; set; }

    /// <summary>Of those, closed.</summary>
    public long HazardsClosed12Months { get; set; }

    /// <summary>Alarms raised today.</summary>
    public long AlarmsToday { get; set; }

    /// <summary>Of those, answered (acknowledged or cleared).</summary>
    public long AlarmsTodayAnswered { get; set; }

    /// <summary>Seconds from raised to answered over today's answered alarms.</summary>
    public long AlarmResponseSecondsToday { get; set; }

    /// <summary>Open warnings of each rule.</summary>
    public long WarningsInspectionDue { get; set; }

    /// <inheritdoc cref="WarningsInspectionDue"/>
    public long WarningsInspectionOverdue { get; set; }

    /// <inheritdoc cref="WarningsInspectionDue"/>
    public long WarningsMaintenanceMissed { get; set; }

    /// <inheritdoc cref="WarningsInspectionDue"/>
    public long WarningsOperatorCertificate { get; set; }

    /// <inheritdoc cref="WarningsInspectionDue"/>
    public long WarningsRiskRed { get; set; }

    /// <inheritdoc cref="WarningsInspectionDue"/>
    public long WarningsRepeatedEntrapment { get; set; }
}
