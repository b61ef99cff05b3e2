using System.Globalization;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using Quartz;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// When a timer fires: its first due instant and, for cycles, how it repeats. Working-day
/// durations use the business calendar; dates without an offset and cron expressions are read in
/// China Standard Time (UTC+8, no daylight saving).
/// </summary>
internal readonly record struct TimerPlan(DateTimeOffset FirstDue, int? RepeatsAfterFirst, string? Interval)
{
    public static TimerPlan From(TimerEventDefinition timer, VariableView view, EngineServices services, DateTimeOffset now, string elementId)
    {
        var text = timer.Expression ?? string.Empty;
        if (ExpressionText.IsWrapped(text))
        {
            text = services.Expressions.Text(text, view, elementId) ?? string.Empty;
        }

        return Plan(timer, text.Trim(), now, services.Calendar, elementId);
    }

    /// <summary>The plan of a timer start event: no instance, so no variables to read.</summary>
    public static TimerPlan ForStart(TimerEventDefinition timer, DateTimeOffset now, IBusinessCalendar? calendar, string elementId)
    {
        var text = (timer.Expression ?? string.Empty).Trim();
        if (ExpressionText.IsWrapped(text))
        {
            throw new ExpressionFailedException($"The timer start event '{elementId}' ({text}) cannot use an expression: there are no variables before the instance starts.");
        }

        return Plan(timer, text, now, calendar, elementId);
    }

    private static TimerPlan Plan(TimerEventDefinition timer, string text, DateTimeOffset now, IBusinessCalendar? calendar, string elementId)
    {
        try
        {
            return timer.TimerKind switch
            {
                TimerKind.Date => new TimerPlan(ParseDate(text), null, null),
                TimerKind.Duration => new TimerPlan(BpmnDuration.Parse(text).AddTo(now, calendar), null, null),
                TimerKind.Cycle => Cycle(text, now, calendar),
                _ => throw new FormatException("The timer says neither a date, a duration nor a cycle."),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ExpressionFailedException($"The timer of '{elementId}' ({text}) cannot be scheduled: {ex.Message}");
        }
    }

    /// <summary>The next firing of a cycle after one fired at <paramref name="firedAt"/>.</summary>
    public static DateTimeOffset Next(string interval, DateTimeOffset firedAt, IBusinessCalendar? calendar)
    {
        if (interval.StartsWith('P'))
        {
            return BpmnDuration.Parse(interval).AddTo(firedAt, calendar);
        }

        var cron = new CronExpression(interval, ChinaTimeZone);
        return cron.GetNextValidTimeAfter(firedAt) ?? throw new FormatException($"The cron expression {interval} never fires again.");
    }

    private static TimerPlan Cycle(string text, DateTimeOffset now, IBusinessCalendar? calendar)
    {
        if (!text.StartsWith('R'))
        {
            return new TimerPlan(Next(Cron(text), now, calendar), null, Cron(text));
        }

        var parts = text.Split('/');
        int? repeats = parts[0].Length > 1 ? int.Parse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture) : null;
        if (repeats == 0)
        {
            throw new FormatException("R0 never fires.");
        }

        string interval;
        DateTimeOffset first;
        if (parts.Length == 3 && !parts[1].StartsWith('P'))
        {
            interval = parts[2];
            first = ParseDate(parts[1]);
        }
        else
        {
            interval = parts[1];
            first = BpmnDuration.Parse(interval).AddTo(now, calendar);
        }

        _ = BpmnDuration.Parse(interval);
        return new TimerPlan(first, repeats - 1, interval);
    }

    /// <summary>Quartz wants seconds first; a classic 5-field cron gets "0" seconds and "?" where needed.</summary>
    private static string Cron(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return text;
        }

        var dayOfMonth = fields[2];
        var dayOfWeek = fields[4];
        if (dayOfWeek == "*" )
        {
            dayOfWeek = "?";
        }
        else if (dayOfMonth == "*")
        {
            dayOfMonth = "?";
        }

        return $"0 {fields[0]} {fields[1]} {dayOfMonth} {fields[3]} {dayOfWeek}";
    }

    private static DateTimeOffset ParseDate(string text)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return parsed;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, styles);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), BusinessCalendarFiles.ChinaOffset);
    }

    private static TimeZoneInfo ChinaTimeZone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("China Standard Time", BusinessCalendarFiles.ChinaOffset, "China Standard Time", "China Standard Time");
}
