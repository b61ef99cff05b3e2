using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>The signed-in analyst's name, recorded as who saved, published, started or migrated.</summary>
internal static class AdminUser
{
    /// <summary>The user name; the pages require sign-in, so an anonymous state is a bug.</summary>
    public static async Task<string> NameAsync(Task<AuthenticationState>? state)
    {
        var user = state is null ? null : (await state).User;
        return user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("Internal bug: an admin page acted without a signed-in user, please report.");
    }
}
