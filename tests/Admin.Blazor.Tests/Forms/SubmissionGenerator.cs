using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>
/// Random submissions for a form: each field absent, well-formed or wrong in one of the ways the
/// server checks for (missing, too short or long, off-pattern, out of range, not an option, the
/// wrong JSON type, a bad date, a bad file id, too many items), plus stray keys.
/// </summary>
internal static class SubmissionGenerator
{
    /// <summary>A random submission; with <paramref name="good"/>, every field has a value that passes its rules.</summary>
    public static JsonObject Level(ImmutableArray<FormNode> nodes, Random random, bool good = false)
    {
        var data = new JsonObject();
        if (good)
        {
            FillGood(nodes, data, random);
            return data;
        }

        Fill(nodes, data, random);
        if (random.Next(10) == 0)
        {
            data["notOnTheForm"] = "x";
        }

        return data;
    }

    private static void Fill(ImmutableArray<FormNode> nodes, JsonObject data, Random random)
    {
        foreach (var node in nodes)
        {
            if (node.IsFlatGroup)
            {
                Fill(node.Children, data, random);
                continue;
            }

            if (node.Key is null || random.Next(5) == 0)
            {
                continue;
            }

            data[node.Key] = node.Type switch
            {
                "group" => Pick(random, () => Level(node.Children, random), () => JsonValue.Create("not an object"), () => null),
                "dynamiclist" => Pick(random,
                    () => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => (JsonNode?)Level(node.Children, random))]),
                    () => new JsonArray(JsonValue.Create(1)),
                    () => JsonValue.Create("not a list")),
                _ => Field(node, random),
            };
        }
    }

    private static void FillGood(ImmutableArray<FormNode> nodes, JsonObject data, Random random)
    {
        foreach (var node in nodes)
        {
            if (node.IsFlatGroup)
            {
                FillGood(node.Children, data, random);
            }
            else if (node.Key is not null)
            {
                data[node.Key] = node.Type switch
                {
                    "group" => Level(node.Children, random, good: true),
                    "dynamiclist" => new JsonArray([.. Enumerable.Range(0, 1 + random.Next(Math.Min(3, node.MaxLength ?? 3))).Select(_ => (JsonNode?)Level(node.Children, random, good: true))]),
                    _ => GoodField(node, random),
                };
            }
        }
    }

    private static JsonNode GoodField(FormNode node, Random random) => node.Type switch
    {
        "textfield" or "textarea" => JsonValue.Create(GoodText(node, random)),
        "number" => JsonValue.Create(node.Min ?? node.Max ?? 1m),
        "select" or "radio" => JsonValue.Create(node.Options[random.Next(node.Options.Length)].Value),
        "checkbox" => JsonValue.Create(true),
        "checklist" => new JsonArray(JsonValue.Create(node.Options[random.Next(node.Options.Length)].Value)),
        "datetime" => JsonValue.Create(node.Subtype switch { "time" => "09:30", "datetime" => "2026-03-02T09:30+08:00", _ => "2026-03-02" }),
        "filepicker" => node.Multiple ? new JsonArray(JsonValue.Create("file-1.pdf")) : JsonValue.Create("a1b2c3"),
        _ => throw new InvalidOperationException($"No generator for '{node.Type}'."),
    };

    private static JsonNode? Field(FormNode node, Random random) => node.Type switch
    {
        "textfield" or "textarea" => Pick(random,
            () => JsonValue.Create(GoodText(node, random)),
            () => JsonValue.Create(""),
            () => JsonValue.Create(new string('字', (node.MaxLength ?? 1000) + 1)),
            () => JsonValue.Create(node.MinLength is > 1 ? "字" : "?? no match ??"),
            () => JsonValue.Create(12)),
        "number" => Pick(random,
            () => JsonValue.Create(node.Min ?? 1m),
            () => JsonValue.Create((node.Min ?? 0m) - 1m),
            () => JsonValue.Create((node.Max ?? 1_000_000m) + 0.5m),
            () => JsonValue.Create("12")),
        "select" or "radio" => Pick(random,
            () => JsonValue.Create(node.Options[random.Next(node.Options.Length)].Value),
            () => JsonValue.Create("not-an-option"),
            () => JsonValue.Create(3000),
            () => new JsonArray(JsonValue.Create("a"))),
        "checkbox" => Pick(random, () => JsonValue.Create(true), () => JsonValue.Create(false), () => JsonValue.Create("yes")),
        "checklist" => Pick(random,
            () => new JsonArray(JsonValue.Create(node.Options[0].Value)),
            () => new JsonArray(),
            () => new JsonArray(JsonValue.Create("not-an-option"), JsonValue.Create(true)),
            () => new JsonArray(new JsonObject()),
            () => JsonValue.Create(node.Options[0].Value)),
        "datetime" => Pick(random,
            () => JsonValue.Create(node.Subtype switch { "time" => "09:30", "datetime" => "2026-03-02T09:30+08:00", _ => "2026-03-02" }),
            () => JsonValue.Create("2026-02-30"),
            () => JsonValue.Create("25:61"),
            () => JsonValue.Create("2026-03-02T09:30:00.1234567Z"),
            () => JsonValue.Create(20260302)),
        "filepicker" => node.Multiple
            ? Pick(random,
                () => new JsonArray(JsonValue.Create("file-1.pdf"), JsonValue.Create("file_2")),
                () => new JsonArray(JsonValue.Create("../etc/passwd")),
                () => new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode?)JsonValue.Create($"f{i}"))]),
                () => new JsonArray(),
                () => JsonValue.Create("file-1"))
            : Pick(random, () => JsonValue.Create("a1b2c3"), () => JsonValue.Create("-bad"), () => new JsonArray(JsonValue.Create("a"))),
        _ => throw new InvalidOperationException($"No generator for '{node.Type}'."),
    };

    // A text that passes the field's rules when the rules are simple enough to guess; otherwise it
    // fails them, which the comparison needs just as much.
    private static string GoodText(FormNode node, Random random)
    {
        var samples = new[] { "TS3310001-2026", "33010619900101123X", "31101089020260000123", "13800138000", "91330106MA2B3C4D5E", "3110", "张伟的说明文字足够长了", "A1" };
        return node.Pattern is { } pattern
            ? samples.FirstOrDefault(pattern.IsMatch) ?? samples[random.Next(samples.Length)]
            : new string('字', Math.Max(node.MinLength ?? 1, Math.Min(node.MaxLength ?? 5, 5)));
    }

    private static JsonNode? Pick(Random random, params Func<JsonNode?>[] choices) => choices[random.Next(choices.Length)]();
}
