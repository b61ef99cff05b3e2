using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Demo;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>
/// HTTP clients that call the host as a given user, with a bearer token from the real token
/// endpoint. Tokens are fetched on first use and cached per host and user, so a test class signs
/// each user in once (password hashing is deliberately slow, and sign-in is rate limited).
/// </summary>
public static class SignedInClients
{
    /// <summary>The demo analyst: may read, deploy and publish definitions.</summary>
    public const string Analyst = "demo.analyst";

    /// <summary>The demo administrator.</summary>
    public const string Admin = "demo.admin";

    private static readonly ConditionalWeakTable<ApprovalHubFactory, ConcurrentDictionary<string, Lazy<Task<string>>>> Tokens = new();

    /// <summary>A client signed in as <paramref name="userName"/> (a demo user unless a password is given).</summary>
    public static HttpClient CreateClientFor(this ApprovalHubFactory factory, string userName, string password = DemoUsers.Password) =>
        factory.CreateDefaultClient(new BearerHandler(factory, userName, password));

    /// <summary>
    /// A client of <paramref name="factory"/> carrying a token that <paramref name="issuer"/> issued:
    /// for hosts that cannot issue a usable token themselves (no demo users, or a fake clock).
    /// </summary>
    public static HttpClient CreateClientFor(this ApprovalHubFactory factory, ApprovalHubFactory issuer, string userName) =>
        factory.CreateDefaultClient(new BearerHandler(issuer, userName, DemoUsers.Password));

    /// <summary>A bearer token for <paramref name="userName"/>, from <c>POST /api/auth/token</c>.</summary>
    public static Task<string> TokenAsync(this ApprovalHubFactory factory, string userName, string password = DemoUsers.Password)
    {
        var tokens = Tokens.GetValue(factory, _ => new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal));
        return tokens.GetOrAdd($"{userName}\n{password}", _ => new Lazy<Task<string>>(() => RequestTokenAsync(factory, userName, password))).Value;
    }

    private static async Task<string> RequestTokenAsync(ApprovalHubFactory factory, string userName, string password)
    {
        using var client = factory.CreateDefaultClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password }, CancellationToken.None);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None);
        return response.IsSuccessStatusCode
            ? (string?)body?["accessToken"] ?? throw new InvalidOperationException("The token answer has no accessToken.")
            : throw new InvalidOperationException($"Signing in as {userName} failed with {(int)response.StatusCode}: {body}");
    }

    private sealed class BearerHandler(ApprovalHubFactory factory, string userName, string password) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync(userName, password));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
