using ApprovalHub.Supervision.Regions;

namespace ApprovalHub.Supervision.Tests.Regions;

public class RegionCatalogTests
{
    [Fact]
    public void Ships_Zhejiang_with_11_cities_and_90_counties()
    {
        var catalog = RegionCatalog.Zhejiang();

        Assert.Single(catalog.Regions, r => r.Level == RegionLevel.Province);
        Assert.Equal(11, catalog.Regions.Count(r => r.Level == RegionLevel.City));
        Assert.Equal(90, catalog.Counties.Count());
        Assert.Equal("西湖区", catalog.ByCode["330106"].Name);
        Assert.All(catalog.Counties, c => Assert.Equal(c.Code[..4] + "00", c.ParentCode));
    }

    [Fact]
    public void Generated_streets_are_12_digit_codes_under_their_county_and_marked_generated()
    {
        var catalog = RegionCatalog.Zhejiang().WithGeneratedStreets(3);

        var streets = catalog.Streets.ToList();
        Assert.Equal(270, streets.Count);
        Assert.Contains(streets, s => s.Code == "330106003000" && s.ParentCode == "330106" && s.Name == "西湖区第3街道");
        Assert.All(streets, s => Assert.True(s.Generated));
    }

    [Theory]
    [InlineData("330000", RegionLevel.Province, "000000")]
    [InlineData("330100", RegionLevel.City, "330000")]
    [InlineData("330106", RegionLevel.County, "330100")]
    [InlineData("330106001000", RegionLevel.Street, "330106")]
    public void Levels_and_parents_follow_from_the_code(string code, RegionLevel level, string parent)
    {
        Assert.True(RegionCodes.TryValidate(code, out _));
        Assert.Equal(level, RegionCodes.LevelOf(code));
        Assert.Equal(parent, RegionCodes.ParentOf(code));
    }

    [Theory]
    [InlineData("33010", "6 digits")]
    [InlineData("330106001001", "village code")]
    [InlineData("330106000000", "not a street code")]
    public void Bad_codes_are_explained(string code, string expected)
    {
        Assert.False(RegionCodes.TryValidate(code, out var error));
        Assert.Contains(expected, error);
    }
}
