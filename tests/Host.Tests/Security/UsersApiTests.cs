using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>Managing accounts: validation with field errors, conflicts, and scoped lists. On SQLite and PostgreSQL.</summary>
public abstract class UsersApiTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private readonly HttpClient _admin = database.Factory.CreateClientFor(SignedInClients.Admin);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("regulator", null, null, "Users-Test-2026", "regionCode")]
    [InlineData("regulator", "3301", null, "Users-Test-2026", "regionCode")]
    [InlineData("enterprise", null, null, "Users-Test-2026", "organisationId")]
    [InlineData("inspector", null, -4L, "Users-Test-2026", "organisationId")]
    [InlineData("superuser", null, null, "Users-Test-2026", "roles")]
    [InlineData("analyst", null, null, "short", "password")]
    [InlineData("analyst", null, null, "alllowercase-no-digits", "password")]
    public async Task An_invalid_account_is_refused_with_the_field_at_fault(string role, string? region, long? organisation, string password, string field)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = $"invalid.{Guid.NewGuid():N}",
            displayName = "无效账号",
            password,
            roles = new[] { role },
            regionCode = region,
            organisationId = organisation,
        }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_taken_user_name_is_a_conflict()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = "demo.county",
            displayName = "重名",
            password = "Users-Test-2026",
            roles = new[] { "regulator" },
            regionCode = "330106",
        }, Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_created_account_signs_in_with_its_roles_and_scope()
    {
        var userName = $"inspector.{Guid.NewGuid():N}";
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName,
            displayName = "检验员",
            password = "Users-Test-2026",
            roles = new[] { "inspector" },
            organisationId = 1001,
            phoneNumber = "13800000000",
        }, Cancellation);

        var me = await database.Factory.CreateClientFor(userName, "Users-Test-2026").GetFromJsonAsync<JsonObject>("/api/auth/me", Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/users/{(string?)me!["id"]}", created.Headers.Location?.OriginalString);
        Assert.Equal("org:1001", (string?)me["scope"]);
    }

    [Fact]
    public async Task A_county_regulator_lists_only_the_accounts_under_its_region()
    {
        var county = await database.Factory.CreateClientFor("demo.county").GetFromJsonAsync<JsonArray>("/api/users?pageSize=200", Cancellation);
        var city = await database.Factory.CreateClientFor("demo.city").GetFromJsonAsync<JsonArray>("/api/users?pageSize=200", Cancellation);

        var countyNames = county!.Select(u => (string)u!["userName"]!).ToList();
        Assert.All(county!, u => Assert.StartsWith("330106", (string?)u!["regionCode"], StringComparison.Ordinal));
        Assert.Contains("demo.street", countyNames);
        Assert.Contains("demo.enterprise", countyNames);
        Assert.DoesNotContain("demo.county.shangcheng", countyNames);
        Assert.DoesNotContain("demo.city", countyNames);
        var cityNames = city!.Select(u => (string)u!["userName"]!).ToList();
        Assert.Contains("demo.county.shangcheng", cityNames);
        Assert.DoesNotContain("demo.province", cityNames);
        Assert.DoesNotContain("demo.admin", cityNames);
    }

    [Fact]
    public async Task Paging_outside_its_bounds_is_a_validation_problem()
    {
        var response = await _admin.GetAsync("/api/users?pageSize=5000", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["errors"]!["pageSize"]);
    }

    [Fact]
    public async Task Locking_in_the_past_or_locking_oneself_is_refused()
    {
        var users = await _admin.GetFromJsonAsync<JsonArray>("/api/users?pageSize=200", Cancellation);
        var adminId = (string)users!.Single(u => (string?)u!["userName"] == SignedInClients.Admin)!["id"]!;
        var countyId = (string)users!.Single(u => (string?)u!["userName"] == "demo.county")!["id"]!;

        var past = await _admin.PostAsJsonAsync($"/api/users/{countyId}/lock", new { until = DateTimeOffset.UtcNow.AddDays(-1) }, Cancellation);
        var self = await _admin.PostAsJsonAsync($"/api/users/{adminId}/lock", new { }, Cancellation);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (past.StatusCode, self.StatusCode));
    }
}

public sealed class SqliteUsersApiTests(SqliteDatabase database)
    : UsersApiTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresUsersApiTests(PostgresDatabase database)
    : UsersApiTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
