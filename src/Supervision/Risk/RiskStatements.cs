using System.Data.Common;
using System.Globalization;
using System.Text;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Calendar;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// The risk recompute as set-based SQL: one statement gathers every use unit's record into
/// <c>ck_org_risk</c>, one gathers every device's inputs, scores them with the weights as
/// parameters and upserts <c>ck_device_risk</c>, writing only rows that changed. The same
/// statements, restricted to some ids, are the incremental recompute. The arithmetic is
/// <see cref="RiskModel"/>'s, term for term and in the same order.
/// </summary>
internal sealed class RiskStatements(SqlDialect dialect, RiskOptions risk, WarningOptions warnings, DateOnly today)
{
    private const int InUse = (int)EquipmentStatus.InUse;

    /// <summary>公众扫码投诉举报 (unit 30): each of its cases about a device (the task's subject) is a complaint.</summary>
    public const string ComplaintProcess = "unit_30_public_complaint";

    // Columns of ck_device_risk the upsert writes, in SELECT order; changed_on is written but not compared.
    private static readonly string[] DeviceColumns =
    [
        "device_id", "region_code", "category", "status", "user_organisation_id", "maintenance_organisation_id", "score", "level",
        "points_age", "points_beyond_design_life", "points_inspection_overdue", "points_inspection_failed", "points_maintenance_missed",
        "points_entrapments", "points_faults", "points_open_hazards", "points_complaints", "points_unit_overdue", "points_unit_certificate_gaps",
        "age_years", "design_life_years", "inspection_valid_until", "overdue", "due_soon", "inspection_failed", "maintenance_days",
        "maintenance_missed_cycles", "entrapments", "recent_entrapments", "faults", "open_general_hazards", "open_serious_hazards",
        "hazards_open_up_to30days", "hazards_open31to90days", "hazards_open_over90days", "hazards_found12months",
        "hazards_closed12months", "alarms_today", "alarms_today_answered", "alarm_response_seconds_today", "complaints", "unit_other_devices",
        "unit_other_overdue", "unit_certificate_gaps",
    ];

    private static readonly string[] OrganisationColumns =
        ["organisation_id", "region_code", "devices_in_use", "devices_overdue", "certificate_gaps", "gap_items", "lapsing_items"];

    /// <summary>The day the statements compute for.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>Midnight of <see cref="Today"/> in China, as an instant.</summary>
    public DateTimeOffset DayStart { get; } = new(today.ToDateTime(TimeOnly.MinValue), BusinessCalendarFiles.ChinaOffset);

    /// <summary>Upserts <c>ck_org_risk</c> for every use unit with devices in use, or for <paramref name="organisations"/> only.</summary>
    public void OrganisationUpsert(DbCommand command, IReadOnlyCollection<long>? organisations)
    {
        var map = new StringBuilder();
        var pairs = risk.RequiredItemPairs();
        for (var i = 0; i < pairs.Count; i++)
        {
            map.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@rp{i}, @ri{i})");
            SqlDialect.Add(command, $"@rp{i}", pairs[i].Prefix);
            SqlDialect.Add(command, $"@ri{i}", pairs[i].Item);
        }

        // An empty mapping still needs a well-formed VALUES list: one row that matches nothing.
        var requiredMap = pairs.Count == 0 ? "SELECT '~' AS prefix, '~' AS item" : $"SELECT column1 AS prefix, column2 AS item FROM (VALUES {map}) AS m";
        if (dialect.IsPostgres && pairs.Count > 0)
        {
            requiredMap = $"SELECT * FROM (VALUES {map}) AS m (prefix, item)";
        }

