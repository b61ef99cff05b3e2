using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ApprovalHub.Workflows.Calendar;

/// <summary>
/// An ISO-8601 duration (<c>P1Y2M3DT4H5M6S</c>, <c>P2W</c>) extended with working days:
/// <c>P15WD</c> means fifteen working days (工作日) on the business calendar, which skips
/// weekends and public holidays and counts make-up Saturdays and Sundays (调休上班).
/// Working days cannot be mixed with calendar years, months, weeks or days, because the sum
/// would be ambiguous; a time part may follow (<c>P1WDT4H</c>). See docs/bpmn-extensions.md.
/// </summary>
public readonly record struct BpmnDuration(int Years, int Months, int Weeks, int Days, int WorkingDays, TimeSpan Time)
{
    /// <summary>True when the duration counts working days and needs the business calendar.</summary>
    public bool UsesWorkingDays => WorkingDays > 0;

    /// <summary>Parses a duration or throws <see cref="FormatException"/>.</summary>
    public static BpmnDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>Parses a duration; on failure <paramref name="error"/> says why in words.</summary>
    public static bool TryParse(string? text, out BpmnDuration duration, [NotNullWhen(false)] out string? error)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The duration is empty.";
            return false;
        }

        var s = text.Trim();
        if (s.Length < 3 || s[0] != 'P')
        {
            error = $"'{s}' is not an ISO-8601 duration: it must start with P, as in PT30M, P3D or P15WD.";
            return false;
        }

        int years = 0, months = 0, weeks = 0, days = 0, workingDays = 0;
        var time = TimeSpan.Zero;
        var inTime = false;
        var anyPart = false;
        var i = 1;
        var lastDateRank = -1;
        var lastTimeRank = -1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    error = $"'{s}' has more than one T.";
                    return false;
                }

                inTime = true;
                i++;
                if (i == s.Length)
                {
                    error = $"'{s}' ends with T; put hours, minutes or seconds after it (PT30M).";
                    return false;
                }

                continue;
            }

            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || (inTime && s[i] is '.' or ',')))
            {
                i++;
            }

            if (start == i || i == s.Length)
            {
                error = $"'{s}' is not an ISO-8601 duration: expected a number followed by a unit at position {start + 1}.";
                return false;
            }

            var number = s[start..i].Replace(',', '.');
            string unit;
            if (!inTime && i + 1 < s.Length && s[i] == 'W' && s[i + 1] == 'D')
            {
                unit = "WD";
                i += 2;
            }
            else
            {
                unit = s[i].ToString();
                i++;
            }

            if (!inTime)
            {
                var rank = unit switch { "Y" => 0, "M" => 1, "W" => 2, "D" => 3, "WD" => 4, _ => -1 };
                if (rank < 0)
                {
                    error = $"'{s}' uses the unit '{unit}' in its date part; use Y, M, W, D or WD (working days), and T before hours/minutes/seconds.";
                    return false;
                }

                if (rank <= lastDateRank)
                {
                    error = $"'{s}' repeats a unit or has them out of order (Y, M, W, D).";
                    return false;
                }

                lastDateRank = rank;
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    error = $"'{number}' in '{s}' is not a whole number.";
                    return false;
                }

                switch (unit)
                {
                    case "Y": years = value; break;
                    case "M": months = value; break;
                    case "W": weeks = value; break;
                    case "D": days = value; break;
                    default: workingDays = value; break;
                }
            }
            else
            {
                var rank = unit switch { "H" => 0, "M" => 1, "S" => 2, _ => -1 };
                if (rank < 0)
                {
                    error = $"'{s}' uses the unit '{unit}' after T; use H, M or S.";
                    return false;
                }

                if (rank <= lastTimeRank)
                {
                    error = $"'{s}' repeats a time unit or has them out of order (H, M, S).";
                    return false;
                }

                lastTimeRank = rank;
                if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    error = $"'{number}' in '{s}' is not a number.";
                    return false;
                }

                time += unit switch
                {
                    "H" => TimeSpan.FromHours(value),
                    "M" => TimeSpan.FromMinutes(value),
                    _ => TimeSpan.FromSeconds(value),
                };
            }

            anyPart = true;
        }

        if (!anyPart)
        {
            error = $"'{s}' has no parts; write for example PT30M, P3D or P15WD.";
            return false;
        }

        if (workingDays > 0 && (years | months | weeks | days) != 0)
        {
            error = $"'{s}' mixes working days (WD) with calendar years, months, weeks or days; use one or the other.";
            return false;
        }

        duration = new BpmnDuration(years, months, weeks, days, workingDays, time);
        error = null;
        return true;
    }

    /// <summary>
    /// The instant this duration after <paramref name="start"/>: working days on the business
    /// calendar, the rest on the clock. A working-day duration without a calendar is refused rather
    /// than guessed, because a Mon–Fri guess gives wrong legal deadlines around holidays.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start, IBusinessCalendar? calendar)
    {
        if (!UsesWorkingDays)
        {
            return AddCalendarPartTo(start);
        }

        if (calendar is null)
        {
            throw new InvalidOperationException($"The duration {this} counts working days, but no business calendar is configured.");
        }

        return calendar.AddWorkingDays(start, WorkingDays).Add(Time);
    }

    /// <summary>Adds the calendar part of the duration (not working days) to an instant.</summary>
    public DateTimeOffset AddCalendarPartTo(DateTimeOffset instant) =>
        instant.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days).Add(Time);

    /// <inheritdoc />
    public override string ToString()
    {
        var date = (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Weeks > 0 ? $"{Weeks}W" : "")
                   + (Days > 0 ? $"{Days}D" : "") + (WorkingDays > 0 ? $"{WorkingDays}WD" : "");
        var t = Time == TimeSpan.Zero
            ? ""
            : "T" + (Time.Hours + (Time.Days * 24) > 0 ? $"{Time.Hours + (Time.Days * 24)}H" : "")
                  + (Time.Minutes > 0 ? $"{Time.Minutes}M" : "")
                  + (Time.Seconds > 0 || Time.Milliseconds > 0 ? $"{(Time.Seconds + (Time.Milliseconds / 1000.0)).ToString(CultureInfo.InvariantCulture)}S" : "");
        var text = "P" + date + t;
        return text == "P" ? "PT0S" : text;
    }
}
