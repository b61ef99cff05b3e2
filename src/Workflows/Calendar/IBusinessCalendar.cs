namespace ApprovalHub.Workflows.Calendar;

/// <summary>
/// Working-day arithmetic on the official calendar: weekends and public holidays are not working
/// days, make-up Saturdays and Sundays (调休上班) are. Instants are compared in the calendar's
/// time zone (Asia/Shanghai for China).
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>True when the date is a working day.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The instant <paramref name="days"/> working days after <paramref name="start"/>, at the same
    /// time of day; from a non-working day counting starts at the next working day.
    /// </summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, int days);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/> (negative when to is earlier).</summary>
    int CountWorkingDays(DateTimeOffset from, DateTimeOffset to);
}
