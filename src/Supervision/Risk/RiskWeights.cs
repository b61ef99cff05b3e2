namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// Points per factor (configuration section <c>Risk:Weights</c>). A regulator tunes them without a
/// release; the defaults are ours, not a published model (domain.md 9.2: a special-equipment risk
/// model was not found [U]). "Each" weights count occurrences up to their cap.
/// </summary>
public sealed class RiskWeights
{
    /// <summary>Points at the design life for age: age ÷ design life × this, up to this.</summary>
    public double Age { get; set; } = 10;

    /// <summary>Points once the design life is reached.</summary>
    public double BeyondDesignLife { get; set; } = 10;

    /// <summary>Points while 超期未检.</summary>
    public double InspectionOverdue { get; set; } = 25;

    /// <summary>Points while the last inspection stands failed.</summary>
    public double InspectionFailed { get; set; } = 20;

    /// <summary>Points per missed maintenance cycle.</summary>
    public double MaintenanceMissedEach { get; set; } = 5;

    /// <summary>Cap of <see cref="MaintenanceMissedEach"/>.</summary>
    public double MaintenanceMissedCap { get; set; } = 15;

    /// <summary>Points per entrapment in the alarm window.</summary>
    public double EntrapmentEach { get; set; } = 8;

    /// <summary>Cap of <see cref="EntrapmentEach"/>.</summary>
    public double EntrapmentCap { get; set; } = 24;

    /// <summary>Points per other fault in the alarm window.</summary>
    public double FaultEach { get; set; } = 2;

    /// <summary>Cap of <see cref="FaultEach"/>.</summary>
    public double FaultCap { get; set; } = 10;

    /// <summary>Points per open 一般 hazard.</summary>
    public double GeneralHazardEach { get; set; } = 5;

    /// <summary>Points per open 严重 hazard.</summary>
    public double SeriousHazardEach { get; set; } = 20;

    /// <summary>Cap of the hazard points together.</summary>
    public double HazardCap { get; set; } = 30;

    /// <summary>Points per complaint in the complaint window.</summary>
    public double ComplaintEach { get; set; } = 3;

    /// <summary>Cap of <see cref="ComplaintEach"/>.</summary>
    public double ComplaintCap { get; set; } = 9;

    /// <summary>Points when every other device of the use unit is overdue (scaled by the share that is).</summary>
    public double UnitOverdue { get; set; } = 10;

    /// <summary>Points per operator-certificate item the unit lacks.</summary>
    public double CertificateGapEach { get; set; } = 5;

    /// <summary>Cap of <see cref="CertificateGapEach"/>.</summary>
    public double CertificateGapCap { get; set; } = 10;

    /// <summary>Every weight with its configuration name, for validation.</summary>
    internal IEnumerable<(string Name, double Value)> Named() =>
    [
        (nameof(Age), Age), (nameof(BeyondDesignLife), BeyondDesignLife), (nameof(InspectionOverdue), InspectionOverdue),
        (nameof(InspectionFailed), InspectionFailed), (nameof(MaintenanceMissedEach), MaintenanceMissedEach),
        (nameof(MaintenanceMissedCap), MaintenanceMissedCap), (nameof(EntrapmentEach), EntrapmentEach), (nameof(EntrapmentCap), EntrapmentCap),
        (nameof(FaultEach), FaultEach), (nameof(FaultCap), FaultCap), (nameof(GeneralHazardEach), GeneralHazardEach),
        (nameof(SeriousHazardEach), SeriousHazardEach), (nameof(HazardCap), HazardCap), (nameof(ComplaintEach), ComplaintEach),
        (nameof(ComplaintCap), ComplaintCap), (nameof(UnitOverdue), UnitOverdue), (nameof(CertificateGapEach), CertificateGapEach),
        (nameof(CertificateGapCap), CertificateGapCap),
    ];
}
