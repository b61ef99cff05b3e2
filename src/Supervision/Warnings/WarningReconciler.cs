using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Warnings;

/// <summary>Which subjects a reconciliation looks at.</summary>
/// <param name="Devices">Device ids, or null for every device.</param>
/// <param name="Organisations">Use-unit ids, or null for every unit.</param>
internal sealed record WarningScope(IReadOnlyCollection<long>? Devices, IReadOnlyCollection<long>? Organisations)
{
    public static WarningScope Everything { get; } = new(null, null);

    public bool IsEverything => Devices is null && Organisations is null;
}

/// <summary>What a reconciliation changed.</summary>
internal sealed class WarningChanges
{
    public int Opened { get; set; }

    public int Updated { get; set; }

    public int Closed { get; set; }

    /// <summary>Variables to set on running cases once the changes are committed.</summary>
    public List<(Guid Instance, Dictionary<string, JsonNode?> Variables)> Notifications { get; } = [];
}

/// <summary>
/// Brings the stored warnings in line with what the rules find: opens a warning for a new finding
/// (only when allowed: the scheduled runs open, event-driven runs only update and close), updates
/// one whose detail changed and closes one whose cause is gone, each with its event and its count in
/// the region figures. Then, outside the lock, opens cases for open warnings without a running one.
/// </summary>
internal sealed class WarningReconciler(CockpitDbContext db, WarningEvaluator evaluator, WarningOptions options, RiskOptions risk, TimeProvider time)
{
    /// <summary>The process of the periodic-inspection application (unit 06), whose cases count as "applied".</summary>
    public const string InspectionApplicationProcess = "unit_06_periodic_inspection";

