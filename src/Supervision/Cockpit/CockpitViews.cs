using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>A region as the cockpit names it.</summary>
/// <param name="Code">GB/T 2260 code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level.</param>
public sealed record RegionRef(string Code, string Name, RegionLevel Level);

/// <summary>A figure with the list behind it.</summary>
/// <param name="Value">The number.</param>
/// <param name="List">The API query that lists what it counts (devices, warnings or cases).</param>
public sealed record LinkedFigure(long Value, string List);

/// <summary>Devices in use at each colour level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Devices">How many, with the list.</param>
public sealed record RiskShare(RiskLevel Level, LinkedFigure Devices);

/// <summary>The figures of one region.</summary>
public sealed record CockpitFigures
{
    /// <summary>Devices tracked (在建, 在用, 停用).</summary>
    public required LinkedFigure Devices { get; init; }

    /// <summary>Devices in use.</summary>
    public required LinkedFigure InUse { get; init; }

    /// <summary>超期未检.</summary>
    public required LinkedFigure Overdue { get; init; }

    /// <summary>Validity ending within the due window.</summary>
    public required LinkedFigure DueSoon { get; init; }

    /// <summary>定检率: in use and not overdue, over in use; null with no device in use.</summary>
    public double? InspectionRate { get; init; }

    /// <summary>Risk distribution, blue to red.</summary>
    public required IReadOnlyList<RiskShare> Risk { get; init; }

    /// <summary>Open hazards (一般 + 严重).</summary>
    public required LinkedFigure HazardsOpen { get; init; }

    /// <summary>Open 严重 hazards.</summary>
    public required LinkedFigure HazardsSerious { get; init; }

    /// <summary>Open hazards by age: ≤30, 31–90, &gt;90 days.</summary>
    public required IReadOnlyList<LinkedFigure> HazardAgeing { get; init; }

    /// <summary>Hazards found in the last 12 months.</summary>
    public long HazardsFound12Months { get; init; }

    /// <summary>Of those, closed.</summary>
    public long HazardsClosed12Months { get; init; }

    /// <summary>隐患闭环率: closed over found in the last 12 months; null when none found.</summary>
    public double? HazardClosureRate { get; init; }

    /// <summary>Alarms raised today.</summary>
    public required LinkedFigure AlarmsToday { get; init; }

    /// <summary>Of those, answered: acknowledged by the maintenance unit (IoT alarms) or cleared.</summary>
    public long AlarmsTodayAnswered { get; init; }

    /// <summary>Mean minutes from raised to answered over today's answered alarms (the response time).</summary>
    public double? AlarmResponseMinutesToday { get; init; }

    /// <summary>Open warnings of all rules.</summary>
    public required LinkedFigure WarningsOpen { get; init; }
}

/// <summary>A child region's figures (one row of the drill-down table and one cell of the treemap).</summary>
/// <param name="Region">The child region.</param>
/// <param name="Figures">Its figures.</param>
public sealed record ChildFigures(RegionRef Region, CockpitFigures Figures);

/// <summary>Devices of one category in one status.</summary>
/// <param name="Category">Category.</param>
/// <param name="Status">Status.</param>
/// <param name="Devices">How many, with the registry search behind it.</param>
public sealed record CategoryStatusCount(EquipmentCategory Category, EquipmentStatus Status, LinkedFigure Devices);

/// <summary>A business unit's SLA in the region (from the SLA job's statistics).</summary>
/// <param name="ProcessKey">The process.</param>
/// <param name="UnitCode">The unit's number (<c>31</c>), or null for a process outside the catalog.</param>
/// <param name="Name">The process name.</param>
/// <param name="Completed">Tasks with a deadline completed.</param>
/// <param name="CompletedOnTime">Of those, by their deadline.</param>
/// <param name="OnTimeRate">On-time rate, or null before any completion.</param>
/// <param name="Open">Open tasks in time.</param>
/// <param name="Yellow">Open tasks past their warning time (黄牌).</param>
/// <param name="Red">Open tasks overdue or escalated (红牌).</param>
/// <param name="Cases">The case list behind the yellow and red counts.</param>
public sealed record UnitSla(
    string ProcessKey, string? UnitCode, string Name, long Completed, long CompletedOnTime, double? OnTimeRate, long Open, LinkedFigure Yellow,
    LinkedFigure Red, string Cases);

/// <summary>Open warnings of one rule.</summary>
/// <param name="Rule">The rule's definition (owner, BPMN path).</param>
/// <param name="Open">How many, with the list.</param>
public sealed record WarningCount(WarningRuleDefinition Rule, LinkedFigure Open);

/// <summary>One month of the trends.</summary>
public sealed record TrendPoint
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    /// <summary>In use at the month's last recompute; null before the cockpit ran.</summary>
    public long? InUse { get; init; }

    /// <summary>Overdue at the month's last recompute.</summary>
    public long? Overdue { get; init; }

    /// <summary>Red at the month's last recompute.</summary>
    public long? RiskRed { get; init; }

    /// <summary>Inspections done.</summary>
    public long Inspections { get; init; }

    /// <summary>Hazards found.</summary>
    public long HazardsFound { get; init; }

    /// <summary>Hazards closed.</summary>
    public long HazardsClosed { get; init; }

    /// <summary>Alarms raised.</summary>
    public long Alarms { get; init; }

    /// <summary>Warnings opened.</summary>
    public long WarningsOpened { get; init; }

    /// <summary>Warnings closed.</summary>
    public long WarningsClosed { get; init; }

    /// <summary>The warnings opened that month.</summary>
    public required string WarningsList { get; init; }
}

/// <summary>Everything the cockpit shows for one region, scoped to the viewer.</summary>
public sealed record CockpitView
{
    /// <summary>The region shown.</summary>
    public required RegionRef Region { get; init; }

    /// <summary>The viewer's own region: where the cockpit starts, and the top of the breadcrumb.</summary>
    public required RegionRef Home { get; init; }

    /// <summary>From <see cref="Home"/> down to <see cref="Region"/>.</summary>
    public required IReadOnlyList<RegionRef> Breadcrumb { get; init; }

    /// <summary>The region's figures.</summary>
    public required CockpitFigures Figures { get; init; }

    /// <summary>The regions one level down, with their figures.</summary>
    public required IReadOnlyList<ChildFigures> Children { get; init; }

    /// <summary>Devices by category and status.</summary>
    public required IReadOnlyList<CategoryStatusCount> Devices { get; init; }

    /// <summary>SLA per business unit.</summary>
    public required IReadOnlyList<UnitSla> Sla { get; init; }

    /// <summary>Open warnings per rule.</summary>
    public required IReadOnlyList<WarningCount> Warnings { get; init; }

    /// <summary>The last 12 months, oldest first.</summary>
    public required IReadOnlyList<TrendPoint> Trends { get; init; }

    /// <summary>When the last full recompute finished; null before the first.</summary>
    public DateTimeOffset? ComputedAt { get; init; }
}
