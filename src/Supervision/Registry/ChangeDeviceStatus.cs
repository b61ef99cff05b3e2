using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// Moves a device to another status (停用, 启用, 报废, 注销 …). An illegal move throws
/// <see cref="IllegalStatusTransitionException"/>, whose message names both states. The event and
/// the rollup counts are written in the same transaction as the status.
/// </summary>
public sealed record ChangeDeviceStatus(AccessScope Scope, long DeviceId, EquipmentStatus Status) : ICommand<DeviceDetails?>
{
    /// <summary>What happened, in words (kept on the registration event).</summary>
    public string? Detail { get; init; }
}

internal sealed class ChangeDeviceStatusHandler(RegistryDbContext db, TimeProvider timeProvider, IMediator mediator)
    : ICommandHandler<ChangeDeviceStatus, DeviceDetails?>
{
    public async ValueTask<DeviceDetails?> Handle(ChangeDeviceStatus command, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var changed = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var device = await db.Devices.VisibleTo(command.Scope).FirstOrDefaultAsync(d => d.Id == command.DeviceId, ct);
            if (device is null)
            {
                return false;
            }

            var before = device.Status;
            device.MoveTo(command.Status);
            var today = timeProvider.Today();
            if (command.Status is EquipmentStatus.Cancelled or EquipmentStatus.Scrapped)
            {
                device.NextDueOn = null;
            }
            else if (command.Status == EquipmentStatus.InUse && device.FirstUsedOn is null)
            {
                device.FirstUsedOn = today;
            }

            db.RegistrationEvents.Add(new RegistrationEvent
            {
                DeviceId = device.Id,
                Kind = EventFor(before, command.Status),
                OccurredOn = today,
                Detail = command.Detail,
            });
            await db.SaveChangesAsync(ct);
            await RegionRollups.ApplyAsync(db, (device.RegionCode, device.Category, before), (device.RegionCode, device.Category, device.Status), ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return changed ? await mediator.Send(new GetDevice(command.Scope, command.DeviceId), cancellationToken) : null;
    }

    private static RegistrationEventKind EventFor(EquipmentStatus from, EquipmentStatus to) => to switch
    {
        EquipmentStatus.InUse when from == EquipmentStatus.Suspended => RegistrationEventKind.Resumed,
        EquipmentStatus.InUse => RegistrationEventKind.Registered,
        EquipmentStatus.Suspended => RegistrationEventKind.Suspended,
        EquipmentStatus.Scrapped => RegistrationEventKind.Scrapped,
        EquipmentStatus.Cancelled => RegistrationEventKind.Cancelled,
        _ => throw new InvalidOperationException($"Internal bug: no registration event for a move to {to}, please report."),
    };
}
