using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Turns a principal, or a user name (the target of a transfer or a copy), into a <see cref="CaseCaller"/>:
/// the claims give roles, region and organisation; the registry says whether the organisation is
/// a maintenance unit (维保单位), which adds the <c>maintenance</c> group.
/// </summary>
internal sealed class CaseCallers(IServiceScopeFactory scopes)
{
    /// <summary>The caller behind <paramref name="principal"/>.</summary>
    public async Task<CaseCaller> FromAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var caller = CaseCaller.FromClaims(principal);
        if (!caller.IsSignedIn || caller.OrganisationIds.Count == 0
            || !(caller.HasRole(Roles.Enterprise) || caller.HasRole(Roles.Producer)))
        {
            return caller;
        }

        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var ids = caller.OrganisationIds.ToList();
        var maintains = await registry.Organisations.AsNoTracking()
            .AnyAsync(o => ids.Contains(o.Id) && (o.Roles & OrganisationRoles.MaintenanceUnit) == OrganisationRoles.MaintenanceUnit, cancellationToken);
        return maintains ? caller with { Groups = [.. caller.Groups, CatalogParty.MaintenanceRole] } : caller;
    }

    /// <summary>
    /// The user named <paramref name="userName"/> as a caller, or null when there is no such
    /// user or the account is locked: transfers, delegations, copies and signers go to people
    /// who can act.
    /// </summary>
    public async Task<CaseCaller?> FindUserAsync(string userName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApprovalHubUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApprovalHubUser>>();
        return await FromAsync(await factory.CreateAsync(user), cancellationToken);
    }
}
