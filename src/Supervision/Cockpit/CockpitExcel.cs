using System.Globalization;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;
using MiniExcelLibs;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>The cockpit tables that can be exported.</summary>
public enum CockpitTable
{
    /// <summary>The child regions with their figures (the drill-down table).</summary>
    Regions,

    /// <summary>Devices by category and status.</summary>
    Devices,

    /// <summary>SLA per business unit.</summary>
    Sla,

    /// <summary>Open warnings per rule, with owner and BPMN path.</summary>
    Warnings,

    /// <summary>The 12-month trends.</summary>
    Trends,
}

/// <summary>
/// Writes any cockpit table, or the list behind a figure (at most <see cref="MaxListRows"/> rows),
/// as an .xlsx workbook with Chinese headers, through the same scoped queries the screens use.
/// </summary>
public sealed class CockpitExcel(CockpitQueries queries)
{
    /// <summary>The most rows a list export writes.</summary>
    public const int MaxListRows = 10_000;

    /// <summary>A cockpit table of a region; null when the region is unknown.</summary>
    public async Task<byte[]?> TableAsync(AccessScope scope, string? region, CockpitTable table, CancellationToken cancellationToken)
    {
        if (await queries.LoadAsync(scope, region, cancellationToken) is not { } view)
        {
            return null;
        }

        IEnumerable<IDictionary<string, object?>> rows = table switch
        {
            CockpitTable.Regions => view.Children.Prepend(new ChildFigures(view.Region, view.Figures)).Select(c => Figures(c.Region, c.Figures)),
            CockpitTable.Devices => view.Devices.Select(d => Row(("种类", d.Category.ChineseName()), ("状态", d.Status.ChineseName()), ("设备数", d.Devices.Value))),
            CockpitTable.Sla => view.Sla.Select(s => Row(("业务单元", s.Name), ("流程", s.ProcessKey), ("已办结", s.Completed), ("按时办结", s.CompletedOnTime),
                ("按时率", Percent(s.OnTimeRate)), ("在办正常", s.Open), ("黄牌", s.Yellow.Value), ("红牌", s.Red.Value))),
            CockpitTable.Warnings => view.Warnings.Select(w => Row(("预警规则", w.Rule.Name), ("对象", w.Rule.Subject == Warnings.WarningSubject.Device ? "设备" : "使用单位"),
                ("责任主体", w.Rule.Owner), ("处置流程", w.Rule.ProcessKey), ("依据", w.Rule.Source), ("未消除", w.Open.Value))),
            CockpitTable.Trends => view.Trends.Select(t => Row(("月份", t.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("在用设备", t.InUse), ("超期未检", t.Overdue),
                ("红色风险", t.RiskRed), ("检验", t.Inspections), ("发现隐患", t.HazardsFound), ("闭环隐患", t.HazardsClosed), ("告警", t.Alarms),
                ("新增预警", t.WarningsOpened), ("消除预警", t.WarningsClosed))),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a cockpit table."),
        };
        return await WriteAsync(rows.ToList(), SheetName(table), cancellationToken);
    }

    /// <summary>The devices behind a figure.</summary>
    public async Task<byte[]> DevicesAsync(AccessScope scope, DeviceListQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<IDictionary<string, object?>>();
        var page = query with { Limit = DeviceListQuery.MaxLimit, After = null };
        while (rows.Count < MaxListRows)
        {
            var result = await queries.DevicesAsync(scope, page, cancellationToken);
            rows.AddRange(result.Items.Select(d => Row(("设备代码", d.EquipmentCode), ("品种代码", d.CatalogCode), ("种类", d.Category.ChineseName()),
                ("状态", d.Status.ChineseName()), ("区划代码", d.RegionCode), ("使用地点", d.Address), ("使用单位", d.UserOrganisationName),
                ("风险评分", d.Score is { } s ? Math.Round(s, 1) : null), ("风险等级", d.Level?.ChineseName()), ("超期未检", d.Overdue ? "是" : "否"),
                ("检验有效期至", d.InspectionValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("未闭环隐患", d.OpenHazards), ("今日告警", d.AlarmsToday))));
            if (result.NextAfter is null)
            {
                break;
            }

            page = page with { After = result.NextAfter };
        }

        return await WriteAsync(rows.Take(MaxListRows).ToList(), "设备清单", cancellationToken);
    }

    /// <summary>The warnings behind a figure.</summary>
    public async Task<byte[]> WarningsAsync(AccessScope scope, WarningListQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<IDictionary<string, object?>>();
        var page = query with { Limit = WarningListQuery.MaxLimit, After = null };
        while (rows.Count < MaxListRows)
        {
            var result = await queries.WarningsAsync(scope, page, cancellationToken);
            rows.AddRange(result.Items.Select(w => Row(("编号", w.Id), ("预警规则", w.RuleName), ("对象代码", w.SubjectCode), ("区划代码", w.RegionCode), ("情况", w.Detail),
                ("发现时间", ChinaTime(w.OpenedAt)), ("消除时间", w.ClosedAt is { } closed ? ChinaTime(closed) : null), ("消除原因", w.CloseReason),
                ("处置流程", w.CaseProcessKey), ("案件", w.CaseInstanceId?.ToString()))));
            if (result.NextAfter is null)
            {
                break;
            }

            page = page with { After = result.NextAfter };
        }

        return await WriteAsync(rows.Take(MaxListRows).ToList(), "预警清单", cancellationToken);
    }

    /// <summary>The file name of an export (<c>驾驶舱-区域-330106-20261126.xlsx</c>).</summary>
    public static string FileName(string what, string region, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"驾驶舱-{what}-{region}-{day:yyyyMMdd}.xlsx");

    /// <summary>The Chinese name of a table, used in the sheet and file names.</summary>
    public static string SheetName(CockpitTable table) => table switch
    {
        CockpitTable.Regions => "区域指标",
        CockpitTable.Devices => "设备分类统计",
        CockpitTable.Sla => "办件时效",
        CockpitTable.Warnings => "预警统计",
        CockpitTable.Trends => "近12个月趋势",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a cockpit table."),
    };

    private static IDictionary<string, object?> Figures(RegionRef region, CockpitFigures f) => Row(
        ("区划代码", region.Code), ("区域", region.Name), ("设备总数", f.Devices.Value), ("在用", f.InUse.Value), ("超期未检", f.Overdue.Value),
        ("30日内到期", f.DueSoon.Value), ("定检率", Percent(f.InspectionRate)), ("红", f.Risk[3].Devices.Value), ("橙", f.Risk[2].Devices.Value),
        ("黄", f.Risk[1].Devices.Value), ("蓝", f.Risk[0].Devices.Value), ("未闭环隐患", f.HazardsOpen.Value), ("严重隐患", f.HazardsSerious.Value),
        ("隐患闭环率", Percent(f.HazardClosureRate)), ("今日告警", f.AlarmsToday.Value), ("平均响应分钟", f.AlarmResponseMinutesToday is { } m ? Math.Round(m, 1) : null),
        ("未消除预警", f.WarningsOpen.Value));

    private static IDictionary<string, object?> Row(params (string Header, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (header, value) in cells)
        {
            row[header] = value;
        }

        return row;
    }

    private static string? Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : null;

    private static string ChinaTime(DateTimeOffset value) =>
        value.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static async Task<byte[]> WriteAsync(List<IDictionary<string, object?>> rows, string sheet, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            // MiniExcel takes its headers from the first row; an empty list still gets a sheet.
            rows.Add(Row(("说明", "无数据")));
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: sheet, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
