namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// One row of <c>ck_region_months</c>: a region's month for the 12-month trends. Event counts
/// (inspections, hazards, alarms, warnings) are recounted from their records by every full
/// recompute; the state columns (in use, overdue, red) are what the last run of the month saw, and
/// stay null for months before the cockpit ran.
/// </summary>
public sealed class RegionMonth
{
    /// <summary>The region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    /// <summary>Devices in use at the month's last run.</summary>
    public long? InUse { get; set; }

    /// <summary>Overdue at the month's last run.</summary>
    public long? Overdue { get; set; }

    /// <summary>Red devices at the month's last run.</summary>
    public long? RiskRed { get; set; }

    /// <summary>Inspections done in the month.</summary>
    public long Inspections { get; set; }

    /// <summary>Hazards found in the month.</summary>
    public long HazardsFound { get; set; }

    /// <summary>Hazards closed in the month.</summary>
    public long HazardsClosed { get; set; }

    /// <summary>Alarms raised in the month.</summary>
    public long Alarms { get; set; }

    /// <summary>Warnings opened in the month.</summary>
    public long WarningsOpened { get; set; }

    /// <summary>Warnings closed in the month.</summary>
    public long WarningsClosed { get; set; }
}
