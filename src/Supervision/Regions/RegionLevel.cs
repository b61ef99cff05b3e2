namespace ApprovalHub.Supervision.Regions;

/// <summary>The five administrative levels a regulator can sit at (domain.md section 10.1).</summary>
public enum RegionLevel
{
    /// <summary>国家: SAMR; the whole country.</summary>
    National = 0,

    /// <summary>省: a province, <c>330000</c>.</summary>
    Province = 1,

    /// <summary>设区的市: a prefecture-level city, <c>330100</c>.</summary>
    City = 2,

    /// <summary>县(市、区): a county or district, <c>330106</c>.</summary>
    County = 3,

    /// <summary>乡镇(街道): a township or street, 12 digits <c>330106001000</c>.</summary>
    Street = 4,
}
