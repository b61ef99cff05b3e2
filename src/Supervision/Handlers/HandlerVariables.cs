using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Runtime.Services;

namespace ApprovalHub.Supervision.Handlers;

/// <summary>
/// Typed reads of the process variables a handler needs, with a <see cref="HandlerInputException"/>
/// that names the variable when it is missing or of the wrong shape. Dates from forms arrive as
/// <c>2026-03-02</c> or <c>2026-03-02T09:30</c> (China time unless an offset is given).
/// </summary>
public sealed class HandlerVariables(Func<string, JsonNode?> read, string where)
{
    /// <summary>The variables of a service-task call.</summary>
    public static HandlerVariables Of(ServiceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new HandlerVariables(context.GetVariable, $"{context.HandlerType} at '{context.ElementId}'");
    }

    /// <summary>The raw value, or null when undefined.</summary>
    public JsonNode? Raw(string name) => read(name);

    /// <summary>A non-empty text, or null.</summary>
    public string? Text(string name) => read(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        var other => throw Wrong(name, "a text", other),
    };

    /// <summary>A text that must be there.</summary>
    public string RequiredText(string name) => Text(name) ?? throw Missing(name);

    /// <summary>A whole number (also from its text), or null.</summary>
    public long? Long(string name) => read(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out long number) => number,
        JsonValue value when value.TryGetValue(out double real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 => (long)real,
        JsonValue value when value.TryGetValue(out string? text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw Wrong(name, "a whole number", other),
    };

    /// <summary>A whole number that must be there.</summary>
    public long RequiredLong(string name) => Long(name) ?? throw Missing(name);

    /// <summary>A boolean, or null.</summary>
    public bool? Bool(string name) => read(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        var other => throw Wrong(name, "true or false", other),
    };

    /// <summary>A calendar date (the date part of a date-time), or null.</summary>
    public DateOnly? Date(string name) => Instant(name) is { } instant
        ? DateOnly.FromDateTime(instant.ToOffset(BusinessCalendarFiles.ChinaOffset).DateTime)
        : null;

    /// <summary>A date that must be there.</summary>
    public DateOnly RequiredDate(string name) => Date(name) ?? throw Missing(name);

    /// <summary>An instant: a date is midnight China time; a date-time without an offset is China time.</summary>
    public DateTimeOffset? Instant(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), BusinessCalendarFiles.ChinaOffset);
        }

        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), BusinessCalendarFiles.ChinaOffset);
        }

        throw Wrong(name, "a date (2026-03-02) or date-time (2026-03-02T09:30)", read(name));
    }

    /// <summary>An array, or null.</summary>
    public JsonArray? Array(string name) => read(name) switch
    {
        null => null,
        JsonArray array => array,
        var other => throw Wrong(name, "a list", other),
    };

    /// <summary>An object (a form group with a path), or null.</summary>
    public JsonObject? Object(string name) => read(name) switch
    {
        null => null,
        JsonObject item => item,
        var other => throw Wrong(name, "an object", other),
    };

    /// <summary>The variables of one item of a list or of a group object.</summary>
    public HandlerVariables Item(JsonNode? item, string label) => item is JsonObject obj
        ? new HandlerVariables(name => obj[name], $"{where}, {label}")
        : throw new HandlerInputException($"{where}: {label} is not an object.");

    private HandlerInputException Missing(string name) =>
        new($"{where} needs the process variable '{name}', which is not set.");

    private HandlerInputException Wrong(string name, string expected, JsonNode? actual) =>
        new($"{where}: the variable '{name}' should be {expected}, not {actual?.ToJsonString() ?? "null"}.");
}
