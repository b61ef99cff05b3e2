using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>Which devices a cockpit figure counts.</summary>
public enum DeviceListFilter
{
    /// <summary>Every tracked device (在建, 在用, 停用).</summary>
    Tracked,

    /// <summary>In use.</summary>
    InUse,

    /// <summary>超期未检.</summary>
    Overdue,

    /// <summary>Validity ending within the due window.</summary>
    DueSoon,

    /// <summary>Risk level 蓝.</summary>
    RiskBlue,

    /// <summary>Risk level 黄.</summary>
    RiskYellow,

    /// <summary>Risk level 橙.</summary>
    RiskOrange,

    /// <summary>Risk level 红.</summary>
    RiskRed,

    /// <summary>With open hazards.</summary>
    HazardsOpen,

    /// <summary>With open 严重 hazards.</summary>
    HazardsSerious,

    /// <summary>With hazards open up to 30 days.</summary>
    HazardsUpTo30Days,

    /// <summary>With hazards open 31–90 days.</summary>
    Hazards31To90Days,

    /// <summary>With hazards open over 90 days.</summary>
    HazardsOver90Days,

    /// <summary>With alarms today.</summary>
    AlarmsToday,
}

/// <summary>Which warnings a list shows.</summary>
public enum WarningState
{
    /// <summary>Open only.</summary>
    Open,

    /// <summary>Closed only.</summary>
    Closed,

    /// <summary>Both.</summary>
    All,
}

/// <summary>The devices behind a figure, keyset-paged by device id.</summary>
/// <param name="Region">Region code (any level).</param>
/// <param name="Filter">Which devices.</param>
public sealed record DeviceListQuery(string Region, DeviceListFilter Filter)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Only this category.</summary>
    public EquipmentCategory? Category { get; init; }

    /// <summary>The last device id of the previous page.</summary>
    public long? After { get; init; }

    /// <summary>Page size, 1–<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One device of a list.</summary>
public sealed record DeviceListItem(
    long DeviceId, string EquipmentCode, string CatalogCode, EquipmentCategory Category, EquipmentStatus Status, string RegionCode, string Address,
    long UserOrganisationId, string? UserOrganisationName, double? Score, RiskLevel? Level, bool Overdue, DateOnly? InspectionValidUntil,
    int OpenHazards, int AlarmsToday);

/// <summary>A page of devices; pass <see cref="NextAfter"/> as <see cref="DeviceListQuery.After"/> for the next.</summary>
public sealed record DeviceListPage(IReadOnlyList<DeviceListItem> Items, long? NextAfter);

/// <summary>The warnings behind a figure, keyset-paged by id.</summary>
/// <param name="Region">Region code (any level).</param>
public sealed record WarningListQuery(string Region)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Only this rule.</summary>
    public WarningRule? Rule { get; init; }

    /// <summary>Open, closed or all.</summary>
    public WarningState State { get; init; } = WarningState.Open;

    /// <summary>Opened in this month (its first day), for the trend points.</summary>
    public DateOnly? OpenedInMonth { get; init; }

    /// <summary>The last id of the previous page.</summary>
    public long? After { get; init; }

    /// <summary>Page size, 1–<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One warning of a list, with its case.</summary>
public sealed record WarningListItem(
    long Id, WarningRule Rule, string RuleCode, string RuleName, WarningSubject Subject, long SubjectId, string SubjectCode, string RegionCode,
    long OrganisationId, string Detail, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt, string? CloseReason,
    string? CaseProcessKey, Guid? CaseInstanceId, string? CaseError);

/// <summary>A page of warnings.</summary>
public sealed record WarningListPage(IReadOnlyList<WarningListItem> Items, long? NextAfter);

/// <summary>One event of a warning's record.</summary>
public sealed record WarningEventView(DateTimeOffset At, WarningEventKind Kind, string? Detail);

/// <summary>A warning with its record.</summary>
public sealed record WarningDetails(WarningListItem Warning, IReadOnlyList<WarningEventView> Events);

/// <summary>A device's risk explained: the stored score and each factor's points and evidence.</summary>
public sealed record RiskExplanation(long DeviceId, string EquipmentCode, string RegionCode, double? Score, RiskLevel? Level, IReadOnlyList<RiskContribution> Factors, DateOnly ChangedOn);

/// <summary>Which list a figure's link names.</summary>
public enum FigureListKind
{
    /// <summary>Devices of the cockpit (<c>/api/cockpit/devices</c>).</summary>
    Devices,

    /// <summary>Warnings (<c>/api/cockpit/warnings</c>).</summary>
    Warnings,

    /// <summary>The registry's device search (<c>/api/registry/devices</c>).</summary>
    Registry,

    /// <summary>The case list of the work queues (<c>/api/tasks</c>).</summary>
    Cases,
}

/// <summary>A figure's link read back (<see cref="CockpitLinks.Parse"/>).</summary>
/// <param name="Kind">Which list.</param>
/// <param name="Region">Its region.</param>
/// <param name="Link">The link as written.</param>
public sealed record FigureLink(FigureListKind Kind, string Region, string Link)
{
    /// <summary>Device filter (cockpit devices).</summary>
    public DeviceListFilter? Filter { get; init; }

