using System.Collections.Concurrent;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// The registry facts of devices by 设备代码, cached for a few minutes: every message needs them and
/// they change rarely (a transfer or a new maintenance contract shows up after the cache expires).
/// </summary>
public sealed class DeviceDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DeviceFacts? Facts, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>The device, or null when the registry does not know the code.</summary>
    public async ValueTask<DeviceFacts?> FindAsync(string equipmentCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(equipmentCode, out var hit) && hit.Expires > now)
        {
            return hit.Facts;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var facts = await db.Devices.AsNoTracking()
            .Where(d => d.EquipmentCode == equipmentCode)
            .Select(d => new DeviceFacts(d.Id, d.EquipmentCode, d.Category, d.RegionCode, d.UserOrganisationId, d.MaintenanceOrganisationId, d.RescueCode))
            .FirstOrDefaultAsync(cancellationToken);
        _cache[equipmentCode] = (facts, now + (facts is null ? UnknownLifetime : Lifetime));
        return facts;
    }

    /// <summary>
    /// Several devices at once (a telemetry batch): the ones not cached are read in one query, so a
    /// cold cache costs a round trip per batch, not one per device.
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<string, DeviceFacts>> FindManyAsync(IEnumerable<string> equipmentCodes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = new Dictionary<string, DeviceFacts>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var code in equipmentCodes.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(code, out var hit) && hit.Expires > now)
            {
                if (hit.Facts is not null)
                {
                    found[code] = hit.Facts;
                }
            }
            else
            {
                missing.Add(code);
            }
        }

        foreach (var chunk in missing.Chunk(1000))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var rows = await db.Devices.AsNoTracking()
                .Where(d => chunk.Contains(d.EquipmentCode))
                .Select(d => new DeviceFacts(d.Id, d.EquipmentCode, d.Category, d.RegionCode, d.UserOrganisationId, d.MaintenanceOrganisationId, d.RescueCode))
                .ToListAsync(cancellationToken);
            var byCode = rows.ToDictionary(r => r.EquipmentCode, StringComparer.Ordinal);
            foreach (var code in chunk)
            {
                var facts = byCode.GetValueOrDefault(code);
                _cache[code] = (facts, now + (facts is null ? UnknownLifetime : Lifetime));
                if (facts is not null)
                {
                    found[code] = facts;
                }
            }
        }

        return found;
    }

    /// <summary>Forgets a device (after a credential or registry change made here).</summary>
    public void Forget(string equipmentCode) => _cache.TryRemove(equipmentCode, out _);

    /// <summary>Marks the device's alarm flag in the registry (shown on the public QR page: 有未解除告警).</summary>
    public async Task SetAlarmFlagAsync(long deviceId, bool active, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await db.Devices.Where(d => d.Id == deviceId && d.AlarmActive != active)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.AlarmActive, active), cancellationToken);
    }
}
