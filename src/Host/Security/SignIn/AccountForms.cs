using ApprovalHub.Admin.Blazor.Components.Account;
using ApprovalHub.Host.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalHub.Host.Security.SignIn;

/// <summary>
/// <c>/account/login</c> and <c>/account/logout</c>: the form posts of the admin UI's sign-in page
/// and sign-out button. Form posts carry an antiforgery token, checked by the framework.
/// </summary>
public static class AccountForms
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapPost("/login", SignInAsync)
            .WithName("SignInForm")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn);

        account.MapPost("/logout", SignOutAsync)
            .WithName("SignOutForm")
            .AllowAnonymous();

        return app;
    }

    internal static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromQuery(Name = "ReturnUrl")] string? returnUrl,
        HttpContext context,
        CredentialCheck credentials,
        SignInManager<ApprovalHubUser> signIn,
        ILogger<CredentialCheck> logger)
    {
        var target = LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/";
        var user = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? null
            : await credentials.CheckAsync(context, new CredentialsRequest(userName, password));
        if (user is null)
        {
            return TypedResults.LocalRedirect($"/login?failed=true&ReturnUrl={Uri.EscapeDataString(target)}");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        logger.SignedIn(user.UserName!, "sign-in page", context.Connection.RemoteIpAddress?.ToString());
        return TypedResults.LocalRedirect(target);
    }

    internal static async Task<RedirectHttpResult> SignOutAsync(SignInManager<ApprovalHubUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/login");
    }
}