    /// <summary>Category (cockpit devices, registry).</summary>
    public EquipmentCategory? Category { get; init; }

    /// <summary>Status (registry).</summary>
    public EquipmentStatus? Status { get; init; }

    /// <summary>Rule (warnings).</summary>
    public WarningRule? Rule { get; init; }

    /// <summary>Open, closed or all (warnings).</summary>
    public WarningState State { get; init; } = WarningState.Open;

    /// <summary>Month opened in (warnings).</summary>
    public DateOnly? Month { get; init; }

    /// <summary>Unit number (cases).</summary>
    public string? Unit { get; init; }

    /// <summary>SLA state (cases).</summary>
    public string? Sla { get; init; }

    /// <summary>The device query of a cockpit devices link.</summary>
    public DeviceListQuery ToDeviceQuery(long? after, int limit) =>
        new(Region, Filter ?? DeviceListFilter.Tracked) { Category = Category, After = after, Limit = limit };

    /// <summary>The warning query of a warnings link.</summary>
    public WarningListQuery ToWarningQuery(long? after, int limit) =>
        new(Region) { Rule = Rule, State = State, OpenedInMonth = Month, After = after, Limit = limit };

    /// <summary>The export URL of the list (cockpit devices and warnings), or null for lists without one.</summary>
    public string? ExportUrl => Kind switch
    {
        FigureListKind.Devices => Link.Replace("/api/cockpit/devices?", "/api/cockpit/devices/export?", StringComparison.Ordinal),
        FigureListKind.Warnings => Link.Replace("/api/cockpit/warnings?", "/api/cockpit/warnings/export?", StringComparison.Ordinal),
        FigureListKind.Registry => Link.Replace("/api/registry/devices?", "/api/registry/devices/export?", StringComparison.Ordinal),
        _ => null,
    };
}

/// <summary>The API queries behind figures: what every "list behind it" link says.</summary>
public static class CockpitLinks
{
    /// <summary>A list of devices of the cockpit.</summary>
    public static string Devices(string region, DeviceListFilter filter, EquipmentCategory? category = null) =>
        $"/api/cockpit/devices?region={region}&filter={Camel(filter)}" + (category is { } c ? $"&category={Camel(c)}" : string.Empty);

    /// <summary>A list of warnings.</summary>
    public static string Warnings(string region, WarningRule? rule = null, WarningState state = WarningState.Open, DateOnly? openedInMonth = null) =>
        $"/api/cockpit/warnings?region={region}" + (rule is { } r ? $"&rule={WarningRules.Get(r).Code}" : string.Empty)
        + (state == WarningState.Open ? string.Empty : $"&state={Camel(state)}")
        + (openedInMonth is { } month ? $"&month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}" : string.Empty);

    /// <summary>The registry's device search (category × status counts).</summary>
    public static string Registry(string region, EquipmentCategory category, EquipmentStatus status) =>
        $"/api/registry/devices?region={region}&category={Camel(category)}&status={Camel(status)}";

    /// <summary>The case list (work queue API) of a unit in a region, in an SLA state.</summary>
    public static string Cases(string region, string? unitCode, string? sla = null) =>
        $"/api/tasks?view=todo&region={region}" + (unitCode is null ? string.Empty : $"&unit={unitCode}") + (sla is null ? string.Empty : $"&sla={sla}");

    /// <summary>
    /// Reads back a link this class wrote: which list it is and its filters; null for anything else.
    /// The screens use it to show the list behind a figure without a round trip through HTTP.
    /// </summary>
    public static FigureLink? Parse(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.IndexOf('?', StringComparison.Ordinal) is var q && q < 0)
        {
            return null;
        }

        var kind = link[..q] switch
        {
            "/api/cockpit/devices" => FigureListKind.Devices,
            "/api/cockpit/warnings" => FigureListKind.Warnings,
            "/api/registry/devices" => FigureListKind.Registry,
            "/api/tasks" => FigureListKind.Cases,
            _ => (FigureListKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var values = link[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);
        if (!values.TryGetValue("region", out var region))
        {
            return null;
        }

        return new FigureLink(kind.Value, region, link)
        {
            Filter = ParseEnum<DeviceListFilter>(values.GetValueOrDefault("filter")),
            Category = ParseEnum<EquipmentCategory>(values.GetValueOrDefault("category")),
            Status = ParseEnum<EquipmentStatus>(values.GetValueOrDefault("status")),
            Rule = WarningRules.FindByCode(values.GetValueOrDefault("rule"))?.Rule,
            State = ParseEnum<WarningState>(values.GetValueOrDefault("state")) ?? WarningState.Open,
            Month = values.TryGetValue("month", out var month)
                    && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null,
            Unit = values.GetValueOrDefault("unit"),
            Sla = values.GetValueOrDefault("sla"),
        };
    }

    private static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        text is not null && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    /// <summary>An enum value as the APIs write it (camelCase).</summary>
    public static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
