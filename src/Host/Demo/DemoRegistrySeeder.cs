using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Seeding;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Demo;

/// <summary>
/// Loads the shipped regions into an empty region table (always), then, in demo mode, fills an empty registry with a small generated province
/// (<c>Registry:DemoDevices</c>, 20,000 by default) on first start; a registry that holds anything
/// is left alone, so restarts cost nothing.
/// </summary>
internal sealed class DemoRegistrySeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> demo,
    IOptions<RegistryOptions> registry,
    TimeProvider timeProvider,
    ILogger<DemoRegistrySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = registry.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (!demo.Value.Enabled || options.DemoDevices == 0)
        {
            await RegistrySeeding.EnsureRegionsAsync(db, cancellationToken);
            return;
        }

        if (!await RegistrySeeding.IsEmptyAsync(db, cancellationToken))
        {
            return;
        }

        var started = timeProvider.GetTimestamp();
        var plan = new SeedPlan { Devices = options.DemoDevices, Seed = options.DemoSeed, AsOf = timeProvider.Today(), IdNumberPepper = options.IdNumberPepper };
        var result = await RegistrySeeding.SeedAsync(db, plan, options, replace: false, progress: null, cancellationToken);
        logger.DemoRegistrySeeded(result.Devices, result.Organisations, result.People, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
