using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// A valid submission for any shipped form, built from its schema (every field filled, first
/// options, plausible values for the patterned fields), so tests state only what they care about.
/// </summary>
internal static class FormSamples
{
    private static readonly Dictionary<string, string> Patterned = new(StringComparer.Ordinal)
    {
        ["creditCode"] = "91330106MA2H4C3X8Y",
        ["maintenanceCredit"] = "91330106MA2H4C3X9Y",
        ["contactPhone"] = "13800138000",
        ["variety"] = "3110",
        ["licenceNo"] = "TS3310001-2026",
        ["idNumber"] = "330106199001011234",
    };

    /// <summary>A valid submission of <paramref name="schema"/>; <paramref name="overrides"/> replace or add top-level fields (null removes one).</summary>
    public static JsonObject For(FormSchema schema, string? equipmentCode, IReadOnlyDictionary<string, JsonNode?>? overrides = null)
    {
        var data = Level(schema.Components, equipmentCode);
        foreach (var (key, value) in overrides ?? new Dictionary<string, JsonNode?>())
        {
            if (value is null)
            {
                data.Remove(key);
            }
            else
            {
                data[key] = value.DeepClone();
            }
        }

        var check = FormValidator.Validate(schema, data);
        Assert.True(check.IsValid || overrides is not null, $"the sample of {schema.Id} is invalid: {string.Join("; ", check.Errors)}");
        return data;
    }

    private static JsonObject Level(IEnumerable<FormComponent> components, string? equipmentCode)
    {
        var data = new JsonObject();
        foreach (var c in components)
        {
            if (c.Type == "group" && c.Key is null)
            {
                foreach (var (key, value) in Level(c.Components, equipmentCode))
                {
                    data[key] = value?.DeepClone();
                }

                continue;
            }

            if (c.Key is null)
            {
                continue;
            }

            data[c.Key] = c.Type switch
            {
                "group" => Level(c.Components, equipmentCode),
                "dynamiclist" => new JsonArray(Level(c.Components, equipmentCode)),
                _ => Value(c, equipmentCode),
            };
        }

        return data;
    }

    private static JsonNode? Value(FormComponent c, string? equipmentCode) => c.Type switch
    {
        "number" => (JsonNode)(c.Rules.Min is { } min ? Math.Max(min, 1) : 1),
        "select" or "radio" => c.Options[0],
        "checkbox" => true,
        "checklist" => new JsonArray(c.Options[0]),
        "datetime" => c.Subtype switch { "time" => "09:30", "datetime" => "2026-11-20T09:30", _ => "2026-11-20" },
        "filepicker" => c.Multiple ? new JsonArray("file-1") : "file-1",
        _ when c.Key == "equipmentCode" => equipmentCode ?? "3110TC001202600009",
        _ when Patterned.TryGetValue(c.Key!, out var sample) => sample,
        _ => Text(c),
    };

    private static string Text(FormComponent c)
    {
        var text = $"测试{c.DisplayName}内容";
        if (c.Rules.MinLength is { } minLength && text.Length < minLength)
        {
            text = text.PadRight(minLength, '。');
        }

        return c.Rules.MaxLength is { } maxLength && text.Length > maxLength ? text[..maxLength] : text;
    }
}
