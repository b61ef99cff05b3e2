using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalHub.Supervision.People;

/// <summary>
/// The certificate items of TSG Z6001-2019 (domain.md section 6, [S] P-OPS19), and the mapping
/// from the 2011 codes shipped in <c>definitions/operators/legacy-2011.json</c>.
/// </summary>
public static class OperatorItems
{
    /// <summary>Code → name of every 2019 item.</summary>
    public static IReadOnlyDictionary<string, string> Current { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["A"] = "特种设备安全管理",
        ["G1"] = "工业锅炉司炉",
        ["G2"] = "电站锅炉司炉",
        ["G3"] = "锅炉水处理",
        ["R1"] = "快开门式压力容器操作",
        ["R2"] = "移动式压力容器充装",
        ["R3"] = "氧舱维护保养",
        ["P"] = "气瓶充装",
        ["T"] = "电梯修理",
        ["Q1"] = "起重机指挥",
        ["Q2"] = "起重机司机",
        ["S1"] = "客运索道修理",
        ["S2"] = "客运索道司机",
        ["Y1"] = "大型游乐设施修理",
        ["Y2"] = "大型游乐设施操作",
        ["N1"] = "叉车司机",
        ["N2"] = "观光车和观光列车司机",
        ["F"] = "安全阀校验",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, LegacyItem>> LegacyTable = new(LoadLegacy);

    /// <summary>The 2011 items known to the mapping file.</summary>
    public static IReadOnlyDictionary<string, LegacyItem> Legacy => LegacyTable.Value;

    /// <summary>True for a 2019 item code.</summary>
    public static bool IsCurrent(string? code) => code is not null && Current.ContainsKey(code);

    /// <summary>
    /// The 2019 item a 2011 code maps to; null when the code is unknown or has no unambiguous
    /// successor (the certificate then keeps only its legacy code).
    /// </summary>
    public static string? MapLegacy(string legacyCode) => Legacy.TryGetValue(legacyCode, out var item) ? item.To : null;

    private static IReadOnlyDictionary<string, LegacyItem> LoadLegacy()
    {
        const string resource = "ApprovalHub.Supervision.People.legacy-2011.json";
        using var stream = typeof(OperatorItems).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Internal bug: the embedded resource {resource} is missing, please report.");
        var file = JsonSerializer.Deserialize(stream, LegacyItemsJsonContext.Default.LegacyItemsFile)
            ?? throw new InvalidOperationException($"Internal bug: {resource} is empty, please report.");
        foreach (var item in file.Items.Where(i => i.To is not null && !Current.ContainsKey(i.To)))
        {
            throw new InvalidOperationException($"{resource}: {item.Code} maps to '{item.To}', which is not a TSG Z6001-2019 item.");
        }

        return file.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }
}

/// <summary>A 2011 certificate item and the 2019 item it maps to, if any.</summary>
/// <param name="Code">The 2011 code.</param>
/// <param name="Name">Its name.</param>
/// <param name="To">The 2019 code, or null.</param>
public sealed record LegacyItem(string Code, string Name, string? To);

internal sealed record LegacyItemsFile(IReadOnlyList<LegacyItem> Items);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LegacyItemsFile))]
internal sealed partial class LegacyItemsJsonContext : JsonSerializerContext;
