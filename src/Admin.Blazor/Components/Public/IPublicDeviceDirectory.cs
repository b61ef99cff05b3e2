using ApprovalHub.Supervision.Traceability;

namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>The public facts behind a device's QR code (一码追溯); the host answers them from the registry.</summary>
public interface IPublicDeviceDirectory
{
    /// <summary>The device's public facts, or null when no device has this 设备代码.</summary>
    Task<PublicDeviceFacts?> FindAsync(string equipmentCode, CancellationToken cancellationToken);
}
