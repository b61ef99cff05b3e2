using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>The SLA arithmetic of user tasks: when a task turns yellow, and its state at an instant.</summary>
public static class SlaClock
{
    /// <summary>
    /// <paramref name="workingDays"/> working days before <paramref name="dueAt"/>, at the same time of
    /// day: a task due Monday 09:00 with the default of 1 turns yellow on Friday 09:00, not on Sunday.
    /// Without a calendar, plain days.
    /// </summary>
    public static DateTimeOffset WarnAt(DateTimeOffset dueAt, IBusinessCalendar? calendar, int workingDays)
    {
        if (workingDays <= 0)
        {
            return dueAt;
        }

        if (calendar is null)
        {
            return dueAt.AddDays(-workingDays);
        }

        var candidate = dueAt;
        // Holidays are at most nine days long, so this walks back a few weeks at most.
        for (var step = 0; step < 60; step++)
        {
            candidate = candidate.AddDays(-1);
            var isWorkingDay = calendar.CountWorkingDays(candidate.AddDays(-1), candidate) == 1;
            if (isWorkingDay && calendar.CountWorkingDays(candidate, dueAt) >= workingDays)
            {
                return candidate;
            }
        }

        return candidate;
    }

    /// <summary>The state a task with these dates has at <paramref name="now"/> (escalation is set by timers, not by time).</summary>
    public static SlaState StateAt(DateTimeOffset now, DateTimeOffset? dueAt, DateTimeOffset? warnAt) =>
        dueAt is not { } due ? SlaState.Normal
        : now > due ? SlaState.Overdue
        : warnAt is { } warn && now >= warn ? SlaState.Warning
        : SlaState.Normal;
}
