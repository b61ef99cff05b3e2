using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// One row of <c>ck_device_risk</c>: a device's risk score with every factor's points and input,
/// and the facts the cockpit counts (overdue, hazards by age, alarms today …). Kept for every device
/// that is not final (在建, 在用, 停用); only devices in use are scored. The region figures are sums
/// of these rows, so a change of one row moves the figures of its four ancestor regions by the
/// difference (<see cref="Cockpit.RegionFigures"/>).
/// </summary>
public sealed class DeviceRisk
{
    /// <summary>The registry id of the device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The device's region (street, or county for devices that know no street).</summary>
    public required string RegionCode { get; set; }

    /// <summary>Category.</summary>
    public EquipmentCategory Category { get; set; }

    /// <summary>Registration status.</summary>
    public EquipmentStatus Status { get; set; }

    /// <summary>使用单位.</summary>
    public long UserOrganisationId { get; set; }

    /// <summary>维保单位.</summary>
    public long? MaintenanceOrganisationId { get; set; }

    /// <summary>The score, 0–100; null unless in use.</summary>
    public double? Score { get; set; }

    /// <summary>The colour level; null unless in use.</summary>
    public RiskLevel? Level { get; set; }

    /// <summary>Points of <see cref="RiskFactor.Age"/>.</summary>
    public double PointsAge { get; set; }

    /// <summary>Points of <see cref="RiskFactor.BeyondDesignLife"/>.</summary>
    public double PointsBeyondDesignLife { get; set; }

    /// <summary>Points of <see cref="RiskFactor.InspectionOverdue"/>.</summary>
    public double PointsInspectionOverdue { get; set; }

    /// <summary>Points of <see cref="RiskFactor.InspectionFailed"/>.</summary>
    public double PointsInspectionFailed { get; set; }

    /// <summary>Points of <see cref="RiskFactor.MaintenanceMissed"/>.</summary>
    public double PointsMaintenanceMissed { get; set; }

    /// <summary>Points of <see cref="RiskFactor.Entrapments"/>.</summary>
    public double PointsEntrapments { get; set; }

    /// <summary>Points of <see cref="RiskFactor.Faults"/>.</summary>
    public double PointsFaults { get; set; }

    /// <summary>Points of <see cref="RiskFactor.OpenHazards"/>.</summary>
    public double PointsOpenHazards { get; set; }

    /// <summary>Points of <see cref="RiskFactor.Complaints"/>.</summary>
    public double PointsComplaints { get; set; }

    /// <summary>Points of <see cref="RiskFactor.UnitOverdue"/>.</summary>
    public double PointsUnitOverdue { get; set; }

    /// <summary>Points of <see cref="RiskFactor.UnitCertificateGaps"/>.</summary>
    public double PointsUnitCertificateGaps { get; set; }

    /// <summary>Whole years in use.</summary>
    public int AgeYears { get; set; }

    /// <summary>The design life applied.</summary>
    public int DesignLifeYears { get; set; }

    /// <summary>检验有效期至, copied for the warning texts.</summary>
    public DateOnly? InspectionValidUntil { get; set; }

    /// <summary>超期未检 (in use, validity ended).</summary>
    public bool Overdue { get; set; }

    /// <summary>In use, validity ends within <see cref="RiskOptions.InspectionDueDays"/>.</summary>
    public bool DueSoon { get; set; }

    /// <summary>The last inspection stands failed.</summary>
    public bool InspectionFailed { get; set; }

    /// <summary>Days since the last maintenance visit, for categories with a maintenance duty.</summary>
    public int? MaintenanceDays { get; set; }

    /// <summary>Maintenance cycles missed, for categories with a maintenance duty.</summary>
    public int? MaintenanceMissedCycles { get; set; }

    /// <summary>Entrapments in the alarm window.</summary>
    public int Entrapments { get; set; }

    /// <summary>Entrapments in the repeated-entrapment window of the warning rule.</summary>
    public int RecentEntrapments { get; set; }

    /// <summary>Other faults in the alarm window.</summary>
    public int Faults { get; set; }

    /// <summary>Open 一般 hazards.</summary>
    public int OpenGeneralHazards { get; set; }

    /// <summary>Open 严重 hazards.</summary>
    public int OpenSeriousHazards { get; set; }

    /// <summary>Open hazards found 30 days ago or less.</summary>
    public int HazardsOpenUpTo30Days { get; set; }

    /// <summary>Open hazards found 31–90 days ago.</summary>
    public int HazardsOpen31To90Days { get; set; }

    /// <summary>Open hazards found more than 90 days ago.</summary>
    public int HazardsOpenOver90Days { get; set; }

    /// <summary>Hazards found in the last 12 months.</summary>
    public int HazardsFound12Months { get; set; }

    /// <summary>Of those, how many are closed.</summary>
    public int HazardsClosed12Months { get; set; }

    /// <summary>Alarms raised today (China time).</summary>
    public int AlarmsToday { get; set; }

    /// <summary>Of those, how many were answered: acknowledged (IoT alarms) or cleared.</summary>
    public int AlarmsTodayAnswered { get; set; }

    /// <summary>Seconds from raised to answered, summed over today's answered alarms.</summary>
    public long AlarmResponseSecondsToday { get; set; }

    /// <summary>Complaints in the complaint window.</summary>
    public int Complaints { get; set; }

    /// <summary>The use unit's other devices in use.</summary>
    public int UnitOtherDevices { get; set; }

    /// <summary>Of those, overdue.</summary>
    public int UnitOtherOverdue { get; set; }

    /// <summary>Certificate items the use unit lacks.</summary>
    public int UnitCertificateGaps { get; set; }

    /// <summary>The day (China) the row last changed.</summary>
    public DateOnly ChangedOn { get; set; }

    /// <summary>The model's inputs, for an explanation.</summary>
    public RiskInputs ToInputs() => new()
    {
        Category = Category,
        AgeYears = AgeYears,
        DesignLifeYears = DesignLifeYears,
        InspectionOverdue = Overdue,
        InspectionFailed = InspectionFailed,
        MaintenanceMissedCycles = MaintenanceMissedCycles,
        Entrapments = Entrapments,
        Faults = Faults,
        OpenGeneralHazards = OpenGeneralHazards,
        OpenSeriousHazards = OpenSeriousHazards,
        Complaints = Complaints,
        UnitOtherDevices = UnitOtherDevices,
        UnitOtherOverdue = UnitOtherOverdue,
        UnitCertificateGaps = UnitCertificateGaps,
    };

    /// <summary>The stored points by factor.</summary>
    public IReadOnlyDictionary<RiskFactor, double> StoredPoints() => new Dictionary<RiskFactor, double>
    {
        [RiskFactor.Age] = PointsAge,
        [RiskFactor.BeyondDesignLife] = PointsBeyondDesignLife,
        [RiskFactor.InspectionOverdue] = PointsInspectionOverdue,
        [RiskFactor.InspectionFailed] = PointsInspectionFailed,
        [RiskFactor.MaintenanceMissed] = PointsMaintenanceMissed,
        [RiskFactor.Entrapments] = PointsEntrapments,
        [RiskFactor.Faults] = PointsFaults,
        [RiskFactor.OpenHazards] = PointsOpenHazards,
        [RiskFactor.Complaints] = PointsComplaints,
        [RiskFactor.UnitOverdue] = PointsUnitOverdue,
        [RiskFactor.UnitCertificateGaps] = PointsUnitCertificateGaps,
    };
}
