using System.Collections.Frozen;

namespace ApprovalHub.Workflows.Calendar;

/// <summary>
/// The official working-day calendar: Monday to Friday, minus public holidays, plus the weekend
/// days the State Council makes workdays (调休上班). Years come from data files
/// (definitions/calendar/cn-YYYY.json); a year without a file falls back to Monday–Friday, and
/// <see cref="MissingYears"/> tells the host to warn about it loudly.
/// </summary>
public sealed class BusinessCalendar : IBusinessCalendar
{
    private readonly FrozenDictionary<DateOnly, string> _holidays;
    private readonly FrozenSet<DateOnly> _workdays;
    private readonly FrozenSet<int> _years;

    public BusinessCalendar(IEnumerable<CalendarYear> years, TimeSpan utcOffset)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        _years = list.Select(y => y.Year).ToFrozenSet();
        _holidays = list.SelectMany(y => y.Holidays.SelectMany(h => Days(h.From, h.To).Select(d => (Day: d, h.Name))))
            .GroupBy(x => x.Day).ToFrozenDictionary(g => g.Key, g => g.First().Name);
        _workdays = list.SelectMany(y => y.Workdays.Select(w => w.Date)).ToFrozenSet();
        UtcOffset = utcOffset;
    }

    /// <summary>The calendar's offset from UTC (China: +8, no daylight saving).</summary>
    public TimeSpan UtcOffset { get; }

    /// <summary>The years the calendar has official data for.</summary>
    public IReadOnlySet<int> Years => _years;

    /// <summary>Of the given years, those without data (the host warns at startup).</summary>
    public IEnumerable<int> MissingYears(params int[] years) => years.Where(y => !_years.Contains(y));

    /// <summary>The holiday's name when the date is a public holiday.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <inheritdoc />
    public bool IsWorkingDay(DateOnly date)
    {
        if (_workdays.Contains(date))
        {
            return true;
        }

        return !_holidays.ContainsKey(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <inheritdoc />
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = start.ToOffset(UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        // The day something starts is not counted (期间开始的当日不计算在内): count whole working days after it.
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), UtcOffset);
    }

    /// <inheritdoc />
    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var first = DateOnly.FromDateTime(from.ToOffset(UtcOffset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(UtcOffset).DateTime);
        var count = 0;
        for (var date = first.AddDays(1); date <= last; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working moment at or after <paramref name="instant"/>: itself on a working day, else the start of the next working day.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            return local;
        }

        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), UtcOffset);
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>One year's official schedule.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<MakeUpWorkday> Workdays);

/// <summary>Consecutive days off.</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

/// <summary>A weekend day that is worked (调休上班).</summary>
public sealed record MakeUpWorkday(DateOnly Date, string For);
