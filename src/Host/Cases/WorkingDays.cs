using ApprovalHub.Workflows.Calendar;

namespace ApprovalHub.Host.Cases;

/// <summary>Working days left until a deadline, as the SLA badge shows them.</summary>
internal sealed class WorkingDays(IBusinessCalendar calendar, TimeProvider time)
{
    /// <summary>
    /// Working days from today to the deadline's day: 0 on the last day, negative once it has
    /// passed (counting the working days since), null without a deadline.
    /// </summary>
    public int? Left(DateTimeOffset? dueAt)
    {
        if (dueAt is not { } due)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var days = calendar.CountWorkingDays(now, due);
        return due < now && days == 0 ? -1 : days;
    }
}
