using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Authentication;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Host.Security.Persistence;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Host.Security.SignIn;
using ApprovalHub.Host.Security.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalHub.Host.Security;

/// <summary>
/// Identity, the three ways to sign in (cookie for the UI, bearer token and API key for
/// integrations), the policies, rate limits, caller scope and the audit trail.
/// </summary>
internal static class SecurityRegistration
{
    /// <summary>The default scheme: picks bearer, API key or cookie from what the request carries.</summary>
    public const string SchemeSelector = "ApprovalHub";

    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddApprovalHubIdentity();
        services.AddOptions<SecurityOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidation>();
        services.AddSingleton<SigningKey>();
        services.AddHttpContextAccessor();

        // Cookies and antiforgery tokens are encrypted with keys in the database: every node reads
        // every other node's cookies, and a restart signs nobody out. Keys are stored as the framework
        // writes them (not encrypted at rest); the database's own access control protects them.
        services.AddDataProtection()
            .SetApplicationName("ApprovalHub")
            .PersistKeysToDbContext<SecurityDbContext>();

        services.AddAuthentication(SchemeSelector)
            .AddPolicyScheme(SchemeSelector, "Bearer token, API key or cookie", selector =>
                selector.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<SecurityOptions>>(ConfigureBearer);
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => cookie.ExpireTimeSpan = security.Value.CookieLifetime);

        // Locking a user or changing their roles renews the stamp; cookies notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder().AddApprovalHubPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DenialLoggingResultHandler>();
        services.AddApprovalHubRateLimits();

        services.AddSecurityOpenApi();
        services.AddScoped<ICallerScopeAccessor, HttpCallerScopeAccessor>();
        services.AddScoped<CredentialCheck>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<UserDirectory>();
        services.AddSingleton<AuditTrail>();
        return builder;
    }

    /// <summary>
    /// ASP.NET Core Identity on <see cref="SecurityDbContext"/> with ApprovalHub's password policy,
    /// lockout and claim types; shared by the host and the <c>users</c> command.
    /// </summary>
    public static IServiceCollection AddApprovalHubIdentity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations();
        services.AddIdentityCore<ApprovalHubUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SecurityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ApprovalHubClaimsFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
        {
            // 等保 2.0 asks for complex passwords; length does most of the work.
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = true;
            identity.Password.RequireLowercase = true;
            identity.Password.RequireUppercase = true;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 6;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = security.Value.LockoutDuration;
            identity.ClaimsIdentity.UserIdClaimType = SecurityClaims.UserId;
            identity.ClaimsIdentity.UserNameClaimType = SecurityClaims.UserName;
            identity.ClaimsIdentity.RoleClaimType = SecurityClaims.Role;
            identity.ClaimsIdentity.SecurityStampClaimType = SecurityClaims.SecurityStamp;
        });
        return services;
    }

    /// <summary>Rate limits, authentication, the audit trail and authorization, in that order.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();

        // Between the two: the record knows who called, and sees the 401/403 authorization answers.
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSecurityApis(this WebApplication app)
    {
        app.MapSignInApi();
        app.MapAccountForms();
        app.MapUsersApi();
        app.MapAuditApi();
        return app;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return context.Request.Headers.ContainsKey(ApiKeys.HeaderName)
            ? ApiKeyAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, SigningKey key, IOptions<SecurityOptions> security)
    {
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = security.Value.Issuer,
            ValidAudience = security.Value.Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = SecurityClaims.UserName,
            RoleClaimType = SecurityClaims.Role,
        };
        bearer.Events = new JwtBearerEvents
        {
            // A token outlives nothing it stood for: a locked user, or one whose roles or scope
            // changed since it was issued (new security stamp), is refused at once.
            OnTokenValidated = async context =>
            {
                var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApprovalHubUser>>();
                var id = context.Principal?.FindFirst(SecurityClaims.UserId)?.Value;
                var user = id is null ? null : await users.FindByIdAsync(id);
                var stamp = context.Principal?.FindFirst(SecurityClaims.SecurityStamp)?.Value;
                if (user is null || await users.IsLockedOutAsync(user) || !string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal))
                {
                    context.Fail("The token's user is locked or gone, or their access changed since it was issued.");
                }
            },
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILogger<TokenIssuer>>()
                    .BearerTokenRejected(context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
    }

    private static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "approvalhub.auth";
        cookie.Cookie.HttpOnly = true;

        // Strict: the cookie never rides along on another site's request, which is the CSRF defence of the JSON API.
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/login";

        // APIs answer with status codes; only pages redirect to the sign-in page.
        cookie.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
    }

    private static Task Answer(HttpContext context, string redirectUri, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
