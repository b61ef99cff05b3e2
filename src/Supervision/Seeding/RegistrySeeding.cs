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
        await using (var loader = await BulkLoaders.OpenAsync(db, cancellationToken))
        {
            var seeder = new ProvinceSeeder(plan, options.Inspection, options.UseCertificate);
            result = await seeder.WriteAsync(loader, progress, cancellationToken);
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
