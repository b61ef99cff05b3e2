using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Tests.Codes;

public class EquipmentCodeTests
{
    [Fact]
    public void Splits_a_code_into_catalog_manufacturer_year_and_sequence()
    {
        var code = EquipmentCode.Parse("311010890201500001");

        Assert.Equal("3110", code.Catalog.Value);
        Assert.Equal("10890", code.ManufacturerCode);
        Assert.Equal(2015, code.Year);
    }

    [Fact]
    public void Sequences_past_99999_may_use_letters()
    {
        Assert.True(EquipmentCode.TryParse("23T02301020240A1B2", out var code, out var error), error);
        Assert.Equal(EquipmentCategory.PressureVessel, code.Catalog.Category);
    }

    [Theory]
    [InlineData("31101089020150000", "18 characters")]
    [InlineData("300010890201500001", "is a whole category")]
    [InlineData("31101A890201500001", "manufacturer code and must be digits")]
    [InlineData("311010890185000001", "year of manufacture")]
    [InlineData("311010890201500-01", "sequence number")]
    [InlineData("X11010890201500001", "characters 1–4 are the catalog code")]
    public void Names_the_wrong_part(string text, string expected)
    {
        Assert.False(EquipmentCode.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Create_builds_an_18_character_code()
    {
        var code = EquipmentCode.Create(CatalogCode.Parse("3110"), "33012", 2024, 42);

        Assert.Equal("311033012202400042", code.Value);
    }
}
