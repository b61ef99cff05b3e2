using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>
/// The recompute on a real database holding the demo province: the SQL scores equal the model's,
/// every tracked device has its row, and the maintained figures equal the sums of the rows after
/// the full run and after incremental changes. Both stores.
/// </summary>
public abstract class RiskRecomputeTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_tracks_every_live_device_and_scores_those_in_use()
    {
        var (tracked, rows) = await database.WithAsync(async (registry, cockpit) => (
            await registry.Devices.Where(d => d.Status == EquipmentStatus.UnderConstruction || d.Status == EquipmentStatus.InUse || d.Status == EquipmentStatus.Suspended)
                .Select(d => new { d.Id, d.Status }).ToListAsync(Cancellation),
            await cockpit.DeviceRisks.AsNoTracking().ToListAsync(Cancellation)));

        Assert.Equal(tracked.Select(d => d.Id).Order(), rows.Select(r => r.DeviceId).Order());
        Assert.All(rows, r => Assert.Equal(r.Status == EquipmentStatus.InUse, r.Level is not null));
        Assert.Contains(rows, r => r.Level > RiskLevel.Blue);
        await database.AssertFiguresAddUpAsync(Cancellation);
    }

    [Fact]
    public async Task The_sql_scores_are_the_models_scores_factor_by_factor()
    {
        var model = database.Factory.Services.GetRequiredService<RiskModel>();
        var rows = await database.WithAsync((_, cockpit) => cockpit.DeviceRisks.AsNoTracking().Where(r => r.Status == EquipmentStatus.InUse).ToListAsync(Cancellation));

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var assessed = model.Assess(row.ToInputs());
            Assert.Equal(assessed.Score, row.Score!.Value, 9);
            Assert.Equal(assessed.Level, row.Level);
            foreach (var contribution in assessed.Contributions)
            {
                Assert.Equal(contribution.Points, row.StoredPoints()[contribution.Factor], 9);
            }
        }
    }
}

public sealed class SqliteRiskRecomputeTests(SqliteDatabase database)
    : RiskRecomputeTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresRiskRecomputeTests(PostgresDatabase database)
    : RiskRecomputeTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
