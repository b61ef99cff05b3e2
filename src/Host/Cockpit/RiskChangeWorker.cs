using ApprovalHub.Supervision.Risk;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// Drains the <see cref="RiskChangeQueue"/>: waits <see cref="CockpitOptions.ChangeDelay"/> to gather
/// what arrives together (an import saves thousands of rows), then recomputes the devices and units
/// in one incremental run. A failure is logged; the nightly run recomputes everything anyway.
/// </summary>
internal sealed class RiskChangeWorker(
    RiskChangeQueue queue,
    IRiskRecalculator recalculator,
    IOptions<CockpitOptions> options,
    ILogger<RiskChangeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(options.Value.ChangeDelay, stoppingToken);
            var batch = new List<RiskChange>();
            while (batch.Count < 10_000 && reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            var devices = batch.Where(c => c.DeviceId is not null).Select(c => c.DeviceId!.Value).ToHashSet();
            var organisations = batch.Where(c => c.OrganisationId is not null).Select(c => c.OrganisationId!.Value).ToHashSet();
            try
            {
                var people = batch.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList();
                if (people.Count > 0)
                {
                    await recalculator.PeopleChangedAsync(people, stoppingToken);
                }

                if (organisations.Count > 0)
                {
                    await recalculator.OrganisationsChangedAsync(organisations, stoppingToken);
                }

                if (devices.Count > 0)
                {
                    await recalculator.DevicesChangedAsync(devices, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.ChangesFailed(devices.Count, organisations.Count, ex);
            }
            finally
            {
                queue.Done(batch.Count);
            }
        }
    }
}
