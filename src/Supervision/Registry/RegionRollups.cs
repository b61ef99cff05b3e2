using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// Maintains <see cref="RegionRollup"/>: <see cref="RebuildAsync"/> after a bulk load (one GROUP BY
/// per level), <see cref="ApplyAsync"/> inside the transaction of every single-device change, so the
/// counts are always those of the committed devices.
/// </summary>
public static class RegionRollups
{
    // Device region codes are street codes (12 digits) or, for imported rows that know no street,
    // county codes (6 digits); both start with the county, city and province digits.
    private static readonly string[] LevelExpressions =
    [
        "substr(region_code, 1, 2) || '0000'",
        "substr(region_code, 1, 4) || '00'",
        "substr(region_code, 1, 6)",
    ];

    /// <summary>Recomputes every count from <c>reg_devices</c>.</summary>
    public static async Task RebuildAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM reg_region_rollups", cancellationToken);
        foreach (var expression in LevelExpressions)
        {
            // The expressions are the constants above, never input.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO reg_region_rollups (region_code, category, status, devices) " +
                $"SELECT {expression}, category, status, count(*) FROM reg_devices GROUP BY {expression}, category, status",
                cancellationToken);
#pragma warning restore EF1003
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO reg_region_rollups (region_code, category, status, devices) " +
            "SELECT region_code, category, status, count(*) FROM reg_devices WHERE length(region_code) = 12 GROUP BY region_code, category, status",
            cancellationToken);
    }

    /// <summary>
    /// Moves one device's count: out of <paramref name="before"/> (region, category, status) when it
    /// existed before, into <paramref name="after"/> when it still exists.
    /// </summary>
    public static async Task ApplyAsync(
        RegistryDbContext db,
        (string Region, EquipmentCategory Category, EquipmentStatus Status)? before,
        (string Region, EquipmentCategory Category, EquipmentStatus Status)? after,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (before == after)
        {
            return;
        }

        if (before is { } old)
        {
            await AddAsync(db, old.Region, old.Category, old.Status, -1, cancellationToken);
        }

        if (after is { } now)
        {
            await AddAsync(db, now.Region, now.Category, now.Status, 1, cancellationToken);
        }
    }

    /// <summary>Counts newly inserted devices in, one upsert per region, category and status.</summary>
    public static async Task AddNewAsync(RegistryDbContext db, IEnumerable<Device> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var group in devices.GroupBy(d => (d.RegionCode, d.Category, d.Status)))
        {
            await AddAsync(db, group.Key.RegionCode, group.Key.Category, group.Key.Status, group.Count(), cancellationToken);
        }
    }

    private static async Task AddAsync(RegistryDbContext db, string regionCode, EquipmentCategory category, EquipmentStatus status, int delta, CancellationToken cancellationToken)
    {
        foreach (var code in Ancestors(regionCode))
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO reg_region_rollups (region_code, category, status, devices) VALUES ({code}, {(int)category}, {(int)status}, {delta})
                ON CONFLICT (region_code, category, status) DO UPDATE SET devices = reg_region_rollups.devices + excluded.devices
                """,
                cancellationToken);
        }
    }

    private static IEnumerable<string> Ancestors(string regionCode)
    {
        yield return RegionCodes.AncestorAt(regionCode, RegionLevel.Province);
        yield return RegionCodes.AncestorAt(regionCode, RegionLevel.City);
        yield return RegionCodes.AncestorAt(regionCode, RegionLevel.County);
        if (regionCode.Length == 12)
        {
            yield return regionCode;
        }
    }
}
