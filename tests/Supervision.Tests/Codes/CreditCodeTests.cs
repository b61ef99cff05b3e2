using ApprovalHub.Supervision.Codes;

namespace ApprovalHub.Supervision.Tests.Codes;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("91330000142916567N")]
    [InlineData(" 91330000142916567n ")]
    public void Accepts_codes_whose_GB_32100_check_character_matches(string text)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(text.Trim().ToUpperInvariant(), code.Value);
        Assert.Equal(text.Trim()[2..8], code.RegionCode);
    }

    [Fact]
    public void A_mistyped_character_is_caught_by_the_check_character_and_the_message_gives_the_expected_one()
    {
        Assert.False(CreditCode.TryParse("91330000142916567P", out _, out var error));

        Assert.Contains("check character is 'P'", error);
        Assert.Contains("GB 32100 gives 'N'", error);
    }

    [Theory]
    [InlineData("9133000014291656", "18 characters")]
    [InlineData("91330000142916567I", "character 18 'I' is not allowed")]
    [InlineData("913300A0142916567N", "characters 3–8 are the region code")]
    public void Says_precisely_what_is_wrong(string text, string expected)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Create_appends_the_check_character()
    {
        Assert.Equal("91330000142916567N", CreditCode.Create("91330000142916567").Value);
    }
}
