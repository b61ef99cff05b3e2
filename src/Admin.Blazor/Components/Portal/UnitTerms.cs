using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Supervision.Cases.Catalog;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Portal;

/// <summary>
/// A unit of the catalog in words an applicant reads: who applies and who decides, the time limit,
/// what the form asks for. Kept apart from the pages so that the wording is tested once.
/// </summary>
public sealed partial class UnitTerms(IStringLocalizer<PortalText> text)
{
    [GeneratedRegex(@"^P(?:(?<n>\d+)(?<unit>WD|D|W|M|Y)|T(?<n>\d+)(?<unit>H|M))$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    /// <summary>The unit's name in the UI language.</summary>
    public static string Name(CatalogUnit unit) => IsChinese ? unit.NameZh : unit.NameEn;

    /// <summary>The step's name in the UI language.</summary>
    public static string Name(CatalogStep step) => IsChinese ? step.NameZh : step.NameEn;

    /// <summary>"省级监管部门", "检验检测机构", "使用单位".</summary>
    public string Party(CatalogParty party) => party.Level is { } level
        ? text["PartyLevel", text[$"Level_{level}"], text[$"Role_{party.Role}"]]
        : text[$"Role_{party.Role}"];

    /// <summary>The limit in words: "15 个工作日", "2 小时"; a configurable limit says so.</summary>
    public string Limit(CatalogLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var match = Duration().Match(limit.DueIn);
        var words = match.Success
            ? text[$"Duration_{match.Groups["unit"].Value}{(limit.DueIn.StartsWith("PT", StringComparison.Ordinal) ? "T" : "")}", int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)].Value
            : limit.DueIn;
        return limit.Configurable ? text["LimitConfigurable", words] : words;
    }

    /// <summary>What the unit's form asks for: how many fields, which are required, which files.</summary>
    public static FormSummary Summarise(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.Nodes.SelectMany(Flatten).Where(n => n.IsField).ToList();
        return new FormSummary(
            fields.Count,
            fields.Count(f => f.Required),
            [.. fields.Where(f => f.Type == "filepicker").Select(f => new FormDocument(f.DisplayName, f.Required))]);
    }

    /// <summary>True when the signed-in user's roles make them the unit's applicant (the server checks again).</summary>
    public static bool MayApply(CatalogUnit unit, Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(isInRole);
        return unit.Applicant.Role switch
        {
            CatalogParty.PublicRole => false,
            // 维保单位 are enterprises or producers registered as maintenance units; the server knows which.
            CatalogParty.MaintenanceRole => isInRole("enterprise") || isInRole("producer"),
            "regulator" => false,
            var role => isInRole(role),
        };
    }

    private static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<FormNode> Flatten(FormNode node) => [node, .. node.Children.SelectMany(Flatten)];
}

/// <summary>What a unit's form asks for.</summary>
/// <param name="Fields">Fields to fill in.</param>
/// <param name="Required">Of them, required.</param>
/// <param name="Documents">Files to upload.</param>
public sealed record FormSummary(int Fields, int Required, IReadOnlyList<FormDocument> Documents);

/// <summary>A document (file field) a form asks for.</summary>
public sealed record FormDocument(string Name, bool Required);
