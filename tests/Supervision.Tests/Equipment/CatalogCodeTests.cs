using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Tests.Equipment;

public class CatalogCodeTests
{
    [Theory]
    [InlineData("3000", EquipmentCategory.Lift, CatalogLevel.Category)]
    [InlineData("3100", EquipmentCategory.Lift, CatalogLevel.Class)]
    [InlineData("3110", EquipmentCategory.Lift, CatalogLevel.Variety)]
    [InlineData("23T0", EquipmentCategory.PressureVessel, CatalogLevel.Variety)]
    [InlineData("4A00", EquipmentCategory.Crane, CatalogLevel.Class)]
    [InlineData("5110", EquipmentCategory.InPlantVehicle, CatalogLevel.Variety)]
    [InlineData("9000", EquipmentCategory.PassengerRopeway, CatalogLevel.Category)]
    [InlineData("f000", EquipmentCategory.SafetyAccessory, CatalogLevel.Category)]
    public void Parses_codes_with_their_category_and_level(string text, EquipmentCategory category, CatalogLevel level)
    {
        var code = CatalogCode.Parse(text);

        Assert.Equal(category, code.Category);
        Assert.Equal(level, code.Level);
        Assert.Equal(text.ToUpperInvariant(), code.Value);
    }

    [Fact]
    public void A_variety_lies_within_its_class_and_category_only()
    {
        var passengerLift = CatalogCode.Parse("3110");

        Assert.True(passengerLift.IsWithin(CatalogCode.Parse("3100")));
        Assert.True(passengerLift.IsWithin(CatalogCode.Parse("3000")));
        Assert.False(passengerLift.IsWithin(CatalogCode.Parse("3200")));
        Assert.False(passengerLift.IsWithin(CatalogCode.Parse("4000")));
        Assert.Equal("3100", passengerLift.ClassCode?.Value);
        Assert.Equal("3000", passengerLift.CategoryCode.Value);
        Assert.Null(CatalogCode.Parse("3000").ClassCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("311")]
    [InlineData("31100")]
    [InlineData("0110")]
    [InlineData("A000")]
    [InlineData("3111")]
    [InlineData("3010")]
    [InlineData("3-10")]
    public void Rejects_malformed_codes_with_a_reason(string? text)
    {
        Assert.False(CatalogCode.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void The_eight_equipment_categories_have_their_catalog_codes_and_names()
    {
        Assert.Equal(
            ["1000", "2000", "3000", "4000", "5000", "6000", "8000", "9000"],
            EquipmentCategories.Equipment.Select(c => c.Code()));
        Assert.Equal("电梯", EquipmentCategory.Lift.ChineseName());
        Assert.Equal("场(厂)内专用机动车辆", EquipmentCategory.InPlantVehicle.ChineseName());
        Assert.Equal("客运索道", EquipmentCategory.PassengerRopeway.ChineseName());
    }
}
