using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>The signed-in user the case layer acts for (it decides scope and rights from the principal).</summary>
internal static class TaskUser
{
    /// <summary>The roles whose work the queue is: regulators and inspection bodies (host's Security/Roles.cs).</summary>
    public const string OfficialRoles = "regulator,inspector";

    /// <summary>The user of the circuit; an anonymous principal when there is none (the host requires sign-in).</summary>
    public static async Task<ClaimsPrincipal> CurrentAsync(Task<AuthenticationState>? state) =>
        state is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await state).User;

    /// <summary>
    /// True for a regulator or an inspection body. The pages check it before asking the case layer
    /// anything: the menu entry is hidden from others, but hiding a link is not access control.
    /// Enterprises and producers have their cases in the portal.
    /// </summary>
    public static bool IsOfficial(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && OfficialRoles.Split(',').Any(user.IsInRole);
}
