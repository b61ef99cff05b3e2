using System.Text.RegularExpressions;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// The cockpit's reads, every one scoped: the viewer sees its own region and what lies under it,
/// never a region beside or above it (403). Figures come from the maintained tables (a handful of
/// indexed reads whatever the number of devices); the lists behind them are keyset-paged.
/// </summary>
public sealed partial class CockpitQueries(CockpitDbContext cockpit, RegistryDbContext registry, WorkflowDbContext workflow, TimeProvider time)
{
    /// <summary>The viewer's own region: where the cockpit starts.</summary>
    /// <exception cref="RegistryAccessDeniedException">The scope holds no region (an organisation's user, the public).</exception>
    public async Task<RegionRef> HomeAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string code;
        if (scope.IsUnrestricted)
        {
            code = await registry.Regions.AsNoTracking().Where(r => r.ParentCode == null).OrderBy(r => r.Code).Select(r => r.Code)
                .FirstOrDefaultAsync(cancellationToken) ?? "330000";
        }
        else if (scope.Kind == ScopeKind.Restricted && scope.RegionPrefix is { Length: > 0 } prefix)
        {
            code = prefix.Length switch
            {
                2 => prefix + "0000",
                4 => prefix + "00",
                9 => prefix + "000",
                _ => prefix,
            };
        }
        else
        {
            throw new RegistryAccessDeniedException("The cockpit shows regions; your account is not a regulator of one.");
        }

