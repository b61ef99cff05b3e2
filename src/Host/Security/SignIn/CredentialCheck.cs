using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Audit;
using Microsoft.AspNetCore.Identity;

namespace ApprovalHub.Host.Security.SignIn;

/// <summary>
/// Checks a user name and password with lockout: every failure counts, and a locked account is
/// refused even with the right password. Callers get one answer for every failure, so the
/// endpoint does not tell which accounts exist.
/// </summary>
internal sealed class CredentialCheck(UserManager<ApprovalHubUser> users, SignInManager<ApprovalHubUser> signIn, ILogger<CredentialCheck> logger)
{
    /// <summary>The user when the credentials are right and the account may sign in; null otherwise.</summary>
    public async Task<ApprovalHubUser?> CheckAsync(HttpContext context, CredentialsRequest request)
    {
        var userName = request.UserName!.Trim();
        var address = context.Connection.RemoteIpAddress?.ToString();
        var audit = AuditDetails.Of(context);
        audit.ActorName = userName;

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            logger.SignInFailed(userName, address, "no such user");
            return null;
        }

        audit.ActorId = user.Id;
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user;
        }

        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        audit.Target = $"reason={reason}";
        logger.SignInFailed(userName, address, reason);
        return null;
    }
}
