using ApprovalHub.Workflows.Calendar;

namespace ApprovalHub.Supervision.Registry;

/// <summary>"Today" for registry rules: the calendar day in China (validity dates are China dates).</summary>
public static class RegistryClock
{
    /// <summary>Today's date in China Standard Time.</summary>
    public static DateOnly Today(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(BusinessCalendarFiles.ChinaOffset).DateTime);
    }
}
