using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Scope;

namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// Writes an audit record for every command (any API or sign-in form call that is not GET, HEAD or OPTIONS), every
/// read of personal data (<see cref="PersonalDataRead"/>) and every denied API call, whatever the
/// endpoint: it runs after authentication and around authorization, so refused calls are recorded
/// with the same fields as accepted ones and no new endpoint can forget it.
/// </summary>
/// <remarks>
/// The record is written after the endpoint ran, in its own transaction: the audit trail lives apart
/// from the engine's tables, so "command committed, audit write failed" is possible. That case is a
/// Critical log event (3007) and the request fails with 500, so the client does not take it for done.
/// </remarks>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception) when (ShouldAudit(context, StatusCodes.Status500InternalServerError))
        {
            // The exception handler further out turns this into a 500; record that, then let it go on.
            await WriteAsync(context, StatusCodes.Status500InternalServerError, rethrow: false);
            throw;
        }

        if (ShouldAudit(context, context.Response.StatusCode))
        {
            await WriteAsync(context, context.Response.StatusCode, rethrow: true);
        }
    }

    private static bool ShouldAudit(HttpContext context, int statusCode)
    {
        // The API, and the sign-in page's form posts; pages and static files are not commands.
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var isRead = HttpMethods.IsGet(context.Request.Method)
                     || HttpMethods.IsHead(context.Request.Method)
                     || HttpMethods.IsOptions(context.Request.Method);
        return !isRead
               || statusCode == StatusCodes.Status403Forbidden
               || context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataRead>() is not null;
    }

    private async Task WriteAsync(HttpContext context, int statusCode, bool rethrow)
    {
        var user = context.User;
        var details = context.Features.Get<AuditDetails>();
        var signedIn = user.Identity?.IsAuthenticated == true;
        var endpoint = context.GetEndpoint();
        var name = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        // A group's "" route ends in a slash ("/api/definitions/"); the trail shows the route as clients call it.
        var route = ((endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty).TrimEnd('/');
        var action = $"{name ?? "Unmatched"} {context.Request.Method} {route}";
        var target = string.Join(' ', context.Request.RouteValues
            .Where(v => v.Value is not null)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={v.Value}")
            .Append(details?.Target)
            .Where(part => !string.IsNullOrEmpty(part)));
        var entry = new AuditEntry(
            signedIn ? user.FindFirst(SecurityClaims.UserId)?.Value : details?.ActorId,
            (signedIn ? user.Identity!.Name : details?.ActorName) ?? "anonymous",
            string.Join(',', user.FindAll(SecurityClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)),
            CallerScopes.Describe(CallerScopes.From(user)),
            context.Connection.RemoteIpAddress?.ToString(),
            action,
            target,
            statusCode);

        try
        {
            // Not the request's token: a client that hangs up must not erase its command from the trail.
            await trail.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (rethrow)
        {
            logger.AuditWriteFailed(action, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            throw;
        }
        catch (Exception ex)
        {
            // The request failed already; its own exception is the one to surface.
            logger.AuditWriteFailed(action, ex);
        }
    }
}
