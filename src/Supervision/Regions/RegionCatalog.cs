using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalHub.Supervision.Regions;

/// <summary>
/// The regions the registry ships: Zhejiang's province, 11 cities and 90 counties from
/// <c>definitions/regions/zhejiang.json</c> (embedded in this assembly), plus generated streets.
/// </summary>
/// <remarks>
/// Street and township names are unverified (domain.md section 13, item 9), so none are shipped:
/// <see cref="WithGeneratedStreets"/> numbers them per county (<c>330106001000</c> 西湖区第1街道) and
/// marks them <see cref="Region.Generated"/> until the official NBS table replaces them.
/// </remarks>
public sealed class RegionCatalog
{
    private const string ResourceName = "ApprovalHub.Supervision.Regions.zhejiang.json";

    private RegionCatalog(IReadOnlyList<Region> regions)
    {
        Regions = regions;
        ByCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>Every region, parents before children.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Regions by code.</summary>
    public IReadOnlyDictionary<string, Region> ByCode { get; }

    /// <summary>The county-level regions.</summary>
    public IEnumerable<Region> Counties => Regions.Where(r => r.Level == RegionLevel.County);

    /// <summary>The streets (generated or loaded).</summary>
    public IEnumerable<Region> Streets => Regions.Where(r => r.Level == RegionLevel.Street);

    /// <summary>Zhejiang down to county level, as shipped.</summary>
    public static RegionCatalog Zhejiang()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Internal bug: the embedded resource {ResourceName} is missing, please report.");
        var file = JsonSerializer.Deserialize(stream, RegionFileJsonContext.Default.RegionFile)
            ?? throw new InvalidOperationException($"Internal bug: {ResourceName} is empty, please report.");
        var regions = file.Regions.Select(r =>
        {
            if (!RegionCodes.TryValidate(r.Code, out var error))
            {
                throw new InvalidOperationException($"{ResourceName}: {error}");
            }

            return new Region { Code = r.Code, Name = r.Name, Level = RegionCodes.LevelOf(r.Code), ParentCode = r.Parent };
        }).ToList();
        return new RegionCatalog(regions);
    }

    /// <summary>This catalog plus <paramref name="streetsPerCounty"/> generated streets under each county.</summary>
    public RegionCatalog WithGeneratedStreets(int streetsPerCounty)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(streetsPerCounty);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(streetsPerCounty, 999);
        var regions = Regions.Where(r => r.Level != RegionLevel.Street).ToList();
        foreach (var county in regions.Where(r => r.Level == RegionLevel.County).ToList())
        {
            for (var i = 1; i <= streetsPerCounty; i++)
            {
                regions.Add(new Region
                {
                    Code = $"{county.Code}{i:000}000",
                    Name = $"{county.Name}第{i}街道",
                    Level = RegionLevel.Street,
                    ParentCode = county.Code,
                    Generated = true,
                });
            }
        }

        return new RegionCatalog(regions);
    }
}

internal sealed record RegionFile(IReadOnlyList<RegionFileEntry> Regions);

internal sealed record RegionFileEntry(string Code, string Name, string? Parent);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RegionFile))]
internal sealed partial class RegionFileJsonContext : JsonSerializerContext;
