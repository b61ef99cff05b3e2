using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Risk;

namespace ApprovalHub.Supervision.Warnings;

/// <summary>
/// The six warning rules as code: from a device's or use unit's maintained row, which warnings
/// should be open. Pure: the reconciler (<see cref="WarningReconciler"/>) decides what that means
/// for stored warnings and cases. The texts are stable from day to day (dates, not day counts), so
/// a warning only updates when its cause really changes.
/// </summary>
public sealed class WarningEvaluator(RiskOptions risk, WarningOptions options)
{
    /// <summary>The SQL filter (over <c>ck_device_risk r</c>) of rows that may raise a device warning.</summary>
    internal string CandidateFilter() => string.Create(CultureInfo.InvariantCulture,
        $"r.overdue OR r.due_soon OR r.level = {(int)RiskLevel.Red} OR r.recent_entrapments >= {options.RepeatedEntrapmentCount} OR r.maintenance_days > {MaintenanceLimitDays}");

    /// <summary>Days since the last maintenance beyond which <see cref="WarningRule.MaintenanceMissed"/> applies.</summary>
    public int MaintenanceLimitDays => risk.MaintenanceCycleDays + options.MaintenanceGraceDays;

    /// <summary>The warnings a device's row calls for.</summary>
    /// <param name="row">The device's risk row.</param>
    /// <param name="inspectionApplied">True when a periodic-inspection application is on file for the coming due date.</param>
    public IEnumerable<WarningFinding> ForDevice(DeviceRisk row, bool inspectionApplied)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Status != EquipmentStatus.InUse)
        {
            yield break;
        }

        if (row.DueSoon && !row.Overdue && !inspectionApplied && options.IsEnabled(WarningRule.InspectionDue) && row.InspectionValidUntil is { } due)
        {
            // 条例第八十三条: apply one month before the validity ends [V].
            var applyBy = due.AddMonths(-1);
            yield return Finding(WarningRule.InspectionDue, row, row.UserOrganisationId,
                $"检验有效期至 {Date(due)}，尚未申报定期检验（应于 {Date(applyBy)} 前申报）");
        }

        if (row.Overdue && options.IsEnabled(WarningRule.InspectionOverdue))
        {
            yield return Finding(WarningRule.InspectionOverdue, row, row.UserOrganisationId,
                row.InspectionValidUntil is { } end ? $"检验有效期至 {Date(end)}，已超期未检" : "无有效检验记录，超期未检");
        }

        if (row.MaintenanceDays > MaintenanceLimitDays && options.IsEnabled(WarningRule.MaintenanceMissed))
        {
            yield return Finding(WarningRule.MaintenanceMissed, row, row.MaintenanceOrganisationId ?? row.UserOrganisationId,
                Text($"维保超期：已漏保 {Math.Max(1, row.MaintenanceMissedCycles ?? 1)} 个周期（至少每 {risk.MaintenanceCycleDays} 日一次）"));
        }

        if (row.Level == RiskLevel.Red && options.IsEnabled(WarningRule.RiskRed))
        {
            var reasons = string.Join("、", row.StoredPoints().Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(3)
                .Select(p => p.Key.ChineseName()));
            yield return Finding(WarningRule.RiskRed, row, row.UserOrganisationId, $"风险等级升至红色，主要因素：{reasons}");
        }

        if (row.RecentEntrapments >= options.RepeatedEntrapmentCount && options.IsEnabled(WarningRule.RepeatedEntrapment))
        {
            yield return Finding(WarningRule.RepeatedEntrapment, row, row.MaintenanceOrganisationId ?? row.UserOrganisationId,
                Text($"{options.RepeatedEntrapmentDays} 日内困人 {row.RecentEntrapments} 次（阈值 {options.RepeatedEntrapmentCount} 次）"));
        }
    }

    /// <summary>The warning a use unit's row calls for, if any.</summary>
    public WarningFinding? ForOrganisation(OrganisationRisk row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(row.LapsingItems) || !options.IsEnabled(WarningRule.OperatorCertificate))
        {
            return null;
        }

        var items = row.LapsingItems.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => OperatorItems.Current.TryGetValue(code, out var name) ? $"{code} {name}" : code);
        return new WarningFinding(WarningRule.OperatorCertificate, row.OrganisationId, row.RegionCode, row.OrganisationId,
            Text($"作业人员证书已过期或 {risk.CertificateExpiringDays} 日内到期且无其他有效持证人员：{string.Join("、", items)}"));
    }

    private static WarningFinding Finding(WarningRule rule, DeviceRisk row, long organisation, string detail) =>
        new(rule, row.DeviceId, row.RegionCode, organisation, detail);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
