using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>
/// Fills a form-js schema with a valid submission, as an applicant would: the end-to-end unit tests
/// apply for every unit with it. Values the test knows (an existing device's code, the applicant's
/// credit code) come from <c>known</c>; the rest follow each field's rules.
/// </summary>
internal static class FormSamples
{
    // The patterns the unit forms use (definitions/forms), each with a value it accepts.
    private static readonly Dictionary<string, string> PatternSamples = new(StringComparer.Ordinal)
    {
        ["^([0-9A-Z]{18}|[0-9]{20})$"] = "31103301062026000001",
        ["^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"] = "91330106MA2H000001",
        ["^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$"] = "13800138000",
        ["^[0-9A-Z]{4}$"] = "3110",
        ["^TS[0-9]{7}-20[0-9]{2}$"] = "TS3133001-2030",
        ["^[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"] = "330106199001011234",
    };

    /// <summary>A submission that <see cref="FormValidator"/> accepts; keys in <paramref name="known"/> win when the form has them.</summary>
    public static JsonObject Fill(FormSchema schema, IReadOnlyDictionary<string, JsonNode?>? known = null, DateOnly? today = null)
    {
        var data = new JsonObject();
        FillLevel(schema.Components, data, known ?? new Dictionary<string, JsonNode?>(), today ?? new DateOnly(2026, 12, 1));
        return data;
    }

    private static void FillLevel(ImmutableArray<FormComponent> components, JsonObject data, IReadOnlyDictionary<string, JsonNode?> known, DateOnly today)
    {
        foreach (var c in components)
        {
            if (c.Type == "group" && c.Key is null)
            {
                FillLevel(c.Components, data, known, today);
                continue;
            }

            if (c.Key is null)
            {
                continue;
            }

            if (known.TryGetValue(c.Key, out var value) && c.Type is not ("group" or "dynamiclist"))
            {
                data[c.Key] = value?.DeepClone();
                continue;
            }

            switch (c.Type)
            {
                case "group":
                    var group = new JsonObject();
                    FillLevel(c.Components, group, known, today);
                    data[c.Key] = group;
                    break;
                case "dynamiclist":
                    var items = new JsonArray();
                    for (var i = 0; i < Math.Max(1, c.Rules.MinLength ?? 1); i++)
                    {
                        var item = new JsonObject();
                        FillLevel(c.Components, item, known, today);
                        items.Add(item);
                    }

                    data[c.Key] = items;
                    break;
                default:
                    data[c.Key] = Field(c, today);
                    break;
            }
        }
    }

    private static JsonNode? Field(FormComponent c, DateOnly today) => c.Type switch
    {
        "textfield" or "textarea" => Text(c),
        "number" => Number(c.Rules),
        "select" or "radio" => c.Options.IsDefaultOrEmpty ? null : JsonValue.Create(c.Options[0]),
        "checkbox" => true,
        "checklist" => c.Options.IsDefaultOrEmpty ? new JsonArray() : new JsonArray(JsonValue.Create(c.Options[0])),
        "datetime" => c.Subtype switch
        {
            "date" => today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "time" => "09:30",
            _ => today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:30+08:00",
        },
        "filepicker" => c.Multiple ? new JsonArray(JsonValue.Create("att-0001.pdf")) : "att-0001.pdf",
        _ => throw new InvalidOperationException($"No sample for component type '{c.Type}' ({c.Key})."),
    };

    private static JsonNode Text(FormComponent c)
    {
        if (c.Rules.Pattern is { } pattern)
        {
            return PatternSamples.TryGetValue(pattern.ToString(), out var sample)
                ? sample
                : throw new InvalidOperationException($"No sample for the pattern {pattern} of '{c.Key}': add one to {nameof(FormSamples)}.");
        }

        var text = $"测试{c.DisplayName}";
        var min = c.Rules.MinLength ?? 0;
        while (text.Length < min)
        {
            text += "内容";
        }

        var max = c.Rules.MaxLength ?? int.MaxValue;
        return text.Length > max ? text[..max] : text;
    }

    private static JsonNode Number(FormRules rules)
    {
        var value = rules.Min ?? 1m;
        if (rules.Max is { } max && value > max)
        {
            value = max;
        }

        return JsonValue.Create(value);
    }
}
