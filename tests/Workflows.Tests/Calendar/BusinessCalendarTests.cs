using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Calendar;

/// <summary>The official 2025 and 2026 schedules: holidays, make-up workdays (调休上班), working-day arithmetic.</summary>
public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendarFiles.Load(Path.Combine(RepositoryPaths.Root, "definitions", "calendar"));

    private static DateTimeOffset China(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("2026-02-14", true)] // Saturday, make-up workday for 春节
    [InlineData("2026-02-15", false)] // Sunday, first day of 春节
    [InlineData("2026-02-16", false)] // Monday in 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-02-24", true)] // Tuesday after
    [InlineData("2026-02-28", true)] // Saturday, make-up workday
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-09-20", true)] // Sunday, make-up workday for 国庆
    [InlineData("2026-10-01", false)] // 国庆节
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)] // Thursday after the holiday
    [InlineData("2026-10-10", true)] // Saturday, make-up workday
    [InlineData("2026-01-04", true)] // Sunday, make-up workday for 元旦
    [InlineData("2025-01-26", true)] // Sunday, make-up workday for 2025 春节
    [InlineData("2025-10-08", false)] // 2025 国庆节+中秋节
    public void Knows_holidays_and_make_up_workdays(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Fifteen_working_days_across_the_2026_spring_festival()
    {
        // Filed on Wednesday 2026-02-11. Working days after it: 12, 13, 14 (make-up Saturday), then
        // 24, 25, 26, 27, 28 (make-up Saturday), then March 2, 3, 4, 5, 6, 9, 10 = 15.
        var due = Calendar.AddWorkingDays(China(2026, 2, 11), 15);

        Assert.Equal(China(2026, 3, 10), due);
        Assert.Equal(15, Calendar.CountWorkingDays(China(2026, 2, 11), due));
    }

    [Fact]
    public void Working_days_across_national_day_count_the_make_up_sunday_and_saturday()
    {
        // From Friday 2026-09-18: 20 (make-up Sunday), 21, 22, 23, 24, [25–27 中秋], 28, 29, 30,
        // [10-01..07 国庆], 8, 9, 10 (make-up Saturday) = 11.
        Assert.Equal(China(2026, 10, 10), Calendar.AddWorkingDays(China(2026, 9, 18), 11));
        Assert.Equal(11, Calendar.CountWorkingDays(China(2026, 9, 18), China(2026, 10, 10)));
        Assert.Equal(-11, Calendar.CountWorkingDays(China(2026, 10, 10), China(2026, 9, 18)));
    }

    [Fact]
    public void Counting_from_a_holiday_starts_at_the_next_working_day()
    {
        Assert.Equal(China(2026, 10, 8, 15), Calendar.AddWorkingDays(China(2026, 10, 3, 15), 1));
        Assert.Equal(China(2026, 10, 8, 0), Calendar.NextWorkingMoment(China(2026, 10, 3, 15)));
        Assert.Equal(China(2026, 10, 9, 11), Calendar.NextWorkingMoment(China(2026, 10, 9, 11)));
    }

    [Fact]
    public void Working_day_durations_use_the_calendar_and_refuse_to_guess_without_one()
    {
        var duration = BpmnDuration.Parse("P1WDT4H");

        Assert.Equal(China(2026, 10, 8, 13), duration.AddTo(China(2026, 9, 30), Calendar));
        Assert.Throws<InvalidOperationException>(() => duration.AddTo(China(2026, 9, 30), calendar: null));
    }

    [Fact]
    public void Missing_years_are_reported_so_the_host_can_warn()
    {
        Assert.Equal([2025, 2026], Calendar.Years.Order());
        Assert.Equal([2027], Calendar.MissingYears(2026, 2027));
        Assert.Equal("春节", Calendar.HolidayName(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void A_malformed_calendar_file_is_an_error_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("ah-cal-");
        try
        {
            var file = Path.Combine(folder.FullName, "cn-2027.json");
            File.WriteAllText(file, """{"year":2027,"holidays":[],"workdays":[{"date":"2027-01-04","for":"元旦"}]}""");

            var error = Assert.Throws<InvalidDataException>(() => BusinessCalendarFiles.Load(folder.FullName));

            Assert.Contains("cn-2027.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("not a weekend day", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
