using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>
/// A first run over a registry full of causes must not flood the queues: every warning is recorded
/// at once, but at most <c>Warnings:MaxNewCasesPerRun</c> cases open per run, oldest warnings first.
/// Both stores.
/// </summary>
public abstract class WarningCaseLimitTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cases_open_at_most_the_configured_number_per_run_oldest_warnings_first()
    {
        // The first start recorded the warnings without cases; a node with a small limit runs the nights.
        var settings = database.Settings();
        settings["Warnings:MaxNewCasesPerRun"] = "2";
        settings["Jobs:Enabled"] = "false";
        await using var limited = new ApprovalHubFactory(settings);
        var recalculator = limited.Services.GetRequiredService<RiskRecalculator>();

        var first = await recalculator.RecomputeAllAsync("nightly", Cancellation);
        var (open, withCase) = await CountsAsync();
        Assert.True(open > 4, $"the demo province should raise more than 4 warnings, not {open}");
        Assert.Equal((2, 2), (first.CasesOpened, withCase));

        var second = await recalculator.RecomputeAllAsync("nightly", Cancellation);
        Assert.Equal((2, 4), (second.CasesOpened, (await CountsAsync()).WithCase));

        var order = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Where(w => w.ClosedAt == null)
            .OrderBy(w => w.OpenedAt).ThenBy(w => w.Id).Select(w => w.CaseInstanceId != null).ToListAsync(Cancellation));
        Assert.Equal([true, true, true, true], order.Take(4));
        Assert.All(order.Skip(4), hasCase => Assert.False(hasCase));
    }

    private Task<(int Open, int WithCase)> CountsAsync() => database.WithAsync(async (_, cockpit) => (
        await cockpit.Warnings.CountAsync(w => w.ClosedAt == null, Cancellation),
        await cockpit.Warnings.CountAsync(w => w.ClosedAt == null && w.CaseInstanceId != null, Cancellation)));
}

public sealed class SqliteWarningCaseLimitTests(SqliteDatabase database)
    : WarningCaseLimitTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresWarningCaseLimitTests(PostgresDatabase database)
    : WarningCaseLimitTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
