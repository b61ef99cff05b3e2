using ApprovalHub.Host.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ApprovalHub.Host.Security.Authorization;

/// <summary>Logs every refusal of the authorization middleware (3001, 3003), then answers as usual.</summary>
internal sealed class DenialLoggingResultHandler(ILogger<DenialLoggingResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            logger.ActionDenied(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.User.Identity?.Name ?? "anonymous",
                string.Join(',', context.User.FindAll(SecurityClaims.Role).Select(c => c.Value)));
        }
        else if (authorizeResult.Challenged)
        {
            logger.Challenged(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
