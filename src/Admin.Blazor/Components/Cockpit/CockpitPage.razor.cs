using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Equipment;
using Microsoft.AspNetCore.Components;

namespace ApprovalHub.Admin.Blazor.Components.Cockpit;

/// <summary>
/// The control centre (/cockpit): the viewer's region (or the one in <c>?region=</c>), its headline
/// figures, risk distribution, child regions as a treemap and a table, hazard ageing, 12-month
/// trends, warnings with their owners and BPMN paths, case deadlines per unit and devices by
/// category. Every figure opens the list behind it; every table exports to Excel.
/// </summary>
public sealed partial class CockpitPage
{
    private static readonly (CockpitTable Table, string Label)[] Exports =
    [
        (CockpitTable.Regions, "ExportRegions"), (CockpitTable.Devices, "ExportDevices"), (CockpitTable.Sla, "ExportSla"),
        (CockpitTable.Warnings, "ExportWarnings"), (CockpitTable.Trends, "ExportTrends"),
    ];

    private readonly CancellationTokenSource _disposed = new();
    private CockpitLoad? _load;
    private string? _loaded;
    private FigureLink? _list;

    /// <summary>The region to show, from the address; the viewer's own when absent.</summary>
    [Parameter]
    [SupplyParameterFromQuery(Name = "region")]
    public string? Region { get; set; }

    private CockpitView? View => _load?.View;

    protected override async Task OnParametersSetAsync()
    {
        // Drilling down changes only the query string: the same page instance loads the new region.
        if (_load is not null && _loaded == Region)
        {
            return;
        }

        _loaded = Region;
        _list = null;
        _load = null;
        _load = await Source.LoadAsync(Region, _disposed.Token);
    }

    private void OpenList(string link)
    {
        if (CockpitLinks.Parse(link) is not { } parsed)
        {
            return;
        }

        if (parsed.Kind == FigureListKind.Cases)
        {
            Navigation.NavigateTo(CasesHref(link));
            return;
        }

        _list = parsed;
    }

    private void CloseList() => _list = null;

    // A chart item carries the list behind it, a region to drill into, or (trends) its month.
    private void OnChartItem(string id)
    {
        if (id.StartsWith(CockpitCharts.RegionPrefix, StringComparison.Ordinal))
        {
            Navigation.NavigateTo(RegionBreadcrumb.Href(id[CockpitCharts.RegionPrefix.Length..]));
        }
        else if (id.StartsWith("/api/", StringComparison.Ordinal))
        {
            OpenList(id);
        }
        else if (View?.Trends.FirstOrDefault(t => t.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) == id) is { } month)
        {
            OpenList(month.WarningsList);
        }
    }

    /// <summary>The work queue's address for a case list link (<c>/api/tasks?…</c> → <c>tasks?…</c>).</summary>
    private static string CasesHref(string link) => ApiTasks().Replace(link, "tasks?");

    private static string ExportHref(string region, CockpitTable table) =>
        $"api/cockpit/export?region={Uri.EscapeDataString(region)}&table={CockpitLinks.Camel(table)}";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string CategoryName(EquipmentCategory category) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? category.EnglishName() : category.ChineseName();

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    [GeneratedRegex(@"^/api/tasks\?")]
    private static partial Regex ApiTasks();
}
