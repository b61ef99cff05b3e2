using System.Security.Claims;
using System.Text.Encodings.Web;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Security.Authentication;

/// <summary>Signs in an integration by its <see cref="ApiKeys.HeaderName"/> header, as the key's user.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SecurityDbContext db,
    UserManager<ApprovalHubUser> users,
    IUserClaimsPrincipalFactory<ApprovalHubUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    private readonly ILogger _log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(values.ToString(), out var id, out var secret))
        {
            return Reject("malformed key");
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        if (key is null || !ApiKeys.Matches(secret, key.SecretHash))
        {
            return Reject("unknown key");
        }

        var now = TimeProvider.GetUtcNow();
        if (key.RevokedAt is not null || key.ExpiresAt <= now)
        {
            return Reject($"key {id:N} is revoked or expired");
        }

        var user = await users.FindByIdAsync(key.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return Reject($"the user of key {id:N} is locked or gone");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, SecurityClaims.UserName, SecurityClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Reject(string reason)
    {
        _log.ApiKeyRejected(Context.Connection.RemoteIpAddress?.ToString(), reason);
        return AuthenticateResult.Fail(reason);
    }
}
