using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Registry;

namespace ApprovalHub.Admin.Blazor.Tests.Registry;

/// <summary>Device records in memory, recording who asked for which id.</summary>
internal sealed class FakeDeviceRecords : IDeviceRecords
{
    public Dictionary<long, DeviceRecord> Records { get; } = [];

    public List<long> Asked { get; } = [];

    public Task<DeviceRecord?> GetAsync(ClaimsPrincipal user, long deviceId, CancellationToken cancellationToken)
    {
        Asked.Add(deviceId);
        return Task.FromResult(Records.GetValueOrDefault(deviceId));
    }
}
