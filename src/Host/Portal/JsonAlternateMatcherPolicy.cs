using Microsoft.AspNetCore.Routing.Matching;

namespace ApprovalHub.Host.Portal;

/// <summary>Marks an endpoint as the JSON answer of a URL that also has a page (<c>/q/{code}</c>).</summary>
internal sealed class JsonAlternateMetadata;

/// <summary>
/// Content negotiation at routing: where a URL has both a Blazor page and a JSON endpoint marked
/// with <see cref="JsonAlternateMetadata"/>, a request whose Accept header asks for
/// <c>application/json</c> gets the JSON endpoint and any other request the page. The QR code's
/// URL thus stays one address for phones and for API clients, as it was before the page was Blazor.
/// </summary>
internal sealed class JsonAlternateMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<JsonAlternateMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        var json = -1;
        var others = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i))
            {
                if (candidates[i].Endpoint.Metadata.GetMetadata<JsonAlternateMetadata>() is not null)
                {
                    json = i;
                }
                else
                {
                    others++;
                }
            }
        }

        // Only a choice between the two kinds is this policy's business.
        if (json < 0 || others == 0)
        {
            return Task.CompletedTask;
        }

        var wantsJson = WantsJson(httpContext.Request);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && (i == json) != wantsJson)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The rule the QR endpoint has always used: an Accept header naming application/json.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
