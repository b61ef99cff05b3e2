using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Registry;

/// <summary>Registers one device; bad input throws <see cref="RegistryValidationException"/> with every field error.</summary>
public sealed record RegisterDevice(AccessScope Scope, DeviceInput Device) : ICommand<DeviceDetails>;

internal sealed class RegisterDeviceHandler(RegistryDbContext db, TimeProvider timeProvider, IOptions<RegistryOptions> options, IMediator mediator)
    : ICommandHandler<RegisterDevice, DeviceDetails>
{
    public async ValueTask<DeviceDetails> Handle(RegisterDevice command, CancellationToken cancellationToken)
    {
        var writer = new DeviceWriter(db, options.Value, timeProvider);
        var (devices, errors) = await writer.ValidateAsync(command.Scope, [command.Device], cancellationToken);
        if (errors.TryGetValue(0, out var problems))
        {
            throw new RegistryValidationException(problems.ToDictionary());
        }

        var device = devices[0]!;
        await writer.InsertAsync([device], cancellationToken);
        return await mediator.Send(new GetDevice(AccessScope.Unrestricted, device.Id), cancellationToken)
            ?? throw new InvalidOperationException($"Internal bug: device {device.Id} was inserted but cannot be read back, please report.");
    }
}