        return await RegionAsync(code, cancellationToken) ?? new RegionRef(code, code, RegionCodes.LevelOf(code));
    }

    /// <summary>The cockpit of <paramref name="regionCode"/> (the viewer's own region when null); null when the region is unknown.</summary>
    public async Task<CockpitView?> LoadAsync(AccessScope scope, string? regionCode, CancellationToken cancellationToken)
    {
        var home = await HomeAsync(scope, cancellationToken);
        var code = string.IsNullOrWhiteSpace(regionCode) ? home.Code : CheckRegion(scope, regionCode);
        if (await RegionAsync(code, cancellationToken) is not { } region)
        {
            return null;
        }

        var children = await registry.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code)
            .Select(r => new RegionRef(r.Code, r.Name, r.Level)).ToListAsync(cancellationToken);
        var codes = children.Select(c => c.Code).Append(code).ToList();
        var figures = await cockpit.RegionFigures.AsNoTracking().Where(f => codes.Contains(f.RegionCode)).ToDictionaryAsync(f => f.RegionCode, cancellationToken);
        RegionFigures Of(string c) => figures.GetValueOrDefault(c) ?? new RegionFigures { RegionCode = c };
        var own = Of(code);

        var rollups = await registry.RegionRollups.AsNoTracking().Where(r => r.RegionCode == code && r.Devices > 0)
            .OrderBy(r => r.Category).ThenBy(r => r.Status).ToListAsync(cancellationToken);
        var computedAt = await cockpit.Runs.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.Id)
            .Select(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);

        return new CockpitView
        {
            Region = region,
            Home = home,
            Breadcrumb = await BreadcrumbAsync(home, region, cancellationToken),
            Figures = Figures(code, own),
            Children = children.ConvertAll(c => new ChildFigures(c, Figures(c.Code, Of(c.Code)))),
            Devices = rollups.ConvertAll(r => new CategoryStatusCount(r.Category, r.Status, new LinkedFigure(r.Devices, CockpitLinks.Registry(code, r.Category, r.Status)))),
            Sla = await SlaAsync(code, cancellationToken),
            Warnings = WarningRules.All.Select(rule => new WarningCount(rule, new LinkedFigure(FigureColumns.For(rule.Rule).Get(own), CockpitLinks.Warnings(code, rule.Rule)))).ToList(),
            Trends = await TrendsAsync(code, cancellationToken),
            ComputedAt = computedAt,
        };
    }

    /// <summary>The devices behind a figure.</summary>
    public async Task<DeviceListPage> DevicesAsync(AccessScope scope, DeviceListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckLimit(query.Limit, DeviceListQuery.MaxLimit);
        var code = CheckRegion(scope, query.Region);
        var prefix = AccessScope.SignificantPrefix(code);
        var rows = cockpit.DeviceRisks.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix));
        rows = query.Filter switch
        {
            DeviceListFilter.Tracked => rows,
            DeviceListFilter.InUse => rows.Where(r => r.Status == EquipmentStatus.InUse),
            DeviceListFilter.Overdue => rows.Where(r => r.Overdue),
            DeviceListFilter.DueSoon => rows.Where(r => r.DueSoon),
            DeviceListFilter.RiskBlue => rows.Where(r => r.Level == RiskLevel.Blue),
            DeviceListFilter.RiskYellow => rows.Where(r => r.Level == RiskLevel.Yellow),
            DeviceListFilter.RiskOrange => rows.Where(r => r.Level == RiskLevel.Orange),
            DeviceListFilter.RiskRed => rows.Where(r => r.Level == RiskLevel.Red),
            DeviceListFilter.HazardsOpen => rows.Where(r => r.OpenGeneralHazards + r.OpenSeriousHazards > 0),
            DeviceListFilter.HazardsSerious => rows.Where(r => r.OpenSeriousHazards > 0),
            DeviceListFilter.HazardsUpTo30Days => rows.Where(r => r.HazardsOpenUpTo30Days > 0),
            DeviceListFilter.Hazards31To90Days => rows.Where(r => r.HazardsOpen31To90Days > 0),
            DeviceListFilter.HazardsOver90Days => rows.Where(r => r.HazardsOpenOver90Days > 0),
            DeviceListFilter.AlarmsToday => rows.Where(r => r.AlarmsToday > 0),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Filter, "Not a device list filter."),
        };
        if (query.Category is { } category)
        {
            rows = rows.Where(r => r.Category == category);
        }

        if (query.After is { } after)
        {
            rows = rows.Where(r => r.DeviceId > after);
        }

        var page = await rows.OrderBy(r => r.DeviceId).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var more = page.Count > query.Limit;
        page = page.Take(query.Limit).ToList();
        var ids = page.Select(r => r.DeviceId).ToList();
        var devices = await registry.Devices.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.EquipmentCode, d.CatalogCode, d.Address }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var organisationIds = page.Select(r => r.UserOrganisationId).Distinct().ToList();
        var organisations = await registry.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var items = page.Where(r => devices.ContainsKey(r.DeviceId)).Select(r =>
        {
            var device = devices[r.DeviceId];
            return new DeviceListItem(r.DeviceId, device.EquipmentCode, device.CatalogCode, r.Category, r.Status, r.RegionCode, device.Address,
                r.UserOrganisationId, organisations.GetValueOrDefault(r.UserOrganisationId), r.Score, r.Level, r.Overdue, r.InspectionValidUntil,
                r.OpenGeneralHazards + r.OpenSeriousHazards, r.AlarmsToday);
        }).ToList();
        return new DeviceListPage(items, more ? page[^1].DeviceId : null);
    }

    /// <summary>The warnings behind a figure.</summary>
    public async Task<WarningListPage> WarningsAsync(AccessScope scope, WarningListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckLimit(query.Limit, WarningListQuery.MaxLimit);
        var code = CheckRegion(scope, query.Region);
        var prefix = AccessScope.SignificantPrefix(code);
        var rows = cockpit.Warnings.AsNoTracking().Where(w => w.RegionCode.StartsWith(prefix));
        rows = query.State switch
        {
            WarningState.Open => rows.Where(w => w.ClosedAt == null),
            WarningState.Closed => rows.Where(w => w.ClosedAt != null),
            _ => rows,
        };
        if (query.Rule is { } rule)
        {
            rows = rows.Where(w => w.Rule == rule);
        }

        if (query.OpenedInMonth is { } month)
        {
            var from = new DateTimeOffset(new DateOnly(month.Year, month.Month, 1).ToDateTime(TimeOnly.MinValue), Workflows.Calendar.BusinessCalendarFiles.ChinaOffset);
            var to = from.AddMonths(1);
            rows = rows.Where(w => w.OpenedAt >= from && w.OpenedAt < to);
        }

        if (query.After is { } after)
        {
            rows = rows.Where(w => w.Id > after);
        }

        var page = await rows.OrderBy(w => w.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var more = page.Count > query.Limit;
        var items = page.Take(query.Limit).Select(Item).ToList();
        return new WarningListPage(items, more ? items[^1].Id : null);
    }

    /// <summary>A warning and its record; null when it does not exist or lies outside the scope.</summary>
    public async Task<WarningDetails?> WarningAsync(AccessScope scope, long id, CancellationToken cancellationToken)
    {
        var warning = await cockpit.Warnings.AsNoTracking().Include(w => w.Events).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warning is null || !Covers(scope, warning.RegionCode))
        {
            return null;
        }

        return new WarningDetails(Item(warning), warning.Events.OrderBy(e => e.Id).Select(e => new WarningEventView(e.At, e.Kind, e.Detail)).ToList());
    }

    /// <summary>A device's risk explained; null when the device is not tracked or lies outside the scope.</summary>
    public async Task<RiskExplanation?> ExplainAsync(AccessScope scope, long deviceId, RiskModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var row = await cockpit.DeviceRisks.AsNoTracking().FirstOrDefaultAsync(r => r.DeviceId == deviceId, cancellationToken);
        if (row is null || !Covers(scope, row.RegionCode))
        {
            return null;
        }

        var code = await registry.Devices.AsNoTracking().Where(d => d.Id == deviceId).Select(d => d.EquipmentCode).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return null;
        }

        // The evidence comes from the model over the stored inputs; the points are those stored, so
        // the explanation always adds up to the stored score even if the weights changed since.
        var stored = row.StoredPoints();
        var factors = row.Status == EquipmentStatus.InUse
            ? model.Assess(row.ToInputs()).Contributions.Select(c => c with { Points = stored[c.Factor] }).ToList()
            : [];
        return new RiskExplanation(deviceId, code, row.RegionCode, row.Score, row.Level, factors, row.ChangedOn);
    }

    /// <summary>Checks the region's shape and that the scope covers it; returns it trimmed.</summary>
    /// <exception cref="RegistryValidationException">Not a region code.</exception>
    /// <exception cref="RegistryAccessDeniedException">Outside the scope.</exception>
    public static string CheckRegion(AccessScope scope, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var code = regionCode?.Trim() ?? string.Empty;
        if (!RegionCodes.TryValidate(code, out var error) || code == RegionCodes.National)
        {
            throw new RegistryValidationException(new Dictionary<string, string[]> { ["region"] = [error ?? "The cockpit shows a province or a region under it, not the whole country."] });
        }

        if (!Covers(scope, code))
        {
            throw new RegistryAccessDeniedException($"Your scope does not cover region {code}.");
        }

        return code;
    }

    private static bool Covers(AccessScope scope, string regionCode) =>
        scope.IsUnrestricted || (scope.Kind == ScopeKind.Restricted && scope.RegionPrefix is { Length: > 0 } && scope.CoversRegion(regionCode));

    private static void CheckLimit(int limit, int max)
    {
        if (limit < 1 || limit > max)
        {
            throw new RegistryValidationException(new Dictionary<string, string[]> { ["limit"] = [$"limit is between 1 and {max}, not {limit}."] });
        }
    }

    private static CockpitFigures Figures(string code, RegionFigures f)
    {
        LinkedFigure Devices(long value, DeviceListFilter filter) => new(value, CockpitLinks.Devices(code, filter));
        return new CockpitFigures
        {
            Devices = Devices(f.Devices, DeviceListFilter.Tracked),
            InUse = Devices(f.InUse, DeviceListFilter.InUse),
            Overdue = Devices(f.Overdue, DeviceListFilter.Overdue),
            DueSoon = Devices(f.DueSoon, DeviceListFilter.DueSoon),
            InspectionRate = f.InUse == 0 ? null : (double)(f.InUse - f.Overdue) / f.InUse,
            Risk =
            [
                new(RiskLevel.Blue, Devices(f.RiskBlue, DeviceListFilter.RiskBlue)),
                new(RiskLevel.Yellow, Devices(f.RiskYellow, DeviceListFilter.RiskYellow)),
                new(RiskLevel.Orange, Devices(f.RiskOrange, DeviceListFilter.RiskOrange)),
                new(RiskLevel.Red, Devices(f.RiskRed, DeviceListFilter.RiskRed)),
            ],
            HazardsOpen = Devices(f.HazardsOpenGeneral + f.HazardsOpenSerious, DeviceListFilter.HazardsOpen),
            HazardsSerious = Devices(f.HazardsOpenSerious, DeviceListFilter.HazardsSerious),
            HazardAgeing =
            [
                Devices(f.HazardsOpenUpTo30Days, DeviceListFilter.HazardsUpTo30Days),
                Devices(f.HazardsOpen31To90Days, DeviceListFilter.Hazards31To90Days),
                Devices(f.HazardsOpenOver90Days, DeviceListFilter.HazardsOver90Days),
            ],
            HazardsFound12Months = f.HazardsFound12Months,
            HazardsClosed12Months = f.HazardsClosed12Months,
            HazardClosureRate = f.HazardsFound12Months == 0 ? null : (double)f.HazardsClosed12Months / f.HazardsFound12Months,
            AlarmsToday = Devices(f.AlarmsToday, DeviceListFilter.AlarmsToday),
            AlarmsTodayAnswered = f.AlarmsTodayAnswered,
            AlarmResponseMinutesToday = f.AlarmsTodayAnswered == 0 ? null : f.AlarmResponseSecondsToday / 60.0 / f.AlarmsTodayAnswered,
            WarningsOpen = new LinkedFigure(FigureColumns.Warning.Sum(c => c.Get(f)), CockpitLinks.Warnings(code)),
        };
    }

    private async Task<RegionRef?> RegionAsync(string code, CancellationToken cancellationToken) =>
        await registry.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new RegionRef(r.Code, r.Name, r.Level)).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<RegionRef>> BreadcrumbAsync(RegionRef home, RegionRef region, CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        for (var code = region.Code; code is not null && code.Length > 0; code = RegionCodes.ParentOf(code))
        {
            codes.Add(code);
            if (code == home.Code || code == RegionCodes.National)
            {
                break;
            }
        }

        var names = await registry.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => new RegionRef(r.Code, r.Name, r.Level), cancellationToken);
        return codes.Where(names.ContainsKey).Select(c => names[c]).Reverse().ToList();
    }

    private async Task<IReadOnlyList<UnitSla>> SlaAsync(string code, CancellationToken cancellationToken)
    {
        var prefix = AccessScope.SignificantPrefix(code);
        var rows = await workflow.SlaStatistics.AsNoTracking().Where(s => s.RegionCode.StartsWith(prefix))
            .GroupBy(s => s.ProcessKey)
            .Select(g => new
            {
                ProcessKey = g.Key,
                Completed = g.Sum(s => s.Completed),
                OnTime = g.Sum(s => s.CompletedOnTime),
                Normal = g.Sum(s => s.OpenNormal),
                Warning = g.Sum(s => s.OpenWarning),
                Overdue = g.Sum(s => s.OpenOverdue) + g.Sum(s => s.OpenEscalated),
            })
            .ToListAsync(cancellationToken);
        var keys = rows.Select(r => r.ProcessKey).ToList();
        var names = (await workflow.ListLatestAsync(cancellationToken)).Where(d => keys.Contains(d.ProcessKey))
            .ToDictionary(d => d.ProcessKey, d => d.Name ?? d.ProcessKey, StringComparer.Ordinal);
        return rows.OrderBy(r => r.ProcessKey, StringComparer.Ordinal).Select(r =>
        {
            var unit = UnitCode().Match(r.ProcessKey) is { Success: true } match ? match.Groups[1].Value : null;
            return new UnitSla(r.ProcessKey, unit, names.GetValueOrDefault(r.ProcessKey) ?? r.ProcessKey, r.Completed, r.OnTime,
                r.Completed == 0 ? null : (double)r.OnTime / r.Completed, r.Normal,
                new LinkedFigure(r.Warning, CockpitLinks.Cases(code, unit, CockpitLinks.Camel(SlaState.Warning))),
                new LinkedFigure(r.Overdue, CockpitLinks.Cases(code, unit, CockpitLinks.Camel(SlaState.Overdue))),
                CockpitLinks.Cases(code, unit));
        }).ToList();
    }

    private async Task<IReadOnlyList<TrendPoint>> TrendsAsync(string code, CancellationToken cancellationToken)
    {
        var start = RegionMonthStore.WindowStart(time.Today());
        var months = await cockpit.RegionMonths.AsNoTracking().Where(m => m.RegionCode == code && m.Month >= start)
            .ToDictionaryAsync(m => m.Month, cancellationToken);
        return Enumerable.Range(0, RegionMonthStore.Months).Select(i => start.AddMonths(i)).Select(month =>
        {
            var m = months.GetValueOrDefault(month);
            return new TrendPoint
            {
                Month = month,
                InUse = m?.InUse,
                Overdue = m?.Overdue,
                RiskRed = m?.RiskRed,
                Inspections = m?.Inspections ?? 0,
                HazardsFound = m?.HazardsFound ?? 0,
                HazardsClosed = m?.HazardsClosed ?? 0,
                Alarms = m?.Alarms ?? 0,
                WarningsOpened = m?.WarningsOpened ?? 0,
                WarningsClosed = m?.WarningsClosed ?? 0,
                WarningsList = CockpitLinks.Warnings(code, state: WarningState.All, openedInMonth: month),
            };
        }).ToList();
    }

    private static WarningListItem Item(Warning w)
    {
        var rule = WarningRules.Get(w.Rule);
        return new WarningListItem(w.Id, w.Rule, rule.Code, rule.Name, w.Subject, w.SubjectId, w.SubjectCode, w.RegionCode, w.OrganisationId, w.Detail,
            w.OpenedAt, w.UpdatedAt, w.ClosedAt, w.CloseReason, w.CaseProcessKey, w.CaseInstanceId, w.CaseError);
    }

    [GeneratedRegex("^unit_([0-9]{2})_")]
    private static partial Regex UnitCode();
}
