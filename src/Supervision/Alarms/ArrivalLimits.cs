namespace ApprovalHub.Supervision.Alarms;

/// <summary>
/// How long the maintenance unit has to reach a trapped passenger (TSG T5002-2017 第五条 as quoted in
/// domain.md §7): 30 minutes in 直辖市 and 设区的市, generally 1 hour elsewhere.
/// </summary>
/// <remarks>
/// Read from the device's GB/T 2260 code: county codes 01–20 are 市辖区 (the city proper of a
/// 设区的市, and every district of a 直辖市), 21–80 counties (县) and 81–99 county-level cities,
/// which get the hour. The limit reaches the BPMN case as <c>arrivalLimit</c>, the duration of the
/// escalation timer on 到场救援.
/// </remarks>
public static class ArrivalLimits
{
    /// <summary>The city limit.</summary>
    public static readonly TimeSpan City = TimeSpan.FromMinutes(30);

    /// <summary>Elsewhere.</summary>
    public static readonly TimeSpan Elsewhere = TimeSpan.FromHours(1);

    /// <summary>The limit for a device in <paramref name="regionCode"/> (6 or 12 digits).</summary>
    public static TimeSpan For(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length < 6 || !int.TryParse(regionCode.AsSpan(4, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var county))
        {
            return City;
        }

        return county is >= 1 and <= 20 ? City : Elsewhere;
    }

    /// <summary>The limit as a BPMN duration (<c>PT30M</c>, <c>PT1H</c>).</summary>
    public static string AsDuration(TimeSpan limit) =>
        limit.TotalMinutes % 60 == 0 ? $"PT{(int)limit.TotalHours}H" : $"PT{(int)limit.TotalMinutes}M";
}
