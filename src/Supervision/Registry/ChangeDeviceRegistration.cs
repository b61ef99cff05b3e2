using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// 变更登记: relocation (移装, new region and address), transfer (过户, new use unit) or a new
/// maintenance unit. Fields left null stay as they are. The change is recorded as a registration
/// event naming what changed, and the rollups follow a relocation, in one transaction.
/// </summary>
public sealed record ChangeDeviceRegistration(AccessScope Scope, long DeviceId) : ICommand<DeviceDetails?>
{
    /// <summary>New street or county code (移装).</summary>
    public string? RegionCode { get; init; }

    /// <summary>New address.</summary>
    public string? Address { get; init; }

    /// <summary>New 使用单位, by 统一社会信用代码 (过户).</summary>
    public string? UserUnitCreditCode { get; init; }

    /// <summary>New 维保单位, by 统一社会信用代码.</summary>
    public string? MaintenanceUnitCreditCode { get; init; }
}

internal sealed class ChangeDeviceRegistrationHandler(RegistryDbContext db, TimeProvider timeProvider, IMediator mediator)
    : ICommandHandler<ChangeDeviceRegistration, DeviceDetails?>
{
    public async ValueTask<DeviceDetails?> Handle(ChangeDeviceRegistration command, CancellationToken cancellationToken)
    {
        var device = await db.Devices.VisibleTo(command.Scope).FirstOrDefaultAsync(d => d.Id == command.DeviceId, cancellationToken);
        if (device is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var changes = new List<string>();
        var before = (device.RegionCode, device.Category, device.Status);
        if (command.RegionCode is { } region)
        {
            if (!RegionCodes.TryValidate(region, out var error))
            {
                errors.Add(nameof(command.RegionCode), error);
            }
            else if (!await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
            {
                errors.Add(nameof(command.RegionCode), $"Region {region} is not in the registry's region table.");
            }
            else if (!command.Scope.Covers(region, device.UserOrganisationId, device.MaintenanceOrganisationId))
            {
                errors.Add(nameof(command.RegionCode), $"Your scope does not cover region {region}.");
            }
            else if (region != device.RegionCode)
            {
                changes.Add($"移装 {device.RegionCode} → {region}");
                device.RegionCode = region;
            }
        }

        if (command.Address is { } address)
        {
            if (string.IsNullOrWhiteSpace(address))
            {
                errors.Add(nameof(command.Address), "The new address is empty.");
            }
            else if (address.Trim() != device.Address)
            {
                changes.Add($"地址 {address.Trim()}");
                device.Address = address.Trim();
            }
        }

        if (await OrganisationAsync(command.UserUnitCreditCode, nameof(command.UserUnitCreditCode), errors, cancellationToken) is { } user && user != device.UserOrganisationId)
        {
            changes.Add($"过户 {device.UserOrganisationId} → {user}");
            device.UserOrganisationId = user;
        }

        if (await OrganisationAsync(command.MaintenanceUnitCreditCode, nameof(command.MaintenanceUnitCreditCode), errors, cancellationToken) is { } maintainer
            && maintainer != device.MaintenanceOrganisationId)
        {
            changes.Add($"维保单位 {device.MaintenanceOrganisationId} → {maintainer}");
            device.MaintenanceOrganisationId = maintainer;
        }

        if (errors.IsEmpty && changes.Count == 0)
        {
            errors.Add("change", "Nothing to change: give a new region, address, use unit or maintenance unit.");
        }

        errors.ThrowIfAny();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.RegistrationEvents.Add(new RegistrationEvent
            {
                DeviceId = device.Id,
                Kind = RegistrationEventKind.Changed,
                OccurredOn = timeProvider.Today(),
                Detail = string.Join("；", changes),
            });
            await db.SaveChangesAsync(ct);
            await RegionRollups.ApplyAsync(db, before, (device.RegionCode, device.Category, device.Status), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return await mediator.Send(new GetDevice(command.Scope, device.Id), cancellationToken);
    }

    private async Task<long?> OrganisationAsync(string? creditCode, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (creditCode is null)
        {
            return null;
        }

        if (!CreditCode.TryParse(creditCode, out var code, out var error))
        {
            errors.Add(field, error);
            return null;
        }

        var id = await db.Organisations.Where(o => o.CreditCode == code.Value).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(field, $"No organisation with 统一社会信用代码 {code} is registered.");
        }

        return id;
    }
}
