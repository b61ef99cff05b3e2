using ApprovalHub.Host.Cockpit;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>Reads and changes a test host's registry and cockpit tables the way the application does.</summary>
internal static class CockpitData
{
    /// <summary>Runs <paramref name="work"/> with the host's registry and cockpit contexts in one scope.</summary>
    public static async Task<T> WithAsync<T>(this TestDatabase database, Func<RegistryDbContext, CockpitDbContext, Task<T>> work)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), scope.ServiceProvider.GetRequiredService<CockpitDbContext>());
    }

    /// <summary>Changes the registry through its context (so the change feed sees it) and waits until the cockpit has taken it in.</summary>
    public static async Task ChangeRegistryAsync(this TestDatabase database, Func<RegistryDbContext, Task> change, CancellationToken cancellationToken)
    {
        await using (var scope = database.Factory.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await change(registry);
            await registry.SaveChangesAsync(cancellationToken);
        }

        await database.Factory.Services.GetRequiredService<RiskChangeQueue>().WhenIdleAsync(cancellationToken);
    }

    /// <summary>The recompute of the host.</summary>
    public static RiskRecalculator Recalculator(this TestDatabase database) => database.Factory.Services.GetRequiredService<RiskRecalculator>();

    /// <summary>The figures of every region, summed independently from the device rows and open warnings (what the maintained table must equal).</summary>
    public static async Task<Dictionary<string, RegionFigures>> ExpectedFiguresAsync(CockpitDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.DeviceRisks.AsNoTracking().ToListAsync(cancellationToken);
        var warnings = await db.Warnings.AsNoTracking().Where(w => w.ClosedAt == null).ToListAsync(cancellationToken);
        var expected = new Dictionary<string, RegionFigures>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var code in Ancestors(row.RegionCode))
            {
                var figures = Get(expected, code);
                figures.Devices++;
                figures.InUse += row.Status == Supervision.Equipment.EquipmentStatus.InUse ? 1 : 0;
                figures.Overdue += row.Overdue ? 1 : 0;
                figures.DueSoon += row.DueSoon ? 1 : 0;
                figures.RiskBlue += row.Level == RiskLevel.Blue ? 1 : 0;
                figures.RiskYellow += row.Level == RiskLevel.Yellow ? 1 : 0;
                figures.RiskOrange += row.Level == RiskLevel.Orange ? 1 : 0;
                figures.RiskRed += row.Level == RiskLevel.Red ? 1 : 0;
                figures.HazardsOpenGeneral += row.OpenGeneralHazards;
                figures.HazardsOpenSerious += row.OpenSeriousHazards;
                figures.HazardsOpenUpTo30Days += row.HazardsOpenUpTo30Days;
                figures.HazardsOpen31To90Days += row.HazardsOpen31To90Days;
                figures.HazardsOpenOver90Days += row.HazardsOpenOver90Days;
                figures.HazardsFound12Months += row.HazardsFound12Months;
                figures.HazardsClosed12Months += row.HazardsClosed12Months;
                figures.AlarmsToday += row.AlarmsToday;
                figures.AlarmsTodayAnswered += row.AlarmsTodayAnswered;
                figures.AlarmResponseSecondsToday += row.AlarmResponseSecondsToday;
            }
        }

        foreach (var warning in warnings)
        {
            foreach (var code in Ancestors(warning.RegionCode))
            {
                var figures = Get(expected, code);
                switch (warning.Rule)
                {
                    case Supervision.Warnings.WarningRule.InspectionDue: figures.WarningsInspectionDue++; break;
                    case Supervision.Warnings.WarningRule.InspectionOverdue: figures.WarningsInspectionOverdue++; break;
                    case Supervision.Warnings.WarningRule.MaintenanceMissed: figures.WarningsMaintenanceMissed++; break;
                    case Supervision.Warnings.WarningRule.OperatorCertificate: figures.WarningsOperatorCertificate++; break;
                    case Supervision.Warnings.WarningRule.RiskRed: figures.WarningsRiskRed++; break;
                    case Supervision.Warnings.WarningRule.RepeatedEntrapment: figures.WarningsRepeatedEntrapment++; break;
                }
            }
        }

        return expected;
    }

    /// <summary>The maintained figures, without regions whose every figure is zero.</summary>
    public static async Task<Dictionary<string, RegionFigures>> StoredFiguresAsync(CockpitDbContext db, CancellationToken cancellationToken) =>
        (await db.RegionFigures.AsNoTracking().ToListAsync(cancellationToken))
        .Where(f => Values(f).Any(v => v != 0))
        .ToDictionary(f => f.RegionCode, StringComparer.Ordinal);

    /// <summary>Every figure of a row, in a fixed order, for comparisons.</summary>
    public static long[] Values(RegionFigures f) =>
    [
        f.Devices, f.InUse, f.Overdue, f.DueSoon, f.RiskBlue, f.RiskYellow, f.RiskOrange, f.RiskRed, f.HazardsOpenGeneral, f.HazardsOpenSerious,
        f.HazardsOpenUpTo30Days, f.HazardsOpen31To90Days, f.HazardsOpenOver90Days, f.HazardsFound12Months, f.HazardsClosed12Months, f.AlarmsToday,
        f.AlarmsTodayAnswered, f.AlarmResponseSecondsToday, f.WarningsInspectionDue, f.WarningsInspectionOverdue, f.WarningsMaintenanceMissed,
        f.WarningsOperatorCertificate, f.WarningsRiskRed, f.WarningsRepeatedEntrapment,
    ];

    /// <summary>Asserts that the maintained figures equal the independent sums, region by region.</summary>
    public static async Task AssertFiguresAddUpAsync(this TestDatabase database, CancellationToken cancellationToken)
    {
        var (expected, stored) = await database.WithAsync(async (_, db) => (await ExpectedFiguresAsync(db, cancellationToken), await StoredFiguresAsync(db, cancellationToken)));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, figures) in expected)
        {
            Assert.True(Values(figures).SequenceEqual(Values(stored[code])),
                $"{code}: expected [{string.Join(", ", Values(figures))}], stored [{string.Join(", ", Values(stored[code]))}]");
        }
    }

    private static RegionFigures Get(Dictionary<string, RegionFigures> figures, string code)
    {
        if (!figures.TryGetValue(code, out var f))
        {
            figures[code] = f = new RegionFigures { RegionCode = code };
        }

        return f;
    }

    // Each region a row lies in, once: a row filed at a city (330100) is in the city and the province,
    // not in a "county 330100" as well.
    private static IEnumerable<string> Ancestors(string code) =>
        new HashSet<string>(StringComparer.Ordinal)
        {
            RegionCodes.AncestorAt(code, RegionLevel.Province),
            RegionCodes.AncestorAt(code, RegionLevel.City),
            RegionCodes.AncestorAt(code, RegionLevel.County),
            code,
        };
}
