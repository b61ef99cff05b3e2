using System.Globalization;
using ApprovalHub.Admin.Blazor.Formatting;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// The text a datetime field submits and the picker's value, both ways. Users pick Beijing wall
/// time; a datetime is submitted with its +08:00 offset so the server never guesses the zone.
/// </summary>
public static class FormDates
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The submitted text of a picked value: <c>2026-03-02</c>, <c>09:30</c> or <c>2026-03-02T09:30+08:00</c>.</summary>
    public static string ToText(string? subtype, DateTime picked) => subtype switch
    {
        "time" => picked.ToString("HH:mm", CultureInfo.InvariantCulture),
        "datetime" => new DateTimeOffset(DateTime.SpecifyKind(picked, DateTimeKind.Unspecified), Beijing).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
        _ => picked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The picker's value for a submitted text, or null when the text is not one the field submits.</summary>
    public static DateTime? FromText(string? subtype, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (subtype)
        {
            case "time":
                return text.Length >= 5 && TimeOnly.TryParseExact(text[..5], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? DateTime.MinValue.Date.Add(time.ToTimeSpan())
                    : null;
            case "datetime":
                // Text without an offset is read as Beijing time, as the user would have meant it.
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? (HasOffset(text) ? ChinaTime.ToChinaTime(instant).DateTime : DateTime.SpecifyKind(instant.DateTime, DateTimeKind.Unspecified))
                    : null;
            default:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToDateTime(TimeOnly.MinValue)
                    : null;
        }
    }

    /// <summary>How a submitted value reads on a read-only form.</summary>
    public static string Display(string? subtype, string text) => subtype == "datetime" && FromText(subtype, text) is { } picked
        ? picked.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : text;

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