        var deviceFilter = organisations is null ? string.Empty : " AND " + SqlDialect.InList(command, "d.user_organisation_id", organisations, "o");
        var peopleFilter = organisations is null ? string.Empty : " AND " + SqlDialect.InList(command, "p.organisation_id", organisations, "q");
        AddDates(command);
        command.CommandText = $"""
            WITH req_map AS ({requiredMap}),
            devices AS (
              SELECT d.user_organisation_id AS org, d.catalog_code,
                     CASE WHEN d.inspection_valid_until < @today THEN 1 ELSE 0 END AS overdue
              FROM reg_devices d
              WHERE d.status = {InUse}{deviceFilter}),
            counts AS (SELECT org, COUNT(*) AS in_use, SUM(overdue) AS overdue FROM devices GROUP BY org),
            required AS (
              SELECT DISTINCT v.org, m.item
              FROM (SELECT DISTINCT org, catalog_code FROM devices) v
              JOIN req_map m ON substr(v.catalog_code, 1, length(m.prefix)) = m.prefix),
            held AS (
              SELECT p.organisation_id AS org, c.item_code AS item, MAX(c.expires_on) AS best
              FROM reg_operator_certificates c JOIN reg_people p ON p.id = c.person_id
              WHERE c.revoked = FALSE AND c.item_code IS NOT NULL AND p.organisation_id IS NOT NULL{peopleFilter}
              GROUP BY p.organisation_id, c.item_code),
            states AS (
              SELECT r.org, r.item,
                     CASE WHEN h.best IS NULL OR h.best < @today THEN 1 ELSE 0 END AS gap,
                     CASE WHEN h.best IS NOT NULL AND h.best <= @expiring_until THEN 1 ELSE 0 END AS lapsing
              FROM required r LEFT JOIN held h ON h.org = r.org AND h.item = r.item),
            items AS (
              SELECT org, SUM(gap) AS gaps,
                     {dialect.SortedList("CASE WHEN gap = 1 THEN item END")} AS gap_items,
                     {dialect.SortedList("CASE WHEN lapsing = 1 THEN item END")} AS lapsing_items
              FROM states GROUP BY org)
            INSERT INTO ck_org_risk ({string.Join(", ", OrganisationColumns)}, changed_on)
            SELECT c.org, o.region_code, c.in_use, c.overdue, COALESCE(i.gaps, 0), i.gap_items, i.lapsing_items, @today
            FROM counts c
            JOIN reg_organisations o ON o.id = c.org
            LEFT JOIN items i ON i.org = c.org
            WHERE TRUE
            ON CONFLICT (organisation_id) DO UPDATE SET
              {string.Join(", ", OrganisationColumns.Skip(1).Append("changed_on").Select(c => $"{c} = excluded.{c}"))}
            WHERE {string.Join(" OR ", OrganisationColumns.Skip(1).Select(c => dialect.Differs($"ck_org_risk.{c}", $"excluded.{c}")))}
            """;
    }

    /// <summary>Deletes the records of units with no device in use (all, or among <paramref name="organisations"/>).</summary>
    public static void OrganisationCleanup(DbCommand command, IReadOnlyCollection<long>? organisations)
    {
        var filter = organisations is null ? string.Empty : " AND " + SqlDialect.InList(command, "organisation_id", organisations, "o");
        command.CommandText = $"""
            DELETE FROM ck_org_risk
            WHERE NOT EXISTS (SELECT 1 FROM reg_devices d WHERE d.user_organisation_id = ck_org_risk.organisation_id AND d.status = {InUse}){filter}
            """;
    }

    /// <summary>Upserts <c>ck_device_risk</c> for every tracked device, or for <paramref name="devices"/> only.</summary>
    public void DeviceUpsert(DbCommand command, IReadOnlyCollection<long>? devices)
    {
        AddDates(command);
        AddWeights(command);
        var entrapment = EntrapmentCodes(command);
        string Filter(string column, string prefix) => devices is null ? string.Empty : " AND " + SqlDialect.InList(command, column, devices, prefix);
        var maintained = risk.MaintainedCategories.Length == 0 ? "-1" : string.Join(", ", risk.MaintainedCategories.Select(c => ((int)c).ToString(CultureInfo.InvariantCulture)));
        var life = new StringBuilder("CASE d.category");
        foreach (var category in Enum.GetValues<EquipmentCategory>())
        {
            life.Append(CultureInfo.InvariantCulture, $" WHEN {(int)category} THEN {risk.DesignLifeFor(category)}");
        }

        life.Append(CultureInfo.InvariantCulture, $" ELSE {risk.DefaultDesignLifeYears} END");
        var firstUse = "COALESCE(d.first_used_on, d.installed_on, d.manufactured_on)";
        var d = dialect;
        var w = "CASE WHEN b.status = " + InUse + " THEN ";
        var tracked = $"{(int)EquipmentStatus.UnderConstruction}, {InUse}, {(int)EquipmentStatus.Suspended}";

        command.CommandText = $"""
            WITH hz AS (
              SELECT h.device_id,
                     SUM(CASE WHEN h.closed_on IS NULL AND h.level = 0 THEN 1 ELSE 0 END) AS open_general,
                     SUM(CASE WHEN h.closed_on IS NULL AND h.level = 1 THEN 1 ELSE 0 END) AS open_serious,
                     SUM(CASE WHEN h.closed_on IS NULL AND h.found_on >= @day30 THEN 1 ELSE 0 END) AS open_30,
                     SUM(CASE WHEN h.closed_on IS NULL AND h.found_on < @day30 AND h.found_on >= @day90 THEN 1 ELSE 0 END) AS open_90,
                     SUM(CASE WHEN h.closed_on IS NULL AND h.found_on < @day90 THEN 1 ELSE 0 END) AS open_old,
                     SUM(CASE WHEN h.found_on >= @year_start THEN 1 ELSE 0 END) AS found_12,
                     SUM(CASE WHEN h.found_on >= @year_start AND h.closed_on IS NOT NULL THEN 1 ELSE 0 END) AS closed_12
              FROM reg_hazards h
              WHERE (h.closed_on IS NULL OR h.found_on >= @year_start){Filter("h.device_id", "h")}
              GROUP BY h.device_id),
            alarms AS (
              SELECT r.device_id, r.fault_code, r.raised_at, COALESCE(l.acknowledged_at, r.cleared_at) AS answered_at
              FROM reg_alarms r LEFT JOIN ck_alarm_records l ON l.record_id = r.id
              WHERE r.raised_at >= @alarm_from{Filter("r.device_id", "r")}),
            al AS (
              SELECT a.device_id,
                     SUM(CASE WHEN a.fault_code IN ({entrapment}) THEN 1 ELSE 0 END) AS entrapments,
                     SUM(CASE WHEN a.fault_code NOT IN ({entrapment}) THEN 1 ELSE 0 END) AS faults,
                     SUM(CASE WHEN a.fault_code IN ({entrapment}) AND a.raised_at >= @recent_from THEN 1 ELSE 0 END) AS recent,
                     SUM(CASE WHEN a.raised_at >= @day_start THEN 1 ELSE 0 END) AS today,
                     SUM(CASE WHEN a.raised_at >= @day_start AND a.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS today_answered,
                     SUM(CASE WHEN a.raised_at >= @day_start AND a.answered_at IS NOT NULL
                              THEN {d.SecondsBetween("a.answered_at", "a.raised_at")} ELSE 0 END) AS today_seconds
              FROM alarms a
              GROUP BY a.device_id),
            cp AS (
              SELECT x.device_id, COUNT(*) AS complaints
              FROM (
                SELECT c.device_id, c.reference
                FROM ck_complaints c
                WHERE c.received_at >= @complaint_from{Filter("c.device_id", "c")}
                UNION
                SELECT d.id, t.business_key
                FROM wf_tasks t JOIN reg_devices d ON d.equipment_code = t.subject_code
                WHERE t.process_key = @complaint_process AND t.created_at >= @complaint_from AND t.business_key IS NOT NULL{Filter("d.id", "t")}
              ) x
              GROUP BY x.device_id),
            base AS (
              SELECT d.id AS device_id, d.region_code, d.category, d.status, d.user_organisation_id, d.maintenance_organisation_id,
                     d.inspection_valid_until,
                     {life} AS life,
                     CASE WHEN {firstUse} IS NULL THEN 0 ELSE {d.FloorToInt(d.Greatest("0", d.DaysBetween("@today", firstUse)) + " / 365.25")} END AS age_years,
                     CASE WHEN d.status = {InUse} AND d.inspection_valid_until < @today THEN 1 ELSE 0 END AS overdue,
                     CASE WHEN d.status = {InUse} AND d.inspection_valid_until >= @today AND d.inspection_valid_until <= @due_until THEN 1 ELSE 0 END AS due_soon,
                     CASE WHEN d.status = {InUse} AND d.last_inspection_result = 2 THEN 1 ELSE 0 END AS failed,
                     CASE WHEN d.status = {InUse} AND d.category IN ({maintained})
                          THEN {d.Greatest("0", d.DaysBetween("@today", "COALESCE(d.last_maintained_on, d.first_used_on, d.installed_on, @today)"))} END AS maintenance_days
              FROM reg_devices d
              WHERE d.status IN ({tracked}){Filter("d.id", "d")}),
            facts AS (
              SELECT b.*,
                     CASE WHEN b.maintenance_days IS NULL THEN NULL ELSE {d.Greatest("0", "(b.maintenance_days - 1) / @cycle")} END AS missed,
                     COALESCE(al.entrapments, 0) AS entrapments, COALESCE(al.recent, 0) AS recent, COALESCE(al.faults, 0) AS faults,
                     COALESCE(al.today, 0) AS alarms_today, COALESCE(al.today_answered, 0) AS alarms_answered, COALESCE(al.today_seconds, 0) AS alarm_seconds,
                     COALESCE(hz.open_general, 0) AS open_general, COALESCE(hz.open_serious, 0) AS open_serious,
                     COALESCE(hz.open_30, 0) AS open_30, COALESCE(hz.open_90, 0) AS open_90, COALESCE(hz.open_old, 0) AS open_old,
                     COALESCE(hz.found_12, 0) AS found_12, COALESCE(hz.closed_12, 0) AS closed_12,
                     COALESCE(cp.complaints, 0) AS complaints,
                     CASE WHEN b.status = {InUse} THEN COALESCE(o.devices_in_use, 1) - 1 ELSE 0 END AS unit_others,
                     CASE WHEN b.status = {InUse} THEN COALESCE(o.devices_overdue, b.overdue) - b.overdue ELSE 0 END AS unit_others_overdue,
                     CASE WHEN b.status = {InUse} THEN COALESCE(o.certificate_gaps, 0) ELSE 0 END AS gaps
              FROM base b
              LEFT JOIN hz ON hz.device_id = b.device_id
              LEFT JOIN al ON al.device_id = b.device_id
              LEFT JOIN cp ON cp.device_id = b.device_id
              LEFT JOIN ck_org_risk o ON o.organisation_id = b.user_organisation_id),
            points AS (
              SELECT b.*,
                     {w}@w_age * {d.Least("1.0", $"{d.Double("b.age_years")} / {d.Double("b.life")}")} ELSE 0 END AS p_age,
                     {w}CASE WHEN b.age_years >= b.life THEN @w_beyond ELSE 0 END ELSE 0 END AS p_beyond,
                     {w}CASE WHEN b.overdue = 1 THEN @w_overdue ELSE 0 END ELSE 0 END AS p_overdue,
                     {w}CASE WHEN b.failed = 1 THEN @w_failed ELSE 0 END ELSE 0 END AS p_failed,
                     {w}{d.Least("@w_maintenance_cap", "@w_maintenance_each * COALESCE(b.missed, 0)")} ELSE 0 END AS p_maintenance,
                     {w}{d.Least("@w_entrapment_cap", "@w_entrapment_each * b.entrapments")} ELSE 0 END AS p_entrapments,
                     {w}{d.Least("@w_fault_cap", "@w_fault_each * b.faults")} ELSE 0 END AS p_faults,
                     {w}{d.Least("@w_hazard_cap", "(@w_general_each * b.open_general) + (@w_serious_each * b.open_serious)")} ELSE 0 END AS p_hazards,
                     {w}{d.Least("@w_complaint_cap", "@w_complaint_each * b.complaints")} ELSE 0 END AS p_complaints,
                     {w}@w_unit_overdue * (CASE WHEN b.unit_others > 0 THEN {d.Double("b.unit_others_overdue")} / {d.Double("b.unit_others")} ELSE 0 END) ELSE 0 END AS p_unit,
                     {w}{d.Least("@w_gap_cap", "@w_gap_each * b.gaps")} ELSE 0 END AS p_gaps
              FROM facts b),
            scored AS (
              SELECT p.*,
                     CASE WHEN p.status = {InUse} THEN {d.Least("100.0", "p.p_age + p.p_beyond + p.p_overdue + p.p_failed + p.p_maintenance + p.p_entrapments + p.p_faults + p.p_hazards + p.p_complaints + p.p_unit + p.p_gaps")} END AS score
              FROM points p)
            INSERT INTO ck_device_risk ({string.Join(", ", DeviceColumns)}, changed_on)
            SELECT s.device_id, s.region_code, s.category, s.status, s.user_organisation_id, s.maintenance_organisation_id, s.score,
                   CASE WHEN s.score IS NULL THEN NULL WHEN s.score >= @red_from THEN 3 WHEN s.score >= @orange_from THEN 2 WHEN s.score >= @yellow_from THEN 1 ELSE 0 END,
                   s.p_age, s.p_beyond, s.p_overdue, s.p_failed, s.p_maintenance, s.p_entrapments, s.p_faults, s.p_hazards, s.p_complaints, s.p_unit, s.p_gaps,
                   s.age_years, s.life, s.inspection_valid_until,
                   CASE WHEN s.overdue = 1 THEN TRUE ELSE FALSE END, CASE WHEN s.due_soon = 1 THEN TRUE ELSE FALSE END,
                   CASE WHEN s.failed = 1 THEN TRUE ELSE FALSE END,
                   s.maintenance_days, s.missed, s.entrapments, s.recent, s.faults, s.open_general, s.open_serious,
                   s.open_30, s.open_90, s.open_old, s.found_12, s.closed_12, s.alarms_today, s.alarms_answered, s.alarm_seconds, s.complaints,
                   s.unit_others, s.unit_others_overdue, s.gaps, @today
            FROM scored s
            WHERE TRUE
            ON CONFLICT (device_id) DO UPDATE SET
              {string.Join(", ", DeviceColumns.Skip(1).Append("changed_on").Select(c => $"{c} = excluded.{c}"))}
            WHERE {string.Join(" OR ", DeviceColumns.Skip(1).Select(c => dialect.Differs($"ck_device_risk.{c}", $"excluded.{c}")))}
            """;
    }

    /// <summary>Deletes rows of devices no longer tracked (final, or gone): all, or among <paramref name="devices"/>.</summary>
    public static void DeviceCleanup(DbCommand command, IReadOnlyCollection<long>? devices)
    {
        var filter = devices is null ? string.Empty : " AND " + SqlDialect.InList(command, "device_id", devices, "d");
        command.CommandText = $"""
            DELETE FROM ck_device_risk
            WHERE NOT EXISTS (
              SELECT 1 FROM reg_devices d
              WHERE d.id = ck_device_risk.device_id
                AND d.status IN ({(int)EquipmentStatus.UnderConstruction}, {InUse}, {(int)EquipmentStatus.Suspended})){filter}
            """;
    }

    private void AddDates(DbCommand command)
    {
        SqlDialect.Add(command, "@today", dialect.Date(Today));
        SqlDialect.Add(command, "@due_until", dialect.Date(Today.AddDays(risk.InspectionDueDays)));
        SqlDialect.Add(command, "@expiring_until", dialect.Date(Today.AddDays(risk.CertificateExpiringDays)));
        SqlDialect.Add(command, "@day30", dialect.Date(Today.AddDays(-30)));
        SqlDialect.Add(command, "@day90", dialect.Date(Today.AddDays(-90)));
        SqlDialect.Add(command, "@year_start", dialect.Date(Today.AddMonths(-12)));
        SqlDialect.Add(command, "@day_start", dialect.Instant(DayStart));
        SqlDialect.Add(command, "@alarm_from", dialect.Instant(DayStart.AddDays(1 - risk.AlarmWindowDays)));
        SqlDialect.Add(command, "@recent_from", dialect.Instant(DayStart.AddDays(1 - warnings.RepeatedEntrapmentDays)));
        SqlDialect.Add(command, "@complaint_from", dialect.Instant(DayStart.AddDays(1 - risk.ComplaintWindowDays)));
        SqlDialect.Add(command, "@complaint_process", ComplaintProcess);
    }

    private void AddWeights(DbCommand command)
    {
        var w = risk.Weights;
        SqlDialect.Add(command, "@w_age", w.Age);
        SqlDialect.Add(command, "@w_beyond", w.BeyondDesignLife);
        SqlDialect.Add(command, "@w_overdue", w.InspectionOverdue);
        SqlDialect.Add(command, "@w_failed", w.InspectionFailed);
        SqlDialect.Add(command, "@w_maintenance_each", w.MaintenanceMissedEach);
        SqlDialect.Add(command, "@w_maintenance_cap", w.MaintenanceMissedCap);
        SqlDialect.Add(command, "@w_entrapment_each", w.EntrapmentEach);
        SqlDialect.Add(command, "@w_entrapment_cap", w.EntrapmentCap);
        SqlDialect.Add(command, "@w_fault_each", w.FaultEach);
        SqlDialect.Add(command, "@w_fault_cap", w.FaultCap);
        SqlDialect.Add(command, "@w_general_each", w.GeneralHazardEach);
        SqlDialect.Add(command, "@w_serious_each", w.SeriousHazardEach);
        SqlDialect.Add(command, "@w_hazard_cap", w.HazardCap);
        SqlDialect.Add(command, "@w_complaint_each", w.ComplaintEach);
        SqlDialect.Add(command, "@w_complaint_cap", w.ComplaintCap);
        SqlDialect.Add(command, "@w_unit_overdue", w.UnitOverdue);
        SqlDialect.Add(command, "@w_gap_each", w.CertificateGapEach);
        SqlDialect.Add(command, "@w_gap_cap", w.CertificateGapCap);
        SqlDialect.Add(command, "@red_from", risk.RedFrom);
        SqlDialect.Add(command, "@orange_from", risk.OrangeFrom);
        SqlDialect.Add(command, "@yellow_from", risk.YellowFrom);
        SqlDialect.Add(command, "@cycle", risk.MaintenanceCycleDays);
    }

    private string EntrapmentCodes(DbCommand command)
    {
        var names = new List<string>();
        for (var i = 0; i < risk.EntrapmentFaultCodes.Length; i++)
        {
            SqlDialect.Add(command, $"@ec{i}", risk.EntrapmentFaultCodes[i]);
            names.Add($"@ec{i}");
        }

        return string.Join(", ", names);
    }
}
