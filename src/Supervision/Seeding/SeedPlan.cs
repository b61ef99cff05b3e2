namespace ApprovalHub.Supervision.Seeding;

/// <summary>What <see cref="ProvinceSeeder"/> generates. Equal plans give equal data.</summary>
public sealed record SeedPlan
{
    /// <summary>Number of devices.</summary>
    public required int Devices { get; init; }

    /// <summary>The random seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The day the data describes ("today" for ages, validity and overdue flags).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Generated streets per county (Zhejiang has about 1,360 townships for 90 counties).</summary>
    public int StreetsPerCounty { get; init; } = 15;

    /// <summary>Organisations per device (Zhejiang: 350k for 1.75M devices).</summary>
    public double OrganisationsPerDevice { get; init; } = 0.2;

    /// <summary>People per device (Zhejiang: 700k operators for 1.75M devices).</summary>
    public double PeoplePerDevice { get; init; } = 0.4;

    /// <summary>The key of the ID-number fingerprints (<c>Registry:IdNumberPepper</c>).</summary>
    public required string IdNumberPepper { get; init; }

    /// <summary>The number of organisations, at least one per city and role.</summary>
    public int Organisations => Math.Max(100, (int)Math.Round(Devices * OrganisationsPerDevice));

    /// <summary>The number of people.</summary>
    public int People => Math.Max(10, (int)Math.Round(Devices * PeoplePerDevice));
}

/// <summary>How far a seed has got.</summary>
/// <param name="Stage">What is being written.</param>
/// <param name="Done">Rows of the stage written.</param>
/// <param name="Total">Rows of the stage.</param>
public readonly record struct SeedProgress(string Stage, long Done, long Total);

/// <summary>What a seed wrote.</summary>
public sealed record SeedResult(int Regions, int Organisations, int People, int Certificates, int Devices, int Inspections, int OtherRecords);
