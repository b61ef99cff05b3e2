using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Authentication;
using ApprovalHub.Host.Security.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ApprovalHub.Host.Security.SignIn;

/// <summary>
/// <c>/api/auth</c>: bearer tokens for integrations, cookie sign-in for the UI, and who the caller is.
/// See docs/security.md for how a client gets and uses a token.
/// </summary>
public static class SignInApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");

        auth.MapPost("/token", IssueTokenAsync)
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token")
            .WithDescription("Failed attempts count towards the account's lockout; the answer is the same 401 for a wrong password, an unknown user and a locked account.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn);

        auth.MapPost("/login", SignInWithCookieAsync)
            .WithName("SignIn")
            .WithSummary("Signs in with a cookie (the admin UI)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn);

        auth.MapPost("/logout", SignOutAsync)
            .WithName("SignOut")
            .WithSummary("Ends the cookie sign-in");

        auth.MapGet("/me", Me)
            .WithName("WhoAmI")
            .WithSummary("The signed-in caller: roles, region, organisation and scope");

        return app;
    }

    /// <summary>POST /api/auth/token</summary>
    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        CredentialsRequest request,
        HttpContext context,
        CredentialCheck credentials,
        TokenIssuer tokens,
        TimeProvider timeProvider,
        ILogger<CredentialCheck> logger)
    {
        var (user, refusal) = await AuthenticateAsync(request, context, credentials);
        if (user is null)
        {
            return refusal!;
        }

        var (token, expiresAt) = await tokens.IssueAsync(user);
        logger.SignedIn(user.UserName!, "bearer token", context.Connection.RemoteIpAddress?.ToString());
        var seconds = (int)(expiresAt - timeProvider.GetUtcNow()).TotalSeconds;
        return TypedResults.Ok(new TokenResponse(token, "Bearer", seconds, expiresAt));
    }

    /// <summary>POST /api/auth/login</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> SignInWithCookieAsync(
        CredentialsRequest request,
        HttpContext context,
        CredentialCheck credentials,
        SignInManager<ApprovalHubUser> signIn,
        ILogger<CredentialCheck> logger)
    {
        var (user, refusal) = await AuthenticateAsync(request, context, credentials);
        if (user is null)
        {
            return refusal!;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        logger.SignedIn(user.UserName!, "cookie", context.Connection.RemoteIpAddress?.ToString());
        return TypedResults.NoContent();
    }

    /// <summary>POST /api/auth/logout</summary>
    public static async Task<NoContent> SignOutAsync(SignInManager<ApprovalHubUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>GET /api/auth/me</summary>
    public static Ok<CallerResponse> Me(HttpContext context)
    {
        var user = context.User;
        var organisation = user.FindFirst(SecurityClaims.OrganisationId)?.Value;
        return TypedResults.Ok(new CallerResponse(
            user.FindFirst(SecurityClaims.UserId)?.Value ?? string.Empty,
            user.Identity?.Name ?? string.Empty,
            user.FindFirst(SecurityClaims.DisplayName)?.Value ?? string.Empty,
            user.FindAll(SecurityClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
            user.FindFirst(SecurityClaims.RegionCode)?.Value,
            organisation is null ? null : long.Parse(organisation, System.Globalization.CultureInfo.InvariantCulture),
            CallerScopes.Describe(CallerScopes.From(user))));
    }

    // Both sign-in endpoints: a validation problem for missing fields, one 401 for every other failure.
    private static async Task<(ApprovalHubUser? User, ProblemHttpResult? Refusal)> AuthenticateAsync(
        CredentialsRequest request,
        HttpContext context,
        CredentialCheck credentials)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["The user name is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["The password is required."];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Sign-in request is incomplete",
            }));
        }

        var user = await credentials.CheckAsync(context, request);
        return user is null ? (null, SignInFailed()) : (user, null);
    }

    private static ProblemHttpResult SignInFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed",
        detail: "The user name or password is wrong, or the account is locked. After repeated failures the account locks for a while.");
}
