using System.Net;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>The public QR endpoints are rate-limited per client (Registry:PublicRequestsPerMinute).</summary>
public sealed class PublicRateLimitTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Public_lookups_beyond_the_limit_get_429()
    {
        var settings = database.Settings();
        settings["Registry:PublicRequestsPerMinute"] = "3";
        await using var factory = new ApprovalHubFactory(settings);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/api/public/devices/311000000000000000", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
