using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Risk;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Cockpit;

/// <summary>
/// The ECharts options of the cockpit, built from a <see cref="CockpitView"/>. Every clickable item
/// carries an <c>id</c>: the API link of the list behind it, or <c>region:CODE</c> to drill down.
/// </summary>
public static class CockpitCharts
{
    /// <summary>The id prefix of a treemap cell: clicking it shows that region.</summary>
    public const string RegionPrefix = "region:";

    /// <summary>Risk distribution as a ring, red first.</summary>
    public static JsonObject Risk(CockpitFigures figures, IStringLocalizer<CockpitText> text)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(text);
        var data = new JsonArray();
        foreach (var share in figures.Risk.OrderByDescending(r => r.Level))
        {
            data.Add(new JsonObject
            {
                ["id"] = share.Devices.List,
                ["name"] = LevelName(share.Level, text),
                ["value"] = share.Devices.Value,
                ["itemStyle"] = new JsonObject { ["color"] = share.Level.Colour() },
            });
        }

        return new JsonObject
        {
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["formatter"] = "{b}：{c}（{d}%）" },
            ["legend"] = new JsonObject { ["bottom"] = 0 },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "pie",
                ["radius"] = new JsonArray("42%", "70%"),
                ["label"] = new JsonObject { ["formatter"] = "{b} {c}" },
                ["data"] = data,
            }),
        };
    }

    /// <summary>The child regions as a treemap: area = devices in use, colour = share of red and orange devices.</summary>
    public static JsonObject Regions(IReadOnlyList<ChildFigures> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var data = new JsonArray();
        foreach (var child in children.Where(c => c.Figures.InUse.Value > 0))
        {
            data.Add(new JsonObject
            {
                ["id"] = RegionPrefix + child.Region.Code,
                ["name"] = child.Region.Name,
                ["value"] = child.Figures.InUse.Value,
                ["itemStyle"] = new JsonObject { ["color"] = HeatColour(child.Figures) },
            });
        }

        return new JsonObject
        {
            ["tooltip"] = new JsonObject { ["formatter"] = "{b}：{c}" },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "treemap",
                ["roam"] = false,
                ["nodeClick"] = false,
                ["breadcrumb"] = new JsonObject { ["show"] = false },
                ["label"] = new JsonObject { ["show"] = true, ["formatter"] = "{b}\n{c}" },
                ["data"] = data,
            }),
        };
    }

    /// <summary>Open hazards by age, each bar linked to its devices.</summary>
    public static JsonObject Ageing(CockpitFigures figures, IStringLocalizer<CockpitText> text)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(text);
        string[] names = [text["AgeingUpTo30"], text["Ageing31To90"], text["AgeingOver90"]];
        string[] colours = ["#fadb14", "#fa8c16", "#cf1322"];
        var data = new JsonArray();
        for (var i = 0; i < figures.HazardAgeing.Count; i++)
        {
            data.Add(new JsonObject
            {
                ["id"] = figures.HazardAgeing[i].List,
                ["value"] = figures.HazardAgeing[i].Value,
                ["itemStyle"] = new JsonObject { ["color"] = colours[i] },
            });
        }

        return new JsonObject
        {
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["grid"] = new JsonObject { ["left"] = 40, ["right"] = 16, ["top"] = 16, ["bottom"] = 28 },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(names.Select(n => (JsonNode?)n).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["minInterval"] = 1 },
            ["series"] = new JsonArray(new JsonObject { ["type"] = "bar", ["data"] = data }),
        };
    }

    /// <summary>The 12-month trends: events as bars, states as lines (gaps before the cockpit ran).</summary>
    public static JsonObject Trends(IReadOnlyList<TrendPoint> trends, IStringLocalizer<CockpitText> text)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(text);
        JsonArray Values(Func<TrendPoint, long?> value) => new(trends.Select(t => value(t) is { } v ? JsonValue.Create(v) : null).ToArray<JsonNode?>());
        JsonObject Series(string name, string type, Func<TrendPoint, long?> value, int axis = 0) => new()
        {
            ["name"] = text[name].Value,
            ["type"] = type,
            ["yAxisIndex"] = axis,
            ["connectNulls"] = false,
            ["data"] = Values(value),
        };

        return new JsonObject
        {
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["bottom"] = 0, ["type"] = "scroll" },
            ["grid"] = new JsonObject { ["left"] = 48, ["right"] = 48, ["top"] = 24, ["bottom"] = 56 },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "category",
                ["data"] = new JsonArray(trends.Select(t => (JsonNode?)t.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray()),
            },
            ["yAxis"] = new JsonArray(new JsonObject { ["type"] = "value", ["minInterval"] = 1 }, new JsonObject { ["type"] = "value", ["minInterval"] = 1 }),
            ["series"] = new JsonArray(
                Series("TrendInspections", "bar", t => t.Inspections),
                Series("TrendHazardsFound", "bar", t => t.HazardsFound),
                Series("TrendHazardsClosed", "bar", t => t.HazardsClosed),
                Series("TrendAlarms", "bar", t => t.Alarms),
                Series("TrendWarningsOpened", "line", t => t.WarningsOpened),
                Series("TrendWarningsClosed", "line", t => t.WarningsClosed),
                Series("TrendOverdue", "line", t => t.Overdue, axis: 1),
                Series("TrendRiskRed", "line", t => t.RiskRed, axis: 1)),
        };
    }

    /// <summary>The localized name of a level.</summary>
    public static string LevelName(RiskLevel level, IStringLocalizer<CockpitText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Risk" + level];
    }

    /// <summary>
    /// The colour of a region in the treemap: the level whose colour it takes when red and orange
    /// devices make up at least 10 % (red), 5 % (orange), 2 % (yellow) of those in use.
    /// </summary>
    public static string HeatColour(CockpitFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var inUse = figures.InUse.Value;
        var hot = figures.Risk.Where(r => r.Level >= RiskLevel.Orange).Sum(r => r.Devices.Value);
        var share = inUse == 0 ? 0 : (double)hot / inUse;
        var level = share >= 0.10 ? RiskLevel.Red : share >= 0.05 ? RiskLevel.Orange : share >= 0.02 ? RiskLevel.Yellow : RiskLevel.Blue;
        return level.Colour();
    }
}
