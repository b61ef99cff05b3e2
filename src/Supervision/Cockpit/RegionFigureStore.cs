using System.Globalization;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Maintains <c>ck_region_figures</c>: <see cref="RebuildAsync"/> sums the device rows and open
/// warnings per region at every level (one GROUP BY over the leaves, then the leaves rolled up);
/// <see cref="ApplyAsync"/> adds differences to a region and its ancestors, inside the caller's
/// transaction. Both use <see cref="FigureColumns"/>.
/// </summary>
internal static class RegionFigureStore
{
    /// <summary>Recomputes every region's figures, in one transaction with the caller's.</summary>
    public static async Task RebuildAsync(CockpitDbContext db, CancellationToken cancellationToken)
    {
        var device = FigureColumns.Device;
        var names = string.Join(", ", device.Select(c => c.Name));
        var leafSums = string.Join(", ", device.Select(c => $"SUM({c.DeviceSql}) AS {c.Name}"));
        var levelSums = string.Join(", ", device.Select(c => $"SUM({c.Name})"));
        var rollup = RegionRollupSql.Levels(names);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM ck_region_figures", cancellationToken);
#pragma warning disable EF1002 // column lists and expressions are the constants of FigureColumns, never input
        await db.Database.ExecuteSqlRawAsync(
            $"""
            WITH leaf AS (SELECT r.region_code, {leafSums} FROM ck_device_risk r GROUP BY r.region_code),
            levels AS ({rollup})
            INSERT INTO ck_region_figures (region_code, {names}, {string.Join(", ", FigureColumns.Warning.Select(c => c.Name))})
            SELECT code, {levelSums}, {string.Join(", ", FigureColumns.Warning.Select(_ => "0"))} FROM levels GROUP BY code
            """,
            cancellationToken);

        // Warnings: the same roll-up over the open rows, added to (or creating) the region rows.
        var warning = FigureColumns.Warning;
        var warningNames = string.Join(", ", warning.Select(c => c.Name));
        var warningLeaf = string.Join(", ", warning.Select((c, rule) => string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN w.rule = {rule} THEN 1 ELSE 0 END) AS {c.Name}")));
        var warningRollup = RegionRollupSql.Levels(warningNames);
        await db.Database.ExecuteSqlRawAsync(
            $"""
            WITH leaf AS (SELECT w.region_code, {warningLeaf} FROM ck_warnings w WHERE w.closed_at IS NULL GROUP BY w.region_code),
            levels AS ({warningRollup})
            INSERT INTO ck_region_figures (region_code, {string.Join(", ", device.Select(c => c.Name))}, {warningNames})
            SELECT code, {string.Join(", ", device.Select(_ => "0"))}, {string.Join(", ", warning.Select(c => $"SUM({c.Name})"))} FROM levels GROUP BY code
            ON CONFLICT (region_code) DO UPDATE SET {string.Join(", ", warning.Select(c => $"{c.Name} = excluded.{c.Name}"))}
            """,
            cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>The figures one device row contributes.</summary>
    public static RegionFigures Of(DeviceRisk row)
    {
        var figures = new RegionFigures { RegionCode = row.RegionCode };
        foreach (var column in FigureColumns.Device)
        {
            column.Set(figures, column.DeviceValue!(row));
        }

        return figures;
    }

    /// <summary>
    /// The differences between two sets of device rows (before and after a change), by leaf region;
    /// rows present on one side only count as added or removed.
    /// </summary>
    public static Dictionary<string, RegionFigures> Difference(IEnumerable<DeviceRisk> before, IEnumerable<DeviceRisk> after)
    {
        var deltas = new Dictionary<string, RegionFigures>(StringComparer.Ordinal);
        foreach (var row in before)
        {
            Add(deltas, row.RegionCode, Of(row), -1);
        }

        foreach (var row in after)
        {
            Add(deltas, row.RegionCode, Of(row), 1);
        }

        return deltas;
    }

    /// <summary>Adds <paramref name="figures"/> × <paramref name="sign"/> to the delta of <paramref name="region"/>.</summary>
    public static void Add(Dictionary<string, RegionFigures> deltas, string region, RegionFigures figures, int sign)
    {
        if (!deltas.TryGetValue(region, out var delta))
        {
            deltas[region] = delta = new RegionFigures { RegionCode = region };
        }

        foreach (var column in FigureColumns.All)
        {
            column.Set(delta, column.Get(delta) + (sign * column.Get(figures)));
        }
    }

    /// <summary>One open warning more (<paramref name="sign"/> 1) or fewer (−1) in <paramref name="region"/>.</summary>
    public static void AddWarning(Dictionary<string, RegionFigures> deltas, string region, WarningRule rule, int sign)
    {
        var figures = new RegionFigures { RegionCode = region };
        FigureColumns.For(rule).Set(figures, 1);
        Add(deltas, region, figures, sign);
    }

    /// <summary>Adds the differences to each region and its ancestors, on the caller's connection and transaction.</summary>
    public static async Task ApplyAsync(CockpitDbContext db, IReadOnlyDictionary<string, RegionFigures> deltas, CancellationToken cancellationToken)
    {
        // Summed per target region first: many leaves share a county, city and province.
        var targets = new Dictionary<string, RegionFigures>(StringComparer.Ordinal);
        foreach (var (leaf, delta) in deltas)
        {
            if (FigureColumns.All.All(c => c.Get(delta) == 0))
            {
                continue;
            }

            foreach (var code in Ancestors(leaf))
            {
                Add(targets, code, delta, 1);
            }
        }

        var connection = db.Database.GetDbConnection();
        var columns = FigureColumns.All;
        foreach (var (code, delta) in targets)
        {
            var changed = columns.Where(c => c.Get(delta) != 0).ToList();
            if (changed.Count == 0)
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            SqlDialect.Add(command, "@code", code);
            for (var i = 0; i < columns.Count; i++)
            {
                SqlDialect.Add(command, $"@v{i}", columns[i].Get(delta));
            }

            command.CommandText = $"""
                INSERT INTO ck_region_figures (region_code, {string.Join(", ", columns.Select(c => c.Name))})
                VALUES (@code, {string.Join(", ", columns.Select((_, i) => $"@v{i}"))})
                ON CONFLICT (region_code) DO UPDATE SET {string.Join(", ", changed.Select(c => $"{c.Name} = ck_region_figures.{c.Name} + excluded.{c.Name}"))}
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The region codes a leaf counts in, each once: province, city, county and, for a street,
    /// itself. A leaf filed at a city or the province counts in fewer (as <see cref="RegionRollupSql"/>).
    /// </summary>
    public static IEnumerable<string> Ancestors(string regionCode) =>
        new[]
        {
            RegionCodes.AncestorAt(regionCode, RegionLevel.Province),
            RegionCodes.AncestorAt(regionCode, RegionLevel.City),
            RegionCodes.AncestorAt(regionCode, RegionLevel.County),
            regionCode.Length == 12 ? regionCode : RegionCodes.AncestorAt(regionCode, RegionLevel.County),
        }.Distinct(StringComparer.Ordinal);
}
