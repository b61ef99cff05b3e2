using ApprovalHub.Workflows.Calendar;

namespace ApprovalHub.Workflows.Tests.Calendar;

public class BpmnDurationTests
{
    [Theory]
    [InlineData("PT30M", 0, 0, 0, 0, 0, 1800)]
    [InlineData("P3D", 0, 0, 0, 3, 0, 0)]
    [InlineData("P15WD", 0, 0, 0, 0, 15, 0)]
    [InlineData("P1WDT4H", 0, 0, 0, 0, 1, 14400)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 0, 3, 0, 14706)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0)]
    [InlineData("PT0.5S", 0, 0, 0, 0, 0, 0.5)]
    public void Parses_iso_and_working_day_durations(string text, int years, int months, int weeks, int days, int workingDays, double seconds)
    {
        var duration = BpmnDuration.Parse(text);

        Assert.Equal(new BpmnDuration(years, months, weeks, days, workingDays, TimeSpan.FromSeconds(seconds)), duration);
        Assert.Equal(workingDays > 0, duration.UsesWorkingDays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15WD")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P15X")]
    [InlineData("P3DWD")]
    [InlineData("P1D1D")]
    [InlineData("P1DT")]
    [InlineData("PT1D")]
    [InlineData("P1M1Y")]
    [InlineData("P1W2WD")]
    [InlineData("P-1D")]
    public void Rejects_malformed_durations_with_a_reason(string text)
    {
        Assert.False(BpmnDuration.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("PT30M")]
    [InlineData("P15WD")]
    [InlineData("P1Y2M3DT4H5M6S")]
    [InlineData("P1WDT4H")]
    public void Formats_back_to_the_same_text(string text)
    {
        Assert.Equal(text, BpmnDuration.Parse(text).ToString());
    }

    [Fact]
    public void Calendar_part_adds_to_an_instant()
    {
        var start = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 30, 0, TimeSpan.FromHours(8)), BpmnDuration.Parse("P1M3DT1H30M").AddCalendarPartTo(start));
    }
}
