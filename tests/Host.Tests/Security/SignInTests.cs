using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Security.Authentication;
using ApprovalHub.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>
/// Bearer tokens, cookies and API keys: they work, and they stop working when expired, tampered
/// with, revoked, or when their user is locked or changed. Lockout after failed passwords. On
/// SQLite and PostgreSQL, because lockout and revocation are stored.
/// </summary>
public abstract class SignInTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string Password = "Sign-In-Test-2026";

    private readonly HttpClient _anonymous = database.Factory.CreateDefaultClient();
    private readonly HttpClient _admin = database.Factory.CreateClientFor(SignedInClients.Admin);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_carries_roles_and_scope()
    {
        var me = await database.Factory.CreateClientFor("demo.city").GetFromJsonAsync<JsonObject>("/api/auth/me", Cancellation);

        Assert.Equal("demo.city", (string?)me!["userName"]);
        Assert.Equal("region:3301", (string?)me["scope"]);
        Assert.Equal("330100", (string?)me["regionCode"]);
        Assert.Equal(["regulator"], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task A_token_whose_claims_were_edited_is_refused()
    {
        var token = await database.Factory.TokenAsync("demo.enterprise");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"enterprise\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        Assert.Contains("\"role\":\"admin\"", payload, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await SendWithTokenAsync(tampered, "/api/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendWithTokenAsync(token, "/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var claims = await ClaimsOfAsync("demo.admin");
        var forged = Forge(claims, "c29tZW9uZS1lbHNlcy1rZXktb2YtdGhpcnR5LXR3by1ieXRlcw==", DateTime.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(forged, "/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var claims = await ClaimsOfAsync("demo.admin");
        var expired = Forge(claims, TestDatabase.TestSigningKey, DateTime.UtcNow.AddMinutes(-5));
        var current = Forge(claims, TestDatabase.TestSigningKey, DateTime.UtcNow.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(expired, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendWithTokenAsync(current, "/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Locking_a_user_stops_their_token_at_once()
    {
        var (id, userName) = await NewUserAsync();
        var token = await SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await SendWithTokenAsync(token, "/api/auth/me")).StatusCode);

        var locked = await _admin.PostAsJsonAsync($"/api/users/{id}/lock", new { }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(token, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(userName, Password)).StatusCode);
    }

    [Fact]
    public async Task Changing_a_users_access_revokes_tokens_that_carry_the_old_one()
    {
        var (id, userName) = await NewUserAsync();
        var old = await SignInAsync(userName, Password);

        var changed = await _admin.PutAsJsonAsync($"/api/users/{id}/access", new { roles = new[] { "regulator" }, regionCode = "330102" }, Cancellation);
        var fresh = await SignInAsync(userName, Password);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(old, "/api/auth/me")).StatusCode);
        var me = await (await SendWithTokenAsync(fresh, "/api/auth/me")).Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal("region:330102", (string?)me!["scope"]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it()
    {
        var (id, userName) = await NewUserAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(userName, $"Wrong-Password-{attempt}x")).StatusCode);
        }

        var rightPasswordWhileLocked = await RequestTokenAsync(userName, Password);
        var user = await _admin.GetFromJsonAsync<JsonObject>($"/api/users/{id}", Cancellation);
        var unlocked = await _admin.PostAsync($"/api/users/{id}/unlock", null, Cancellation);
        var afterUnlock = await RequestTokenAsync(userName, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, rightPasswordWhileLocked.StatusCode);
        Assert.NotNull((string?)user!["lockedUntil"]);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterUnlock.StatusCode);
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_tell_whether_the_account_exists()
    {
        var unknown = await RequestTokenAsync($"nobody.{Guid.NewGuid():N}", "Whatever-Password-1");
        var wrong = await RequestTokenAsync("demo.inspector", "Whatever-Password-1");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unknown.StatusCode, wrong.StatusCode));
        var (first, second) = (await unknown.Content.ReadFromJsonAsync<JsonObject>(Cancellation), await wrong.Content.ReadFromJsonAsync<JsonObject>(Cancellation));
        Assert.Equal(((string?)first!["title"], (string?)first["detail"]), ((string?)second!["title"], (string?)second["detail"]));
    }

    [Fact]
    public async Task A_sign_in_without_credentials_is_a_validation_problem()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/token", new { userName = " " }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.NotNull(problem!["errors"]!["userName"]);
        Assert.NotNull(problem["errors"]!["password"]);
    }

    [Fact]
    public async Task A_cookie_signs_in_until_it_is_tampered_with_or_signed_out()
    {
        var login = await _anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "demo.county", password = DemoUsers.Password }, Cancellation);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("approvalhub.auth=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0];
        var tampered = value[..^4] + (value[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var me = await SendWithCookieAsync(value, "/api/auth/me");
        var withTampered = await SendWithCookieAsync(tampered, "/api/auth/me");
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Cookie", value);
        var loggedOut = await _anonymous.SendAsync(logout, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withTampered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Contains(loggedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("approvalhub.auth=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_expires_after_its_lifetime_without_activity()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ApprovalHubFactory(database.Settings(demo: false), services => services.AddSingleton<TimeProvider>(clock));
        var client = host.CreateDefaultClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "demo.street", password = DemoUsers.Password }, Cancellation);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("approvalhub.auth=", StringComparison.Ordinal)).Split(';')[0];

        clock.Advance(TimeSpan.FromHours(7));
        var within = await Send(client, cookie);
        clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var after = await Send(client, cookie);

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        static async Task<HttpResponseMessage> Send(HttpClient client, string cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Add("Cookie", cookie);
            return await client.SendAsync(request, Cancellation);
        }
    }

    [Fact]
    public async Task Locking_a_user_ends_their_cookie_sign_in_within_a_minute()
    {
        var (id, userName) = await NewUserAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ApprovalHubFactory(database.Settings(demo: false), services => services.AddSingleton<TimeProvider>(clock));
        var client = host.CreateDefaultClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password }, Cancellation);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("approvalhub.auth=", StringComparison.Ordinal)).Split(';')[0];

        var beforeLock = await MeAsync();
        await _admin.PostAsJsonAsync($"/api/users/{id}/lock", new { }, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterLock = await MeAsync();

        Assert.Equal(HttpStatusCode.OK, beforeLock.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLock.StatusCode);

        async Task<HttpResponseMessage> MeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Add("Cookie", cookie);
            return await client.SendAsync(request, Cancellation);
        }
    }

    [Fact]
    public async Task An_API_key_acts_as_its_user_until_it_is_revoked()
    {
        var (id, userName) = await NewUserAsync();
        var created = await _admin.PostAsJsonAsync($"/api/users/{id}/api-keys", new { name = "省数据共享平台" }, Cancellation);
        var key = await created.Content.ReadFromJsonAsync<JsonObject>(Cancellation);

        var me = await SendWithApiKeyAsync((string)key!["key"]!, "/api/auth/me");
        var wrongSecret = await SendWithApiKeyAsync((string)key["key"]! + "x", "/api/auth/me");
        var malformed = await SendWithApiKeyAsync("not-a-key", "/api/auth/me");
        var revoked = await _admin.DeleteAsync($"/api/users/{id}/api-keys/{(string)key["id"]!}", Cancellation);
        var afterRevoke = await SendWithApiKeyAsync((string)key["key"]!, "/api/auth/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(userName, (string?)(await me.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["userName"]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    private async Task<(string Id, string UserName)> NewUserAsync()
    {
        var userName = $"signin.{Guid.NewGuid():N}";
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName,
            displayName = "登录测试",
            password = Password,
            roles = new[] { "regulator" },
            regionCode = "330106",
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["id"]!, userName);
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string userName, string password) =>
        _anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password }, Cancellation);

    private async Task<string> SignInAsync(string userName, string password)
    {
        var response = await RequestTokenAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["accessToken"]!;
    }

    // The claims a real token of this user carries, to forge variants of it.
    private async Task<IReadOnlyList<Claim>> ClaimsOfAsync(string userName)
    {
        var token = new JsonWebToken(await database.Factory.TokenAsync(userName));
        return token.Claims.Where(c => c.Type is not ("exp" or "nbf" or "iat" or "iss" or "aud")).ToList();
    }

    private static string Forge(IReadOnlyList<Claim> claims, string base64Key, DateTime expires) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = "ApprovalHub",
            Audience = "approvalhub-api",
            IssuedAt = expires.AddMinutes(-30),
            NotBefore = expires.AddMinutes(-30),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });

    private async Task<HttpResponseMessage> SendWithTokenAsync(string token, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _anonymous.SendAsync(request, Cancellation);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string cookie, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await _anonymous.SendAsync(request, Cancellation);
    }

    private async Task<HttpResponseMessage> SendWithApiKeyAsync(string key, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ApiKeys.HeaderName, key);
        return await _anonymous.SendAsync(request, Cancellation);
    }
}

public sealed class SqliteSignInTests(SqliteDatabase database)
    : SignInTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresSignInTests(PostgresDatabase database)
    : SignInTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
