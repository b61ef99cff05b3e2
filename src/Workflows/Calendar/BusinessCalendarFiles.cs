using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalHub.Workflows.Calendar;

/// <summary>
/// Reads the calendar data files (<c>cn-YYYY.json</c>). Adding a year is adding a file: no code
/// changes. A malformed file is an error with its name, never a silently shorter calendar.
/// </summary>
public static class BusinessCalendarFiles
{
    /// <summary>China Standard Time: UTC+8 all year.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Loads every <c>*.json</c> file of a folder.</summary>
    public static BusinessCalendar Load(string directory)
    {
        var years = new List<CalendarYear>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            years.Add(Read(file));
        }

        return new BusinessCalendar(years, ChinaOffset);
    }

    /// <summary>Parses one year file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static CalendarYear Read(string file)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<YearFile>(File.ReadAllText(file), Json)
                      ?? throw new InvalidDataException("the file is empty");
            var holidays = dto.Holidays.Select(h => new HolidayRange(h.Name, h.From, h.To)).ToList();
            var workdays = dto.Workdays.Select(w => new MakeUpWorkday(w.Date, w.For)).ToList();
            foreach (var range in holidays.Where(h => h.To < h.From || h.From.Year != dto.Year))
            {
                throw new InvalidDataException($"holiday {range.Name} ({range.From}–{range.To}) is not a range in {dto.Year}");
            }

            foreach (var day in workdays.Where(w => w.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            {
                throw new InvalidDataException($"make-up workday {day.Date} is a {day.Date.DayOfWeek}, not a weekend day");
            }

            return new CalendarYear(dto.Year, holidays, workdays);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"Calendar file {file} is invalid: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The calendar in the nearest <c>definitions/calendar</c> folder above the working directory or
    /// the program, or null when there is none (the CLI run outside a checkout).
    /// </summary>
    public static BusinessCalendar? TryLoadDefault()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "definitions", "calendar");
                if (Directory.Exists(candidate))
                {
                    return Load(candidate);
                }
            }
        }

        return null;
    }

    private sealed record YearFile(int Year, List<HolidayDto> Holidays, List<WorkdayDto> Workdays);

    private sealed record HolidayDto(string Name, DateOnly From, DateOnly To);

    private sealed record WorkdayDto(DateOnly Date, string For);
}
