using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// What the risk model knows about one device in use, gathered from the registry (device row,
/// hazards, alarms), the complaints ledger and the use unit's record. The nightly recompute
/// gathers the same inputs in SQL (<see cref="RiskStatements"/>); this type is what the model and
/// its explanation read.
/// </summary>
public sealed record RiskInputs
{
    /// <summary>The device's category (design life, maintenance duty).</summary>
    public EquipmentCategory Category { get; init; }

    /// <summary>Whole years since first use (or installation, or manufacture, whichever is known first).</summary>
    public int AgeYears { get; init; }

    /// <summary>The design life the model uses for the category.</summary>
    public int DesignLifeYears { get; init; }

    /// <summary>超期未检.</summary>
    public bool InspectionOverdue { get; init; }

    /// <summary>The last inspection stands failed.</summary>
    public bool InspectionFailed { get; init; }

    /// <summary>Maintenance cycles missed since the last visit; null when the category has no maintenance duty.</summary>
    public int? MaintenanceMissedCycles { get; init; }

    /// <summary>Entrapments in the alarm window.</summary>
    public int Entrapments { get; init; }

    /// <summary>Other faults in the alarm window.</summary>
    public int Faults { get; init; }

    /// <summary>Open 一般 hazards.</summary>
    public int OpenGeneralHazards { get; init; }

    /// <summary>Open 严重 hazards.</summary>
    public int OpenSeriousHazards { get; init; }

    /// <summary>Complaints in the complaint window.</summary>
    public int Complaints { get; init; }

    /// <summary>The use unit's other devices in use.</summary>
    public int UnitOtherDevices { get; init; }

    /// <summary>Of those, how many are overdue.</summary>
    public int UnitOtherOverdue { get; init; }

    /// <summary>Certificate items the use unit needs and holds no valid certificate for.</summary>
    public int UnitCertificateGaps { get; init; }

    /// <summary>The share of the unit's other devices that are overdue (0 when it has no others).</summary>
    public double UnitOverdueShare => UnitOtherDevices == 0 ? 0 : (double)UnitOtherOverdue / UnitOtherDevices;
}
