using System.Security.Claims;
using ApprovalHub.Supervision.Registry;

namespace ApprovalHub.Admin.Blazor.Components.Registry;

/// <summary>
/// A device's record (档案) for officials: the registry's file and its lifecycle with the cases
/// run for it. The host implements it with the registry's own scoped queries, so a device outside
/// the caller's region or organisation is simply not found; tests use a fake.
/// </summary>
public interface IDeviceRecords
{
    /// <summary>The device with its timeline, or null when there is none the caller may see.</summary>
    Task<DeviceRecord?> GetAsync(ClaimsPrincipal user, long deviceId, CancellationToken cancellationToken);
}

/// <summary>A device's file and its lifecycle.</summary>
/// <param name="Device">The registry's file with the derived deadlines.</param>
/// <param name="CertificatePdfUrl">Where the use-registration e-certificate PDF is downloaded, when the platform issued one.</param>
/// <param name="Timeline">What happened to the device, newest first.</param>
public sealed record DeviceRecord(DeviceDetails Device, string? CertificatePdfUrl, IReadOnlyList<DeviceRecordEntry> Timeline);

/// <summary>One entry of a device's lifecycle.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Kind">The registry's machine-readable kind (<c>inspection</c>, <c>hazard.found</c>, <c>case.started</c> …), localised by the page.</param>
/// <param name="Title">What happened, as the registry records it (Chinese).</param>
/// <param name="Detail">Details: conclusion, report number, application number …</param>
/// <param name="CaseUrl">The officials' case page (/tasks/cases/{instanceId}) when the entry is a case.</param>
public sealed record DeviceRecordEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? CaseUrl);
