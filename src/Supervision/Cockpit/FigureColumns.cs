using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// The columns of <see cref="RegionFigures"/> and how one device row or one open warning counts in
/// each: the single definition both the rebuild (SQL sums) and the incremental path (C# differences)
/// use, so the two cannot drift apart.
/// </summary>
internal static class FigureColumns
{
    /// <summary>A column: its name, how a device row counts in it (SQL over alias <c>r</c>, and C#), and its accessor.</summary>
    internal sealed record Column(string Name, string? DeviceSql, Func<DeviceRisk, long>? DeviceValue, Func<RegionFigures, long> Get, Action<RegionFigures, long> Set);

    private static readonly int InUse = (int)EquipmentStatus.InUse;

    private static long Flag(bool value) => value ? 1 : 0;

    /// <summary>Columns summed from device rows.</summary>
    public static IReadOnlyList<Column> Device { get; } =
    [
        new("devices", "1", _ => 1, f => f.Devices, (f, v) => f.Devices = v),
        new("in_use", $"CASE WHEN r.status = {InUse} THEN 1 ELSE 0 END", r => Flag(r.Status == EquipmentStatus.InUse), f => f.InUse, (f, v) => f.InUse = v),
        new("overdue", "CASE WHEN r.overdue THEN 1 ELSE 0 END", r => Flag(r.Overdue), f => f.Overdue, (f, v) => f.Overdue = v),
        new("due_soon", "CASE WHEN r.due_soon THEN 1 ELSE 0 END", r => Flag(r.DueSoon), f => f.DueSoon, (f, v) => f.DueSoon = v),
        new("risk_blue", "CASE WHEN r.level = 0 THEN 1 ELSE 0 END", r => Flag(r.Level == RiskLevel.Blue), f => f.RiskBlue, (f, v) => f.RiskBlue = v),
        new("risk_yellow", "CASE WHEN r.level = 1 THEN 1 ELSE 0 END", r => Flag(r.Level == RiskLevel.Yellow), f => f.RiskYellow, (f, v) => f.RiskYellow = v),
        new("risk_orange", "CASE WHEN r.level = 2 THEN 1 ELSE 0 END", r => Flag(r.Level == RiskLevel.Orange), f => f.RiskOrange, (f, v) => f.RiskOrange = v),
        new("risk_red", "CASE WHEN r.level = 3 THEN 1 ELSE 0 END", r => Flag(r.Level == RiskLevel.Red), f => f.RiskRed, (f, v) => f.RiskRed = v),
        new("hazards_open_general", "r.open_general_hazards", r => r.OpenGeneralHazards, f => f.HazardsOpenGeneral, (f, v) => f.HazardsOpenGeneral = v),
        new("hazards_open_serious", "r.open_serious_hazards", r => r.OpenSeriousHazards, f => f.HazardsOpenSerious, (f, v) => f.HazardsOpenSerious = v),
        new("hazards_open_up_to30days", "r.hazards_open_up_to30days", r => r.HazardsOpenUpTo30Days, f => f.HazardsOpenUpTo30Days, (f, v) => f.HazardsOpenUpTo30Days = v),
        new("hazards_open31to90days", "r.hazards_open31to90days", r => r.HazardsOpen31To90Days, f => f.HazardsOpen31To90Days, (f, v) => f.HazardsOpen31To90Days = v),
        new("hazards_open_over90days", "r.hazards_open_over90days", r => r.HazardsOpenOver90Days, f => f.HazardsOpenOver90Days, (f, v) => f.HazardsOpenOver90Days = v),
        new("hazards_found12months", "r.hazards_found12months", r => r.HazardsFound12Months, f => f.HazardsFound12Months, (f, v) => f.HazardsFound12Months = v),
        new("hazards_closed12months", "r.hazards_closed12months", r => r.HazardsClosed12Months, f => f.HazardsClosed12Months, (f, v) => f.HazardsClosed12Months = v),
        new("alarms_today", "r.alarms_today", r => r.AlarmsToday, f => f.AlarmsToday, (f, v) => f.AlarmsToday = v),
        new("alarms_today_answered", "r.alarms_today_answered", r => r.AlarmsTodayAnswered, f => f.AlarmsTodayAnswered, (f, v) => f.AlarmsTodayAnswered = v),
        new("alarm_response_seconds_today", "r.alarm_response_seconds_today", r => r.AlarmResponseSecondsToday, f => f.AlarmResponseSecondsToday, (f, v) => f.AlarmResponseSecondsToday = v),
    ];

    /// <summary>Columns counted from open warnings, one per rule, in <see cref="WarningRule"/> order.</summary>
    public static IReadOnlyList<Column> Warning { get; } =
    [
        new("warnings_inspection_due", null, null, f => f.WarningsInspectionDue, (f, v) => f.WarningsInspectionDue = v),
        new("warnings_inspection_overdue", null, null, f => f.WarningsInspectionOverdue, (f, v) => f.WarningsInspectionOverdue = v),
        new("warnings_maintenance_missed", null, null, f => f.WarningsMaintenanceMissed, (f, v) => f.WarningsMaintenanceMissed = v),
        new("warnings_operator_certificate", null, null, f => f.WarningsOperatorCertificate, (f, v) => f.WarningsOperatorCertificate = v),
        new("warnings_risk_red", null, null, f => f.WarningsRiskRed, (f, v) => f.WarningsRiskRed = v),
        new("warnings_repeated_entrapment", null, null, f => f.WarningsRepeatedEntrapment, (f, v) => f.WarningsRepeatedEntrapment = v),
    ];

    /// <summary>Every column.</summary>
    public static IReadOnlyList<Column> All { get; } = [.. Device, .. Warning];

    /// <summary>The warning column of a rule.</summary>
    public static Column For(WarningRule rule) => Warning[(int)rule];
}
