using System.Globalization;

namespace ApprovalHub.Admin.Blazor.Formatting;

/// <summary>Shows instants in Beijing time (Asia/Shanghai), whatever the server's own zone.</summary>
public static class ChinaTime
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed zone is an exact
    // fallback on a machine without tzdata (slim containers).
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The instant in Asia/Shanghai.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant in Asia/Shanghai as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToChinaTime(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
