using System.Globalization;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// The risk model: points per factor from <see cref="RiskInputs"/> and <see cref="RiskWeights"/>,
/// summed and capped at 100, then mapped to a colour level. The nightly recompute runs the same
/// arithmetic in SQL (<see cref="RiskStatements"/>); a test holds the two equal.
/// </summary>
public sealed class RiskModel(RiskOptions options)
{
    /// <summary>The settings in force.</summary>
    public RiskOptions Options { get; } = options;

    /// <summary>Scores one device.</summary>
    public RiskAssessment Assess(RiskInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var w = Options.Weights;
        var life = inputs.DesignLifeYears > 0 ? inputs.DesignLifeYears : Options.DesignLifeFor(inputs.Category);
        var contributions = new List<RiskContribution>
        {
            new(RiskFactor.Age, w.Age * Math.Min(1.0, (double)inputs.AgeYears / life), Text($"使用 {inputs.AgeYears} 年，设计使用年限 {life} 年")),
            new(RiskFactor.BeyondDesignLife, inputs.AgeYears >= life ? w.BeyondDesignLife : 0,
                inputs.AgeYears >= life ? Text($"已超设计使用年限 {inputs.AgeYears - life} 年") : "未超设计使用年限"),
            new(RiskFactor.InspectionOverdue, inputs.InspectionOverdue ? w.InspectionOverdue : 0, inputs.InspectionOverdue ? "检验有效期已过" : "检验在有效期内"),
            new(RiskFactor.InspectionFailed, inputs.InspectionFailed ? w.InspectionFailed : 0, inputs.InspectionFailed ? "最近一次检验不合格" : "最近一次检验合格"),
            new(RiskFactor.MaintenanceMissed, Capped(w.MaintenanceMissedEach, inputs.MaintenanceMissedCycles ?? 0, w.MaintenanceMissedCap),
                inputs.MaintenanceMissedCycles is { } missed ? Text($"漏保 {missed} 个周期（每 {Options.MaintenanceCycleDays} 天一次）") : "无维保周期要求"),
            new(RiskFactor.Entrapments, Capped(w.EntrapmentEach, inputs.Entrapments, w.EntrapmentCap), Text($"困人 {inputs.Entrapments} 次（{Options.AlarmWindowDays} 天内）")),
            new(RiskFactor.Faults, Capped(w.FaultEach, inputs.Faults, w.FaultCap), Text($"故障 {inputs.Faults} 次（{Options.AlarmWindowDays} 天内）")),
            new(RiskFactor.OpenHazards,
                Math.Min(w.HazardCap, (w.GeneralHazardEach * inputs.OpenGeneralHazards) + (w.SeriousHazardEach * inputs.OpenSeriousHazards)),
                Text($"一般隐患 {inputs.OpenGeneralHazards} 项，严重隐患 {inputs.OpenSeriousHazards} 项未闭环")),
            new(RiskFactor.Complaints, Capped(w.ComplaintEach, inputs.Complaints, w.ComplaintCap), Text($"投诉 {inputs.Complaints} 次（{Options.ComplaintWindowDays} 天内）")),
            new(RiskFactor.UnitOverdue, w.UnitOverdue * inputs.UnitOverdueShare,
                Text($"使用单位其他 {inputs.UnitOtherDevices} 台设备中 {inputs.UnitOtherOverdue} 台超期未检")),
            new(RiskFactor.UnitCertificateGaps, Capped(w.CertificateGapEach, inputs.UnitCertificateGaps, w.CertificateGapCap),
                Text($"缺少有效作业人员证 {inputs.UnitCertificateGaps} 项")),
        };

        // Summed in factor order, as the SQL does, so both give the same double.
        var sum = 0.0;
        foreach (var contribution in contributions)
        {
            sum += contribution.Points;
        }

        var score = Math.Min(100.0, sum);
        return new RiskAssessment(score, Options.LevelFor(score), contributions);
    }

    private static double Capped(double each, int count, double cap) => Math.Min(cap, each * count);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
