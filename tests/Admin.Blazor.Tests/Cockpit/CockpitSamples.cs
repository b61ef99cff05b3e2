using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Admin.Blazor.Tests.Cockpit;

/// <summary>Cockpit views with recognisable numbers, built the way the queries build them (links included).</summary>
internal static class CockpitSamples
{
    public static readonly RegionRef Hangzhou = new("330100", "杭州市", RegionLevel.City);
    public static readonly RegionRef Xihu = new("330106", "西湖区", RegionLevel.County);
    public static readonly RegionRef Shangcheng = new("330102", "上城区", RegionLevel.County);

    public static CockpitView City() => new()
    {
        Region = Hangzhou,
        Home = Hangzhou,
        Breadcrumb = [Hangzhou],
        Figures = Figures("330100", inUse: 1234, overdue: 37, red: 12, orange: 40),
        Children = [new ChildFigures(Xihu, Figures("330106", 700, 20, 10, 5)), new ChildFigures(Shangcheng, Figures("330102", 534, 17, 2, 35))],
        Devices = [new CategoryStatusCount(EquipmentCategory.Lift, EquipmentStatus.InUse, new LinkedFigure(900, CockpitLinks.Registry("330100", EquipmentCategory.Lift, EquipmentStatus.InUse)))],
        Sla = [new UnitSla("unit_31_hazard_rectification", "31", "31 隐患整改闭环（含监察指令书）", 10, 8, 0.8, 4,
            new LinkedFigure(2, CockpitLinks.Cases("330100", "31", "warning")), new LinkedFigure(1, CockpitLinks.Cases("330100", "31", "overdue")), CockpitLinks.Cases("330100", "31"))],
        Warnings = WarningRules.All.Select((rule, i) => new WarningCount(rule, new LinkedFigure(i + 1, CockpitLinks.Warnings("330100", rule.Rule)))).ToList(),
        Trends = Enumerable.Range(0, 12).Select(i => new TrendPoint
        {
            Month = new DateOnly(2025, 12, 1).AddMonths(i),
            InUse = i < 10 ? null : 1200 + i,
            Overdue = i < 10 ? null : 30 + i,
            Inspections = 100 + i,
            HazardsFound = i,
            WarningsOpened = 2 * i,
            WarningsList = CockpitLinks.Warnings("330100", state: WarningState.All, openedInMonth: new DateOnly(2025, 12, 1).AddMonths(i)),
        }).ToList(),
        ComputedAt = new DateTimeOffset(2026, 11, 26, 18, 30, 0, TimeSpan.Zero),
    };

    public static CockpitFigures Figures(string code, long inUse, long overdue, long red, long orange)
    {
        LinkedFigure Devices(long value, DeviceListFilter filter) => new(value, CockpitLinks.Devices(code, filter));
        return new CockpitFigures
        {
            Devices = Devices(inUse + 100, DeviceListFilter.Tracked),
            InUse = Devices(inUse, DeviceListFilter.InUse),
            Overdue = Devices(overdue, DeviceListFilter.Overdue),
            DueSoon = Devices(55, DeviceListFilter.DueSoon),
            InspectionRate = (double)(inUse - overdue) / inUse,
            Risk =
            [
                new(RiskLevel.Blue, Devices(inUse - red - orange - 100, DeviceListFilter.RiskBlue)),
                new(RiskLevel.Yellow, Devices(100, DeviceListFilter.RiskYellow)),
                new(RiskLevel.Orange, Devices(orange, DeviceListFilter.RiskOrange)),
                new(RiskLevel.Red, Devices(red, DeviceListFilter.RiskRed)),
            ],
            HazardsOpen = Devices(9, DeviceListFilter.HazardsOpen),
            HazardsSerious = Devices(3, DeviceListFilter.HazardsSerious),
            HazardAgeing = [Devices(4, DeviceListFilter.HazardsUpTo30Days), Devices(3, DeviceListFilter.Hazards31To90Days), Devices(2, DeviceListFilter.HazardsOver90Days)],
            HazardsFound12Months = 20,
            HazardsClosed12Months = 15,
            HazardClosureRate = 0.75,
            AlarmsToday = Devices(6, DeviceListFilter.AlarmsToday),
            AlarmsTodayAnswered = 4,
            AlarmResponseMinutesToday = 22.5,
            WarningsOpen = new LinkedFigure(21, CockpitLinks.Warnings(code)),
        };
    }

    public static DeviceListItem Device(long id, string code) => new(id, code, "3110", EquipmentCategory.Lift, EquipmentStatus.InUse, "330106001000", "西湖区文三路1号",
        2001, "杭州演示物业有限公司", 65, RiskLevel.Red, true, new DateOnly(2026, 10, 1), 2, 1);
}
