using ApprovalHub.Host.Database;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// Applies the cockpit's migrations (its own history, <c>__ck_migrations</c>) after the registry's,
/// then, on the first start with devices on file, computes risk, warnings and figures once so the
/// cockpit has something to show before the first night. That first run records warnings but opens
/// no case: cases open in the scheduled runs (or <c>POST /api/cockpit/recompute</c>).
/// </summary>
internal sealed class CockpitInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<CockpitOptions> options,
    ILogger<CockpitInitializer> logger) : IHostedService
{
    /// <summary>The trigger recorded for the first-start run.</summary>
    public const string FirstStartTrigger = "first-start";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CockpitDbContext>();
        if (database.Value.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.MigrateAsync(ct), cancellationToken);
            if (pending > 0)
            {
                logger.CockpitMigrated(pending);
            }
        }

        if (!options.Value.RecomputeOnFirstStart || await db.Runs.AnyAsync(cancellationToken))
        {
            return;
        }

        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var devices = await registry.Devices.LongCountAsync(cancellationToken);
        if (devices == 0)
        {
            return;
        }

        logger.FirstStartRecompute(devices);
        await scope.ServiceProvider.GetRequiredService<RiskRecalculator>().RecomputeAllAsync(FirstStartTrigger, openCases: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
