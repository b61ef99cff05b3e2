namespace ApprovalHub.Supervision.Regions;

/// <summary>One administrative division (行政区划) from province down to street.</summary>
public sealed class Region
{
    /// <summary>GB/T 2260 code, 6 or 12 digits.</summary>
    public required string Code { get; init; }

    /// <summary>Official name (杭州市, 西湖区).</summary>
    public required string Name { get; set; }

    /// <summary>Level, derived from the code.</summary>
    public RegionLevel Level { get; init; }

    /// <summary>The code one level up; null for a province.</summary>
    public string? ParentCode { get; init; }

    /// <summary>True for street rows generated for demo data, until the official NBS table is loaded.</summary>
    public bool Generated { get; init; }
}
