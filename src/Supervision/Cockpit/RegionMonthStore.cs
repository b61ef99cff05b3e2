using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Maintains <c>ck_region_months</c> for the 12-month trends: every full recompute recounts the
/// events of the last 12 months from their records (inspections, hazards found and closed, alarms,
/// warnings opened and closed) per region at every level, and stores the current month's state
/// (in use, overdue, red) from the figures it just rebuilt.
/// </summary>
internal static class RegionMonthStore
{
    /// <summary>Months shown in the trends.</summary>
    public const int Months = 12;

    private static readonly string[] EventColumns = ["inspections", "hazards_found", "hazards_closed", "alarms", "warnings_opened", "warnings_closed"];

    /// <summary>The first day of the first month of the trend window ending in <paramref name="today"/>'s month.</summary>
    public static DateOnly WindowStart(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);

    /// <summary>Recounts the window's events and records this month's state, on the caller's transaction.</summary>
    public static async Task RefreshAsync(CockpitDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var dialect = db.Dialect;
        var start = WindowStart(today);
        var startInstant = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), BusinessCalendarFiles.ChinaOffset);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        async Task ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            SqlDialect.Add(command, "@start", dialect.Date(start));
            SqlDialect.Add(command, "@start_instant", dialect.Instant(startInstant));
            SqlDialect.Add(command, "@month", dialect.Date(new DateOnly(today.Year, today.Month, 1)));
            SqlDialect.Add(command, "@keep_from", dialect.Date(start.AddMonths(-Months)));
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // 0/1 columns per event kind, in EventColumns order.
        string Row(string region, string month, int kind) =>
            $"SELECT {region} AS region_code, {month} AS ym, " + string.Join(", ", EventColumns.Select((c, i) => $"{(i == kind ? 1 : 0)} AS {c}"));

        var events = string.Join("\nUNION ALL\n",
        [
            Row("d.region_code", dialect.MonthOfDate("i.inspected_on"), 0) + " FROM reg_inspections i JOIN reg_devices d ON d.id = i.device_id WHERE i.inspected_on >= @start",
            Row("d.region_code", dialect.MonthOfDate("h.found_on"), 1) + " FROM reg_hazards h JOIN reg_devices d ON d.id = h.device_id WHERE h.found_on >= @start",
            Row("d.region_code", dialect.MonthOfDate("h.closed_on"), 2) + " FROM reg_hazards h JOIN reg_devices d ON d.id = h.device_id WHERE h.closed_on >= @start",
            Row("d.region_code", dialect.MonthOfInstant("a.raised_at"), 3) + " FROM reg_alarms a JOIN reg_devices d ON d.id = a.device_id WHERE a.raised_at >= @start_instant",
            Row("w.region_code", dialect.MonthOfInstant("w.opened_at"), 4) + " FROM ck_warnings w WHERE w.opened_at >= @start_instant",
            Row("w.region_code", dialect.MonthOfInstant("w.closed_at"), 5) + " FROM ck_warnings w WHERE w.closed_at >= @start_instant",
        ]);
        var sums = string.Join(", ", EventColumns.Select(c => $"SUM({c}) AS {c}"));
        var names = string.Join(", ", EventColumns);
        var rollup = RegionRollupSql.Levels("ym, " + names);
        var month = dialect.IsPostgres ? "CAST(ym || '-01' AS date)" : "ym || '-01'";

        await ExecuteAsync($"UPDATE ck_region_months SET {string.Join(", ", EventColumns.Select(c => $"{c} = 0"))} WHERE month >= @start");
        await ExecuteAsync($"""
            WITH ev AS ({events}),
            leaf AS (SELECT region_code, ym, {sums} FROM ev GROUP BY region_code, ym),
            levels AS ({rollup})
            INSERT INTO ck_region_months (region_code, month, {names})
            SELECT code, {month}, {string.Join(", ", EventColumns.Select(c => $"SUM({c})"))} FROM levels GROUP BY code, ym
            ON CONFLICT (region_code, month) DO UPDATE SET {string.Join(", ", EventColumns.Select(c => $"{c} = excluded.{c}"))}
            """);
        await ExecuteAsync($"""
            INSERT INTO ck_region_months (region_code, month, in_use, overdue, risk_red, {names})
            SELECT region_code, @month, in_use, overdue, risk_red, {string.Join(", ", EventColumns.Select(_ => "0"))} FROM ck_region_figures WHERE TRUE
            ON CONFLICT (region_code, month) DO UPDATE SET in_use = excluded.in_use, overdue = excluded.overdue, risk_red = excluded.risk_red
            """);
        await ExecuteAsync("DELETE FROM ck_region_months WHERE month < @keep_from");
    }
}
