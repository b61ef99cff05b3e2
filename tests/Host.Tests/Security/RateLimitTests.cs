using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>Sign-in and public endpoints are rate limited per client address, answering 429 with Retry-After.</summary>
public sealed class RateLimitTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused_with_429()
    {
        var settings = database.Settings(demo: false);
        settings["Security:SignInPermitLimit"] = "3";
        await using var host = new ApprovalHubFactory(settings);
        var client = host.CreateDefaultClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "demo.admin", password = $"Guess-Number-{i}x" }, Cancellation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Public_endpoints_beyond_the_limit_are_refused_with_429()
    {
        var settings = database.Settings(demo: false);
        settings["Security:PublicPermitLimit"] = "2";
        await using var host = new ApprovalHubFactory(settings);
        var client = host.CreateDefaultClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/health/live", Cancellation)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
