using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>The signed-in user the case layer acts for (it decides scope and rights from the principal).</summary>
internal static class TaskUser
{
    /// <summary>The user of the circuit; the pages require sign-in, so an anonymous state is a bug.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(Task<AuthenticationState>? state)
    {
        var user = state is null ? null : (await state).User;
        return user?.Identity?.IsAuthenticated == true
            ? user
            : throw new InvalidOperationException("Internal bug: a task page ran without a signed-in user, please report.");
    }
}
