using System.Net;

namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>
/// One row of the authorisation matrix: an action on a resource family, how to make the request,
/// and what each caller must get. Rows for new endpoints (registry, tasks, instances) are added to
/// <see cref="MatrixRows"/> and run against every caller without changing the harness.
/// </summary>
/// <param name="Family">The resource family ("definitions", "users", …).</param>
/// <param name="Action">The action ("list", "deploy", "lock", …).</param>
/// <param name="Success">The status of an allowed call.</param>
/// <param name="Request">Builds the request for one caller; may prepare data as the administrator first.</param>
/// <param name="Expect">What each caller must get.</param>
public sealed record MatrixRow(
    string Family,
    string Action,
    HttpStatusCode Success,
    Func<MatrixContext, MatrixCaller, Task<HttpRequestMessage>> Request,
    Func<MatrixCaller, Expectation> Expect)
{
    public override string ToString() => $"{Family}.{Action}";
}
