using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Seeding;

/// <summary>
/// Seeds a registry: refuses a non-empty one unless told to replace it, streams the province in
/// through the provider's bulk path, then moves the id sequences past the seeded ids and rebuilds
/// the region rollups.
/// </summary>
public static class RegistrySeeding
{
    // Children before parents, so a future foreign key would not stop the TRUNCATE/DELETE.
    private static readonly string[] Tables =
    [
        "reg_region_rollups", "reg_e_certificates", "reg_accidents", "reg_alarms", "reg_hazards", "reg_maintenance",
        "reg_inspections", "reg_registration_events", "reg_devices", "reg_operator_certificates", "reg_people",
        "reg_licences", "reg_organisations", "reg_regions",
    ];

    private static readonly string[] IdentityTables =
    [
        "reg_e_certificates", "reg_accidents", "reg_alarms", "reg_hazards", "reg_maintenance", "reg_inspections",
        "reg_registration_events", "reg_devices", "reg_operator_certificates", "reg_people", "reg_licences", "reg_organisations",
    ];

    /// <summary>True when the registry holds no device and no organisation (regions are reference data and do not count).</summary>
    public static async Task<bool> IsEmptyAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Devices.AnyAsync(cancellationToken) && !await db.Organisations.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the shipped regions (province, cities, counties) into an empty region table, so a registry
    /// without demo data still knows its regions. Returns the number of rows added.
    /// </summary>
    public static async Task<int> EnsureRegionsAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Regions.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var regions = RegionCatalog.Zhejiang().Regions;
        db.Regions.AddRange(regions);
        await db.SaveChangesAsync(cancellationToken);
        return regions.Count;
    }

    /// <summary>Writes <paramref name="plan"/>; with <paramref name="replace"/>, deletes every registry row first.</summary>
    /// <exception cref="InvalidOperationException">The registry is not empty and <paramref name="replace"/> is false.</exception>
    public static async Task<SeedResult> SeedAsync(
        RegistryDbContext db,
        SeedPlan plan,
        RegistryOptions options,
        bool replace,
        IProgress<SeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        if (!await IsEmptyAsync(db, cancellationToken))
        {
            if (!replace)
            {
                throw new InvalidOperationException("The registry already holds data; seed with --replace to delete it first.");
            }

            await ClearAsync(db, cancellationToken);
        }
        else
        {
            // The seed writes the shipped regions again together with its generated streets.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM reg_regions", cancellationToken);
        }

        SeedResult result;
        var indexes = db.IsPostgres ? await DropSecondaryIndexesAsync(db, cancellationToken) : [];
        try
        {
            await using var loader = await BulkLoaders.OpenAsync(db, cancellationToken);
            var seeder = new ProvinceSeeder(plan, options.Inspection, options.UseCertificate);
            result = await seeder.WriteAsync(loader, progress, cancellationToken);
        }
        finally
        {
            progress?.Report(new SeedProgress("indexes", 0, indexes.Count));
            await RecreateIndexesAsync(db, indexes, progress);
        }

        progress?.Report(new SeedProgress("rollups", 0, 1));
        if (db.IsPostgres)
        {
            foreach (var table in IdentityTables)
            {
#pragma warning disable EF1002, EF1003 // table names are the constants above
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST(1, (SELECT COALESCE(max(id), 0) FROM {table})))", cancellationToken);
#pragma warning restore EF1002, EF1003
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        await RegionRollups.RebuildAsync(db, cancellationToken);
        progress?.Report(new SeedProgress("rollups", 1, 1));
        return result;
    }

    // Building an index once over sorted data is far cheaper than maintaining it row by row during
    // COPY (the codes are random, so every insert touches a random btree page). The definitions are
    // read from the catalog, so the migrations stay the single source of the index set.
    private static async Task<List<string>> DropSecondaryIndexesAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var indexes = await db.Database.SqlQueryRaw<IndexDefinition>(
                "SELECT indexname AS \"Name\", indexdef AS \"Definition\" FROM pg_indexes " +
                "WHERE schemaname = current_schema() AND tablename LIKE 'reg\\_%' AND indexname NOT LIKE 'PK\\_%'")
            .ToListAsync(cancellationToken);
        foreach (var index in indexes)
        {
#pragma warning disable EF1002 // the name comes from the catalog, quoted
            await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
#pragma warning restore EF1002
        }

        return indexes.Select(i => i.Definition).ToList();
    }

    // Runs even when the seed failed or was cancelled (hence no token): a registry without its
    // indexes would be unusably slow.
    private static async Task RecreateIndexesAsync(RegistryDbContext db, List<string> definitions, IProgress<SeedProgress>? progress)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            var sql = definitions[i]
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
#pragma warning disable EF1002 // definitions come from pg_indexes
            await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
            progress?.Report(new SeedProgress("indexes", i + 1, definitions.Count));
        }
    }

    private static async Task ClearAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
#pragma warning disable EF1002, EF1003 // table names are the constants above
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? $"TRUNCATE {table}" : $"DELETE FROM {table}", cancellationToken);
#pragma warning restore EF1002, EF1003
        }
    }
}

/// <summary>A row of <c>pg_indexes</c>.</summary>
internal sealed class IndexDefinition
{
    public required string Name { get; init; }

    public required string Definition { get; init; }
}
