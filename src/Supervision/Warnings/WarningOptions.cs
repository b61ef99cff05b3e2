using System.Globalization;

namespace ApprovalHub.Supervision.Warnings;

/// <summary>Configuration section <c>Warnings</c>: which rules run, their thresholds, and how cases open.</summary>
public sealed class WarningOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Warnings";

    /// <summary>Evaluate warnings at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rules switched off (by code: <c>inspection-due</c> …); their open warnings close.</summary>
    public string[] DisabledRules { get; set; } = [];

    /// <summary>Entrapments within <see cref="RepeatedEntrapmentDays"/> that make a warning (default 3).</summary>
    public int RepeatedEntrapmentCount { get; set; } = 3;

    /// <summary>The window of <see cref="RepeatedEntrapmentCount"/> in days (default 30; at most the risk alarm window).</summary>
    public int RepeatedEntrapmentDays { get; set; } = 30;

    /// <summary>Days past the maintenance cycle before a missed maintenance warns (default 0).</summary>
    public int MaintenanceGraceDays { get; set; } = 0;

    /// <summary>The rectification period a unit 31 case sets, in calendar days (default 21, about 15 working days).</summary>
    public int RectificationDays { get; set; } = 21;

    /// <summary>
    /// New cases a run may open (default 500). Warnings beyond it are recorded at once and get their
    /// case in the next runs, oldest first, so a first run over a large registry cannot flood the queues.
    /// </summary>
    public int MaxNewCasesPerRun { get; set; } = 500;

    /// <summary>The initiator recorded on the cases warnings open.</summary>
    public string Initiator { get; set; } = "system:warnings";

    /// <summary>True when the rule runs.</summary>
    public bool IsEnabled(WarningRule rule) =>
        Enabled && !DisabledRules.Contains(WarningRules.Get(rule).Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem with the settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate(int alarmWindowDays)
    {
        var errors = new List<string>();
        foreach (var code in DisabledRules.Where(c => WarningRules.FindByCode(c) is null))
        {
            errors.Add($"Warnings:DisabledRules: '{code}' is not a rule ({string.Join(", ", WarningRules.All.Select(r => r.Code))}).");
        }

        if (RepeatedEntrapmentCount is < 1 or > 100)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Warnings:RepeatedEntrapmentCount must be 1–100, not {RepeatedEntrapmentCount}."));
        }

        if (RepeatedEntrapmentDays < 1 || RepeatedEntrapmentDays > alarmWindowDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Warnings:RepeatedEntrapmentDays must be 1–{alarmWindowDays} (Risk:AlarmWindowDays), not {RepeatedEntrapmentDays}."));
        }

        if (MaintenanceGraceDays is < 0 or > 365)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Warnings:MaintenanceGraceDays must be 0–365, not {MaintenanceGraceDays}."));
        }

        if (RectificationDays is < 1 or > 365)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Warnings:RectificationDays must be 1–365, not {RectificationDays}."));
        }

        if (MaxNewCasesPerRun is < 0 or > 1_000_000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Warnings:MaxNewCasesPerRun must be 0–1000000, not {MaxNewCasesPerRun}."));
        }

        if (string.IsNullOrWhiteSpace(Initiator))
        {
            errors.Add("Warnings:Initiator is required.");
        }

        return errors;
    }
}
