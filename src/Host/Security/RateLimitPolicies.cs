using System.Threading.RateLimiting;
using ApprovalHub.Host.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Security;

/// <summary>
/// Rate limits per client address: a tight one on sign-in (password guessing), a looser one on
/// every endpoint anyone may call without signing in. Rejections answer 429 with ProblemDetails
/// and Retry-After.
/// </summary>
/// <remarks>
/// Behind a reverse proxy the client address is the proxy's unless forwarded headers are
/// configured; see docs/security.md.
/// </remarks>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and token endpoints.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Anonymous endpoints (health, API documentation, public facts).</summary>
    public const string Public = "public";

    internal static IServiceCollection AddApprovalHubRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => Partition(context, SignIn, o => o.SignInPermitLimit));
            limiter.AddPolicy(Public, context => Partition(context, Public, o => o.PublicPermitLimit));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "global";
                context.RequestServices.GetRequiredService<ILogger<RateLimitedRequest>>()
                    .RateLimited(policy, context.Connection.RemoteIpAddress?.ToString(), context.Request.Path.Value ?? string.Empty);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.RateLimitWindow;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
                    .ExecuteAsync(context);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<SecurityOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.RateLimitWindow,
            QueueLimit = 0,
        });
    }

    /// <summary>The log category of rate-limit rejections.</summary>
    internal sealed class RateLimitedRequest;
}
