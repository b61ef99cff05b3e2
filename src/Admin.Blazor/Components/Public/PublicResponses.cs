using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>Status codes of the statically rendered public pages.</summary>
internal static class PublicResponses
{
    /// <summary>
    /// Answers <paramref name="status"/> with the page itself as the body. The host's status-code
    /// pages would otherwise replace a 404 or 400 with a ProblemDetails body (right for the API,
    /// wrong for a visitor holding a phone), and Blazor renders no body at all for a page that set
    /// 404 while rendering (it leaves 404s to a not-found page). So the status is set as the
    /// response starts, after the page has rendered.
    /// </summary>
    public static void SetStatus(HttpContext? http, int status)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
