using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Timers;

/// <summary>
/// Checks the text of a BPMN timer without scheduling it: an ISO-8601 instant (timeDate), a duration
/// with working days (timeDuration, <c>P15WD</c>), a repeating interval (timeCycle, <c>R3/P1WD</c>)
/// or a cron expression (timeCycle, Quartz's 6–7 field form or the classic 5-field form), or an
/// expression <c>${…}</c> evaluated when the timer is created.
/// </summary>
public static partial class TimerSyntax
{
    /// <summary>Returns null when the timer text is well formed, else what is wrong.</summary>
    public static string? Check(TimerKind kind, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"The timer has an empty time{kind}; write for example {Example(kind)}.";
        }

        if (ExpressionText.IsWrapped(text))
        {
            return ExpressionText.CheckExpression(text);
        }

        return kind switch
        {
            TimerKind.Date => CheckDate(text.Trim()),
            TimerKind.Duration => BpmnDuration.TryParse(text, out _, out var error) ? null : error,
            _ => CheckCycle(text.Trim()),
        };
    }

    private static string Example(TimerKind kind) => kind switch
    {
        TimerKind.Date => "2026-10-08T09:00:00+08:00",
        TimerKind.Duration => "PT30M or P15WD",
        _ => "R3/P1WD or 0 0 9 ? * MON-FRI",
    };

    private static string? CheckDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
        && IsoDateShape().IsMatch(text)
            ? null
            : $"'{text}' is not an ISO-8601 date-time; write for example 2026-10-08T09:00:00+08:00 (Asia/Shanghai is assumed without an offset).";

    private static string? CheckCycle(string text)
    {
        if (text.StartsWith('R'))
        {
            var parts = text.Split('/');
            if (parts.Length is < 2 or > 3)
            {
                return $"'{text}' is not a repeating interval; write R[n]/duration, R[n]/start/duration or R[n]/duration/end, as in R3/P1WD.";
            }

            if (parts[0].Length > 1 && !int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return $"'{parts[0]}' in '{text}' must be R or R followed by a repeat count, as in R3.";
            }

            var durationIndex = parts.Length == 2 || parts[1].StartsWith('P') ? 1 : 2;
            if (!BpmnDuration.TryParse(parts[durationIndex], out _, out var durationError))
            {
                return $"The interval of '{text}' is malformed: {durationError}";
            }

            if (parts.Length == 3)
            {
                var instant = parts[durationIndex == 1 ? 2 : 1];
                if (CheckDate(instant) is { } dateError)
                {
                    return $"The {(durationIndex == 1 ? "end" : "start")} of '{text}' is malformed: {dateError}";
                }
            }

            return null;
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 5 or > 7)
        {
            return $"'{text}' is neither a repeating interval (R3/P1WD) nor a cron expression (5 to 7 fields such as 0 0 9 ? * MON-FRI).";
        }

        foreach (var field in fields)
        {
            if (!CronField().IsMatch(field))
            {
                return $"The cron field '{field}' in '{text}' has characters cron does not allow.";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoDateShape();

    [GeneratedRegex(@"^([0-9*?/,\-LW#]|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|MON|TUE|WED|THU|FRI|SAT|SUN)+$", RegexOptions.IgnoreCase)]
    private static partial Regex CronField();
}
