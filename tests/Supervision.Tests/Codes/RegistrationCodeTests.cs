using ApprovalHub.Supervision.Codes;

namespace ApprovalHub.Supervision.Tests.Codes;

public class RegistrationCodeTests
{
    [Theory]
    [InlineData("31106401052014080025", "640105", 2014, 8)]
    [InlineData("11204418002006080005", "441800", 2006, 8)]
    [InlineData("21603101012006010101", "310101", 2006, 1)]
    public void Reads_the_examples_of_domain_md(string text, string region, int year, int month)
    {
        var code = RegistrationCode.Parse(text);

        Assert.Equal(region, code.RegionCode);
        Assert.Equal(new DateOnly(year, month, 1), code.RegisteredMonth);
    }

    [Theory]
    [InlineData("3110640105201408002", "20 digits")]
    [InlineData("3110640105201413002X", "20 digits")]
    [InlineData("31106401052014130025", "year and month")]
    [InlineData("31166401052014080025", "equipment class code")]
    public void Rejects_with_the_reason(string text, string expected)
    {
        Assert.False(RegistrationCode.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Create_pads_each_part()
    {
        Assert.Equal("31103301062024030007", RegistrationCode.Create("3110", "330106", new DateOnly(2024, 3, 1), 7).Value);
    }
}
