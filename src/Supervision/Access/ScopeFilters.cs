using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;

namespace ApprovalHub.Supervision.Access;

/// <summary>
/// The one place where an <see cref="AccessScope"/> becomes a WHERE clause: region prefix on the
/// region code, organisation ids on the user, maintenance and inspection organisation columns.
/// </summary>
public static class ScopeFilters
{
    /// <summary>The devices <paramref name="scope"/> may read. The public scope reads none here: it only gets the QR facts.</summary>
    public static IQueryable<Device> VisibleTo(this IQueryable<Device> devices, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (scope.Kind)
        {
            case ScopeKind.Unrestricted:
                return devices;
            case ScopeKind.Restricted:
                var prefix = scope.RegionPrefix;
                var ids = scope.OrganisationIds.ToArray();
                if (prefix is null && ids.Length == 0)
                {
                    return devices.Where(_ => false);
                }

                if (ids.Length == 0)
                {
                    return devices.Where(d => d.RegionCode.StartsWith(prefix!));
                }

                return prefix is null
                    ? devices.Where(d => ids.Contains(d.UserOrganisationId)
                        || (d.MaintenanceOrganisationId != null && ids.Contains(d.MaintenanceOrganisationId.Value))
                        || (d.InspectionOrganisationId != null && ids.Contains(d.InspectionOrganisationId.Value)))
                    : devices.Where(d => d.RegionCode.StartsWith(prefix)
                        || ids.Contains(d.UserOrganisationId)
                        || (d.MaintenanceOrganisationId != null && ids.Contains(d.MaintenanceOrganisationId.Value))
                        || (d.InspectionOrganisationId != null && ids.Contains(d.InspectionOrganisationId.Value)));
            default:
                return devices.Where(_ => false);
        }
    }

    /// <summary>The organisations <paramref name="scope"/> may read: its own, and those seated in its region.</summary>
    public static IQueryable<Organisation> VisibleTo(this IQueryable<Organisation> organisations, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsUnrestricted)
        {
            return organisations;
        }

        if (scope.Kind != ScopeKind.Restricted)
        {
            return organisations.Where(_ => false);
        }

        var prefix = scope.RegionPrefix;
        var ids = scope.OrganisationIds.ToArray();
        return prefix is null
            ? organisations.Where(o => ids.Contains(o.Id))
            : organisations.Where(o => o.RegionCode.StartsWith(prefix) || ids.Contains(o.Id));
    }
}
