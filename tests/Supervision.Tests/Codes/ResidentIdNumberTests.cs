using ApprovalHub.Supervision.Codes;

namespace ApprovalHub.Supervision.Tests.Codes;

public class ResidentIdNumberTests
{
    [Fact]
    public void The_GB_11643_example_is_valid_and_masks_its_birth_date()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002x", out var number, out var error), error);

        Assert.Equal("110105********002X", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
    }

    [Theory]
    [InlineData("110105194912310021", "check character")]
    [InlineData("110105194913310020", "birth date")]
    [InlineData("1101051949123100", "17 digits")]
    public void Errors_never_repeat_the_number(string text, string expected)
    {
        Assert.False(ResidentIdNumber.TryParse(text, out _, out var error));

        Assert.Contains(expected, error);
        Assert.DoesNotContain(text[..10], error);
    }

    [Fact]
    public void Fingerprints_are_equal_for_equal_numbers_and_depend_on_the_pepper()
    {
        var number = ResidentIdNumber.Create("11010519491231002");

        Assert.Equal(number.Fingerprint("a"), ResidentIdNumber.Create("11010519491231002").Fingerprint("a"));
        Assert.NotEqual(number.Fingerprint("a"), number.Fingerprint("b"));
        Assert.DoesNotContain("19491231", number.Fingerprint("a"));
    }
}
