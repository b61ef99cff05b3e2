using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// Precomputed device counts per region (every level), category and status. A plain GROUP BY over
/// 1.75M devices is too slow for a dashboard; this table is rebuilt after bulk loads and kept up to
/// date by every status change and device write (<see cref="RegionRollups"/>).
/// </summary>
public sealed class RegionRollup
{
    /// <summary>Region code at any level (<c>330000</c>, <c>330100</c>, <c>330106</c>, <c>330106001000</c>).</summary>
    public required string RegionCode { get; init; }

    /// <summary>Catalog category.</summary>
    public EquipmentCategory Category { get; init; }

    /// <summary>Registration status.</summary>
    public EquipmentStatus Status { get; init; }

    /// <summary>Number of devices.</summary>
    public long Devices { get; set; }
}
