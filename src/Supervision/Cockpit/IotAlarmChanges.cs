using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// The devices whose IoT alarms (issue #9, table <c>iot_alarms</c>) were raised, acknowledged or
/// cleared since an instant: the IoT context saves through its own DbContext, so the cockpit asks
/// instead of being told.
/// </summary>
public static class IotAlarmChanges
{
    /// <summary>The table, when the IoT context is installed.</summary>
    public const string Table = "iot_alarms";

    /// <summary>Device ids with an alarm change at or after <paramref name="since"/>; empty when there is no IoT table.</summary>
    public static async Task<IReadOnlyList<long>> DevicesSinceAsync(CockpitDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await RegistryLookups.TableExistsAsync(db, Table, cancellationToken))
        {
            return [];
        }

        var at = db.Dialect.Instant(since);
        return await db.Database.SqlQueryRaw<long>(
                "SELECT DISTINCT device_id AS \"Value\" FROM iot_alarms WHERE raised_at >= {0} OR acknowledged_at >= {0} OR cleared_at >= {0}", at)
            .ToListAsync(cancellationToken);
    }
}