    /// <summary>Reconciles the warnings of <paramref name="scope"/>, adding figure differences to <paramref name="deltas"/>.</summary>
    public async Task<WarningChanges> ReconcileAsync(
        WarningScope scope, bool mayOpen, Dictionary<string, RegionFigures> deltas, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changes = new WarningChanges();
        var findings = await FindAsync(scope, cancellationToken);
        var open = await OpenWarnings(scope).ToListAsync(cancellationToken);
        var byKey = open.ToDictionary(w => (w.Rule, w.SubjectId));

        var fresh = findings.Where(f => !byKey.ContainsKey((f.Rule, f.SubjectId))).ToList();
        if (mayOpen && fresh.Count > 0)
        {
            var deviceCodes = await RegistryLookups.EquipmentCodesAsync(db,
                fresh.Where(f => f.Definition.Subject == WarningSubject.Device).Select(f => f.SubjectId).Distinct().ToList(), cancellationToken);
            var organisations = await RegistryLookups.OrganisationsAsync(db,
                fresh.Where(f => f.Definition.Subject == WarningSubject.Organisation).Select(f => f.SubjectId).Distinct().ToList(), cancellationToken);
            foreach (var finding in fresh)
            {
                var code = finding.Definition.Subject == WarningSubject.Device
                    ? deviceCodes.GetValueOrDefault(finding.SubjectId)
                    : organisations.TryGetValue(finding.SubjectId, out var organisation) ? organisation.CreditCode : null;
                if (code is null)
                {
                    // Deleted from the registry since its row was computed; the next run drops the row.
                    continue;
                }

                var warning = new Warning
                {
                    Rule = finding.Rule,
                    Subject = finding.Definition.Subject,
                    SubjectId = finding.SubjectId,
                    SubjectCode = code,
                    RegionCode = finding.RegionCode,
                    OrganisationId = finding.OrganisationId,
                    Detail = finding.Detail,
                    OpenedAt = now,
                    UpdatedAt = now,
                    CaseProcessKey = finding.Definition.ProcessKey,
                };
                db.Warnings.Add(warning);
                Record(warning, WarningEventKind.Opened, finding.Detail, now);
                RegionFigureStore.AddWarning(deltas, warning.RegionCode, warning.Rule, 1);
                changes.Opened++;
            }
        }

        var current = findings.ToDictionary(f => (f.Rule, f.SubjectId));
        foreach (var warning in open)
        {
            if (current.TryGetValue((warning.Rule, warning.SubjectId), out var finding))
            {
                if (finding.Detail == warning.Detail && finding.OrganisationId == warning.OrganisationId && finding.RegionCode == warning.RegionCode)
                {
                    continue;
                }

                if (finding.RegionCode != warning.RegionCode)
                {
                    // Relocated (变更登记): the warning now counts in its new region.
                    RegionFigureStore.AddWarning(deltas, warning.RegionCode, warning.Rule, -1);
                    RegionFigureStore.AddWarning(deltas, finding.RegionCode, warning.Rule, 1);
                }

                warning.Detail = finding.Detail;
                warning.OrganisationId = finding.OrganisationId;
                warning.RegionCode = finding.RegionCode;
                warning.UpdatedAt = now;
                Record(warning, WarningEventKind.Updated, finding.Detail, now);
                Notify(changes, warning, new() { ["warningDetail"] = finding.Detail, ["warningUpdatedAt"] = Instant(now) });
                changes.Updated++;
            }
            else
            {
                warning.ClosedAt = now;
                warning.CloseReason = options.IsEnabled(warning.Rule) ? CauseGone(warning.Rule) : "预警规则已停用";
                Record(warning, WarningEventKind.Closed, warning.CloseReason, now);
                RegionFigureStore.AddWarning(deltas, warning.RegionCode, warning.Rule, -1);
                Notify(changes, warning, new() { ["warningCleared"] = true, ["warningClosedAt"] = Instant(now), ["warningCloseReason"] = warning.CloseReason });
                changes.Closed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    /// <summary>
    /// Opens cases for open warnings that have none running (never opened, or ended while the cause
    /// persists), oldest first, at most <paramref name="max"/>; returns how many were opened.
    /// </summary>
    public async Task<int> OpenCasesAsync(IWarningCases cases, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ended = await db.Warnings.Where(w => w.ClosedAt == null && w.CaseInstanceId != null)
            .Join(db.EngineInstances.Where(i => i.Status != 0), w => w.CaseInstanceId, i => i.Id, (w, _) => w.Id)
            .ToListAsync(cancellationToken);
        var missing = await db.Warnings.Where(w => w.ClosedAt == null && (w.CaseInstanceId == null || ended.Contains(w.Id)))
            .OrderBy(w => w.OpenedAt).ThenBy(w => w.Id).Take(max).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }

        var organisations = await RegistryLookups.OrganisationsAsync(db, missing.Select(w => w.OrganisationId).Distinct().ToList(), cancellationToken);
        var opened = 0;
        foreach (var warning in missing)
        {
            var reopen = warning.CaseInstanceId is not null;
            try
            {
                var instance = await cases.OpenAsync(new WarningCaseRequest(
                    warning.Id, warning.Rule, warning.SubjectCode, warning.RegionCode, warning.OrganisationId,
                    organisations.TryGetValue(warning.OrganisationId, out var organisation) ? organisation.Name : string.Empty,
                    warning.Detail, DateOnly.FromDateTime(now.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset).DateTime).AddDays(options.RectificationDays)),
                    cancellationToken);
                warning.CaseInstanceId = instance;
                warning.CaseProcessKey = WarningRules.Get(warning.Rule).ProcessKey;
                warning.CaseOpenedAt = now;
                warning.CaseError = null;
                Record(warning, reopen ? WarningEventKind.CaseReopened : WarningEventKind.CaseOpened, instance.ToString(), now);
                opened++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The definition is not deployed, the engine refused …: recorded, tried again next run.
                var message = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (warning.CaseError != message)
                {
                    warning.CaseError = message;
                    Record(warning, WarningEventKind.CaseFailed, message, now);
                }
            }

            // Saved one by one: a case is in the engine the moment it starts, so its link must follow at once.
            await db.SaveChangesAsync(cancellationToken);
        }

        return opened;
    }

    private IQueryable<Warning> OpenWarnings(WarningScope scope)
    {
        var open = db.Warnings.Where(w => w.ClosedAt == null);
        if (scope.IsEverything)
        {
            return open;
        }

        var devices = (scope.Devices ?? []).ToList();
        var organisations = (scope.Organisations ?? []).ToList();
        return open.Where(w => (w.Subject == WarningSubject.Device && devices.Contains(w.SubjectId))
                               || (w.Subject == WarningSubject.Organisation && organisations.Contains(w.SubjectId)));
    }

    private async Task<List<WarningFinding>> FindAsync(WarningScope scope, CancellationToken cancellationToken)
    {
        List<DeviceRisk> rows;
        if (scope.IsEverything)
        {
#pragma warning disable EF1002 // the filter is built from numbers of the options, never input
            rows = await db.DeviceRisks.FromSqlRaw($"SELECT * FROM ck_device_risk r WHERE {evaluator.CandidateFilter()}").AsNoTracking().ToListAsync(cancellationToken);
#pragma warning restore EF1002
        }
        else
        {
            rows = [];
            foreach (var chunk in (scope.Devices ?? []).Chunk(1000))
            {
                rows.AddRange(await db.DeviceRisks.AsNoTracking().Where(r => chunk.Contains(r.DeviceId)).ToListAsync(cancellationToken));
            }
        }

        var applied = await AppliedAsync(rows.Where(r => r.DueSoon).Select(r => r.DeviceId).ToList(), cancellationToken);
        var findings = rows.SelectMany(r => evaluator.ForDevice(r, applied.Contains(r.DeviceId))).ToList();

        var organisations = db.OrganisationRisks.AsNoTracking().Where(o => o.LapsingItems != null);
        if (!scope.IsEverything)
        {
            var ids = (scope.Organisations ?? []).ToList();
            organisations = organisations.Where(o => ids.Contains(o.OrganisationId));
        }

        foreach (var organisation in await organisations.ToListAsync(cancellationToken))
        {
            if (evaluator.ForOrganisation(organisation) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    // An application counts when a unit 06 case about the device (its 设备代码 as the task's subject
    // or as the business key) has a task created in the application window: from two months before
    // the due window, not canceled.
    private async Task<HashSet<long>> AppliedAsync(IReadOnlyCollection<long> dueDevices, CancellationToken cancellationToken)
    {
        if (dueDevices.Count == 0)
        {
            return [];
        }

        var codes = await RegistryLookups.EquipmentCodesAsync(db, dueDevices, cancellationToken);
        var since = time.GetUtcNow().AddDays(-(risk.InspectionDueDays + 62));
        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Values.Chunk(1000))
        {
            var tasks = db.EngineTasks.AsNoTracking().Where(t => t.ProcessKey == InspectionApplicationProcess && t.Status != 2 && t.CreatedAt >= since);
            applied.UnionWith(await tasks.Where(t => t.SubjectCode != null && chunk.Contains(t.SubjectCode)).Select(t => t.SubjectCode!).ToListAsync(cancellationToken));
            applied.UnionWith(await tasks.Where(t => t.BusinessKey != null && chunk.Contains(t.BusinessKey)).Select(t => t.BusinessKey!).ToListAsync(cancellationToken));
        }

        return [.. codes.Where(c => applied.Contains(c.Value)).Select(c => c.Key)];
    }

    private static void Record(Warning warning, WarningEventKind kind, string? detail, DateTimeOffset at) =>
        warning.Events.Add(new WarningEvent { Kind = kind, Detail = detail is { Length: > 500 } ? detail[..500] : detail, At = at });

    private static void Notify(WarningChanges changes, Warning warning, Dictionary<string, JsonNode?> variables)
    {
        if (warning.CaseInstanceId is { } instance)
        {
            changes.Notifications.Add((instance, variables));
        }
    }

    private static JsonNode Instant(DateTimeOffset value) => JsonValue.Create(value.ToString("O", CultureInfo.InvariantCulture));

    private static string CauseGone(WarningRule rule) => rule switch
    {
        WarningRule.InspectionDue => "已申报定期检验或检验有效期已更新",
        WarningRule.InspectionOverdue => "已完成检验，检验有效期已更新",
        WarningRule.MaintenanceMissed => "已完成维护保养",
        WarningRule.OperatorCertificate => "作业人员证书已复审或已补配持证人员",
        WarningRule.RiskRed => "风险等级已降至红色以下",
        WarningRule.RepeatedEntrapment => "困人次数已回落至阈值以下",
        _ => "原因已消除",
    };
}
