using System.Security.Claims;
using ApprovalHub.Supervision.Cases.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalHub.Admin.Blazor.Components.Portal;

/// <summary>
/// What every portal page shares: the signed-in user (the case layer and the registry answer for
/// them, never for "whoever is asking"), a token cancelled when the page goes away, and the case
/// layer's refusals shown as a message instead of an error page.
/// </summary>
public abstract class PortalPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private ClaimsPrincipal? _user;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Cancelled when the user leaves the page.</summary>
    protected CancellationToken Aborted => _disposed.Token;

    /// <summary>A refusal of the case layer to show (not found, not allowed, conflict), or null.</summary>
    protected string? Refusal { get; set; }

    /// <summary>The signed-in user; an anonymous principal when there is none.</summary>
    protected async Task<ClaimsPrincipal> UserAsync()
    {
        _user ??= AuthenticationState is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await AuthenticationState).User;
        return _user;
    }

    /// <summary>The signed-in user's name, as the engine knows them (the assignee of their tasks).</summary>
    protected async Task<string?> UserNameAsync()
    {
        var user = await UserAsync();
        return user.FindFirst("name")?.Value ?? user.Identity?.Name;
    }

    /// <summary>Runs a call of the case layer; a refusal becomes <see cref="Refusal"/> and the result is default.</summary>
    protected async Task<T?> TryAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            Refusal = null;
            return await call();
        }
        catch (CaseException ex) when (ex.Kind != CaseErrorKind.Invalid)
        {
            Refusal = ex.Message;
            return default;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
