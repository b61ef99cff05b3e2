using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Persistence;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Users;

/// <summary>
/// Reads user accounts through the caller's scope: a regulator sees the accounts under its region,
/// an administrator all of them. A lookup outside the scope finds nothing, exactly as a lookup of
/// an id that does not exist, and is logged (3002).
/// </summary>
public sealed class UserDirectory(
    SecurityDbContext db,
    ICallerScopeAccessor caller,
    IHttpContextAccessor http,
    TimeProvider timeProvider,
    ILogger<UserDirectory> logger)
{
    /// <summary>The accounts the caller may see.</summary>
    public IQueryable<ApprovalHubUser> Visible() =>
        db.Users.WithinScope(caller.Current, u => u.RegionCode, u => u.OrganisationId);

    /// <summary>One account, or null when it does not exist or lies outside the caller's scope.</summary>
    public async Task<ApprovalHubUser?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await Visible().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null && await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            var scope = caller.Current;
            logger.ReadOutOfScope(http.HttpContext?.User.Identity?.Name ?? "system", CallerScopes.Describe(scope), "user", id);
        }

        return user;
    }

    /// <summary>The API view of one account, with its roles.</summary>
    public async Task<UserResponse> DescribeAsync(ApprovalHubUser user, CancellationToken cancellationToken) =>
        (await DescribeAsync([user], cancellationToken))[0];

    /// <summary>The API view of <paramref name="users"/>, with their roles, in one query for all.</summary>
    public async Task<List<UserResponse>> DescribeAsync(IReadOnlyList<ApprovalHubUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = timeProvider.GetUtcNow();
        return users.Select(u => new UserResponse(
                u.Id, u.UserName!, u.DisplayName, u.Email, u.PhoneNumber,
                byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.RegionCode, u.OrganisationId, u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAt))
            .ToList();
    }
}
