using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Iot;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// Issues and checks per-device MQTT secrets. A secret is shown once, when issued; the database
/// keeps its hash. Issuing again rotates it (the old secret stops working at the next connect).
/// </summary>
public sealed class DeviceCredentials(Func<IotDbContext> contexts, IServiceScopeFactory scopes, TimeProvider time, ILogger<DeviceCredentials> logger)
{
    /// <summary>Why an issue was refused.</summary>
    public enum IssueFailure
    {
        /// <summary>No such device, or not visible to the caller (the same answer, so ids cannot be probed).</summary>
        NotFound,

        /// <summary>Visible but not the caller's to manage.</summary>
        Forbidden,
    }

    /// <summary>
    /// Issues a new secret for the device <paramref name="equipmentCode"/> when the caller may manage
    /// it: <paramref name="managesAny"/> (administrators, the CLI) or the device's use unit. Others who
    /// can see the device (a regulator of its region) are refused; others get "not found".
    /// </summary>
    public async Task<(string? Secret, IssueFailure? Failure)> IssueAsync(string equipmentCode, AccessScope scope, bool managesAny, string issuedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var registryScope = scopes.CreateAsyncScope();
        var registry = registryScope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var device = await registry.Devices.AsNoTracking()
            .Where(d => d.EquipmentCode == equipmentCode)
            .Select(d => new { d.Id, d.RegionCode, d.UserOrganisationId, d.MaintenanceOrganisationId, d.InspectionOrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (device is null || !scope.Covers(device.RegionCode, device.UserOrganisationId, device.MaintenanceOrganisationId, device.InspectionOrganisationId))
        {
            return (null, IssueFailure.NotFound);
        }

        if (!managesAny && !scope.CoversOrganisation(device.UserOrganisationId))
        {
            return (null, IssueFailure.Forbidden);
        }

        var secret = DeviceSecrets.NewSecret();
        var hash = DeviceSecrets.Hash(secret);
        await using var db = contexts();
        var row = await db.Credentials.FirstOrDefaultAsync(c => c.EquipmentCode == equipmentCode, cancellationToken);
        if (row is null)
        {
            db.Credentials.Add(new DeviceCredential
            {
                EquipmentCode = equipmentCode, DeviceId = device.Id, OrganisationId = device.UserOrganisationId, RegionCode = device.RegionCode,
                SecretHash = hash, IssuedAt = time.GetUtcNow(), IssuedBy = issuedBy,
            });
        }
        else
        {
            row.SecretHash = hash;
            row.IssuedAt = time.GetUtcNow();
            row.IssuedBy = issuedBy;
            row.OrganisationId = device.UserOrganisationId;
            row.RegionCode = device.RegionCode;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.CredentialIssued(equipmentCode, issuedBy);
        return (secret, null);
    }

    /// <summary>True when <paramref name="secret"/> is the current secret of <paramref name="equipmentCode"/>.</summary>
    public async Task<bool> VerifyAsync(string equipmentCode, string? secret, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        var hash = await db.Credentials.AsNoTracking()
            .Where(c => c.EquipmentCode == equipmentCode)
            .Select(c => c.SecretHash)
            .FirstOrDefaultAsync(cancellationToken);
        return DeviceSecrets.Verify(secret, hash);
    }

    /// <summary>Every (user name, hash) pair, for the Mosquitto password file.</summary>
    public async Task<IReadOnlyList<(string User, string Hash)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts();
        var rows = await db.Credentials.AsNoTracking().OrderBy(c => c.EquipmentCode)
            .Select(c => new { c.EquipmentCode, c.SecretHash })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.EquipmentCode, r.SecretHash))];
    }
}
