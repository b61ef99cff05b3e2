using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Registry;

/// <summary>A count of devices of one category in one status.</summary>
public sealed record RollupCell(EquipmentCategory Category, EquipmentStatus Status, long Devices);

/// <summary>The counts of one region.</summary>
public sealed record RegionCounts(string RegionCode, string? Name, RegionLevel Level, long Total, IReadOnlyList<RollupCell> Cells);

/// <summary>A region's counts and those of each region one level down.</summary>
public sealed record RegionRollupView(RegionCounts Region, IReadOnlyList<RegionCounts> Children);

/// <summary>
/// Counts by category and status for <see cref="RegionCode"/> and its children, from the precomputed
/// rollup table (two indexed reads, whatever the number of devices). The scope must cover the region;
/// null when the region is not in the region table.
/// </summary>
public sealed record GetRegionRollup(AccessScope Scope, string RegionCode) : IQuery<RegionRollupView?>;

internal sealed class RegionRollupHandler(RegistryDbContext db) : IQueryHandler<GetRegionRollup, RegionRollupView?>
{
    public async ValueTask<RegionRollupView?> Handle(GetRegionRollup query, CancellationToken cancellationToken)
    {
        var code = query.RegionCode.Trim();
        if (!RegionCodes.TryValidate(code, out var error))
        {
            throw new RegistryValidationException(new Dictionary<string, string[]> { ["region"] = [error] });
        }

        // Rollups are counts over a whole region, so they need the region, not just some organisations in it.
        if (!query.Scope.IsUnrestricted && !(query.Scope.Kind == ScopeKind.Restricted && query.Scope.CoversRegion(code)))
        {
            throw new RegistryAccessDeniedException($"Your scope does not cover region {code}.");
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }

        var childCodes = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(cancellationToken);
        var codes = childCodes.Select(c => c.Code).Append(code).ToArray();
        var cells = await db.RegionRollups.AsNoTracking().Where(r => codes.Contains(r.RegionCode) && r.Devices > 0)
            .ToListAsync(cancellationToken);
        var byRegion = cells.ToLookup(c => c.RegionCode);

        RegionCounts Counts(string regionCode, string? regionName, RegionLevel level)
        {
            var rows = byRegion[regionCode].OrderBy(c => c.Category).ThenBy(c => c.Status)
                .Select(c => new RollupCell(c.Category, c.Status, c.Devices)).ToList();
            return new RegionCounts(regionCode, regionName, level, rows.Sum(r => r.Devices), rows);
        }

        return new RegionRollupView(
            Counts(code, name, RegionCodes.LevelOf(code)),
            childCodes.Select(c => Counts(c.Code, c.Name, c.Level)).ToList());
    }
}
