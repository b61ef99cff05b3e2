using System.Net;

namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>What a caller must get from one action.</summary>
public enum Expectation
{
    /// <summary>The action succeeds with the row's success status.</summary>
    Allowed,

    /// <summary>Not signed in: 401.</summary>
    Unauthenticated,

    /// <summary>The role may not act: 403.</summary>
    Forbidden,

    /// <summary>The resource lies outside the caller's scope: 404, as if it did not exist.</summary>
    Hidden,
}

internal static class ExpectationStatus
{
    public static HttpStatusCode? Denial(this Expectation expectation) => expectation switch
    {
        Expectation.Unauthenticated => HttpStatusCode.Unauthorized,
        Expectation.Forbidden => HttpStatusCode.Forbidden,
        Expectation.Hidden => HttpStatusCode.NotFound,
        _ => null,
    };
}
