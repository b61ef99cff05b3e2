using System.Globalization;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// How often a failing service task is tried and how long the engine waits between tries:
/// <c>ah:retry="R5/PT1M"</c> means at most 5 attempts in all, one minute apart. Without the
/// attribute: <see cref="WorkflowEngineOptions.ServiceTaskAttempts"/> attempts, the first retry
/// after <see cref="WorkflowEngineOptions.FirstRetryDelay"/> and each later one six times longer
/// (10 s, 1 min, 6 min by default), so a handler whose partner system is down for a minute
/// recovers without an operator.
/// </summary>
internal sealed record RetryPolicy(int MaxAttempts, BpmnDuration? FixedDelay, TimeSpan FirstDelay)
{
    private const int BackOffFactor = 6;

    public static RetryPolicy For(FlowNode node, WorkflowEngineOptions options)
    {
        var text = node.Extension("retry");
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RetryPolicy(Math.Max(1, options.ServiceTaskAttempts), null, options.FirstRetryDelay);
        }

        // The validator (BPMN0xx) checked the syntax at deployment: R<n>/<duration>.
        var parts = text.Trim().Split('/');
        var attempts = parts[0].Length > 1 ? int.Parse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture) : options.ServiceTaskAttempts;
        return new RetryPolicy(Math.Max(1, attempts), BpmnDuration.Parse(parts[^1]), options.FirstRetryDelay);
    }

    /// <summary>When attempt <paramref name="failedAttempt"/>+1 runs, after attempt <paramref name="failedAttempt"/> failed at <paramref name="now"/>.</summary>
    public DateTimeOffset NextAttemptAt(int failedAttempt, DateTimeOffset now, IBusinessCalendar? calendar)
    {
        if (FixedDelay is { } delay)
        {
            return delay.AddTo(now, calendar);
        }

        return now + BackOff(failedAttempt, FirstDelay);
    }

    /// <summary>The wait after failure number <paramref name="failures"/>: <paramref name="first"/>, then six times longer each time, at most a day.</summary>
    public static TimeSpan BackOff(int failures, TimeSpan first)
    {
        var factor = Math.Pow(BackOffFactor, Math.Max(0, failures - 1));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, TimeSpan.FromDays(1).Ticks));
    }
}
