using ApprovalHub.Supervision.Cockpit;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// Keeps risk scores, warnings and the cockpit figures up to date. Call it when an input of the
/// risk model changes: a device's row, an inspection, a maintenance visit, a hazard, an alarm or a
/// complaint (<see cref="DevicesChangedAsync"/>); a use unit's operators or certificates
/// (<see cref="OrganisationsChangedAsync"/>). The host calls it by itself for every change saved
/// through the registry's DbContext; other writers (the IoT alarms, the complaint endpoint) call it
/// after they commit. Calls are cheap and idempotent: they recompute from what is committed.
/// </summary>
public interface IRiskRecalculator
{
    /// <summary>Recomputes one device (and, if its use unit's record moved, the unit's other devices).</summary>
    Task DeviceChangedAsync(long deviceId, CancellationToken cancellationToken);

    /// <summary>Recomputes some devices (and the other devices of use units whose record moved).</summary>
    Task DevicesChangedAsync(IReadOnlyCollection<long> deviceIds, CancellationToken cancellationToken);

    /// <summary>Recomputes use units' records (operators, certificates) and, where they moved, their devices.</summary>
    Task OrganisationsChangedAsync(IReadOnlyCollection<long> organisationIds, CancellationToken cancellationToken);

    /// <summary>Recomputes the units that employ these people (their certificates changed).</summary>
    Task PeopleChangedAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes everything (the nightly run): every use unit and device, the warnings (opening new
    /// ones and their cases), the region figures and the trends. <paramref name="trigger"/> is recorded.
    /// </summary>
    Task<RecomputeRun> RecomputeAllAsync(string trigger, CancellationToken cancellationToken);
}
