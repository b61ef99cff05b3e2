using Quartz;

namespace ApprovalHub.Host.Cockpit;

/// <summary>Configuration section <c>Cockpit</c>: when the full recompute runs, and how changes are batched.</summary>
internal sealed class CockpitOptions
{
    public const string SectionName = "Cockpit";

    /// <summary>When the nightly full recompute runs: a Quartz cron expression in China time (default 02:30 every day).</summary>
    public string NightlyCron { get; set; } = "0 30 2 * * ?";

    /// <summary>
    /// On the first start (no recompute recorded yet), compute risk, warnings (without cases) and
    /// figures before serving. Default true; turn off for a large registry and let the nightly run do it.
    /// </summary>
    public bool RecomputeOnFirstStart { get; set; } = true;

    /// <summary>How long the change worker gathers saved registry changes before recomputing them together (default 0.5 s).</summary>
    public TimeSpan ChangeDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>True for a Quartz cron expression.</summary>
    public static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Every problem with the settings.</summary>
    public IEnumerable<string> Validate()
    {
        if (!IsCron(NightlyCron))
        {
            yield return $"Cockpit:NightlyCron '{NightlyCron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 30 2 * * ?\").";
        }

        if (ChangeDelay < TimeSpan.Zero || ChangeDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"Cockpit:ChangeDelay must be between 00:00:00 and 00:05:00, not {ChangeDelay}.";
        }
    }
}
