using System.Security.Claims;

namespace ApprovalHub.Host.Security;

/// <summary>The name under which a caller's changes are recorded (DeployedBy, draft author).</summary>
public static class Actors
{
    /// <summary>The signed-in user's name; endpoints that record an actor all require sign-in.</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("Internal bug: an endpoint that records its actor was reached without a signed-in user, please report.");
    }
}
