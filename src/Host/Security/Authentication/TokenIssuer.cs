using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalHub.Host.Security.Authentication;

/// <summary>Issues signed bearer tokens (JWT, HMAC-SHA256) carrying a user's roles and scope.</summary>
internal sealed class TokenIssuer(
    IUserClaimsPrincipalFactory<ApprovalHubUser> principals,
    SigningKey signingKey,
    IOptions<SecurityOptions> options,
    TimeProvider timeProvider)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>A token for <paramref name="user"/> and when it expires.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(ApprovalHubUser user)
    {
        var principal = await principals.CreateAsync(user);
        var now = timeProvider.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = signingKey.Credentials,
            Subject = new ClaimsIdentity(principal.Claims.Select(c => new Claim(c.Type, c.Value))),
        };
        return (Handler.CreateToken(descriptor), expires);
    }
}
