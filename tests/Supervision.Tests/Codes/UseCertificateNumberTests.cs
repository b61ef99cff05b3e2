using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Tests.Codes;

public class UseCertificateNumberTests
{
    [Theory]
    [InlineData("梯11浙A00001(26)", '梯', "11", '浙', 'A', "00001", 26)]
    [InlineData("梯11浙AJ5023(19)", '梯', "11", '浙', 'A', "J5023", 19)]
    [InlineData("梯11宁A12345（21）", '梯', "11", '宁', 'A', "12345", 21)]
    public void Reads_every_part(string text, char kind, string variety, char province, char city, string serial, int year)
    {
        var number = UseCertificateNumber.Parse(text);

        Assert.Equal(kind, number.EquipmentCharacter);
        Assert.Equal(variety, number.VarietyDigits);
        Assert.Equal(province, number.Province);
        Assert.Equal(city, number.CityLetter);
        Assert.Equal(serial, number.Serial);
        Assert.Equal(year, number.YearOfCentury);
    }

    [Theory]
    [InlineData("11浙A00001(26)", "must start with the equipment character")]
    [InlineData("梯1浙A00001(26)", "characters 2–3")]
    [InlineData("梯11ZA00001(26)", "character 4 is the province")]
    [InlineData("梯11浙a00001(26)", "character 5 is the capital city letter")]
    [InlineData("梯11浙A0001(26)", "5-character serial and the year in brackets")]
    public void Points_at_the_wrong_part(string text, string expected)
    {
        Assert.False(UseCertificateNumber.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Must_fit_the_device_variety_and_category_character()
    {
        var format = new UseCertificateFormat();
        var number = UseCertificateNumber.Parse("梯11浙A00001(26)");

        Assert.True(number.Fits(CatalogCode.Parse("3110"), format, out _));
        Assert.False(number.Fits(CatalogCode.Parse("3120"), format, out var varietyError));
        Assert.Contains("variety digits 11", varietyError);
        Assert.False(number.Fits(CatalogCode.Parse("4110"), format, out var characterError));
        Assert.Contains("start with '起'", characterError);
    }

    [Fact]
    public void Create_uses_the_variety_digits_of_the_catalog_code()
    {
        var number = UseCertificateNumber.Create('梯', CatalogCode.Parse("3110"), '浙', 'A', 1, 2026);

        Assert.Equal("梯11浙A00001(26)", number.Value);
    }
}
