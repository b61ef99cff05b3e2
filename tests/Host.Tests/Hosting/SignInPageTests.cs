using System.Net;
using System.Text.RegularExpressions;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>The admin UI's cookie sign-in: the page, its form post with antiforgery, return addresses, sign-out.</summary>
public sealed partial class SignInPageTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly HttpClient _browser = database.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sign_in_page_renders_a_static_form_with_an_antiforgery_token()
    {
        var html = await _browser.GetStringAsync("/login", Cancellation);

        Assert.Contains("action=\"account/login\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_on_the_page_leads_back_to_the_page_asked_for_and_signing_out_ends_it()
    {
        var signedIn = await PostLoginAsync("/definitions", "demo.county", DemoUsers.Password);
        var page = await _browser.GetAsync("/definitions", Cancellation);
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var signedOut = await _browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }), Cancellation);
        var afterwards = await _browser.GetAsync("/definitions", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/definitions", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("unit_11_use_registration", html, StringComparison.Ordinal);
        Assert.Contains("退出登录", html, StringComparison.Ordinal);
        Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_page_with_a_message()
    {
        var response = await PostLoginAsync("/definitions", "demo.county", "Not-The-Password-1");
        var page = await _browser.GetStringAsync(response.Headers.Location!.OriginalString, Cancellation);

        Assert.Equal("/login?failed=true&ReturnUrl=%2Fdefinitions", response.Headers.Location.OriginalString);
        Assert.Contains("用户名或密码错误", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_of_another_site_is_ignored(string returnUrl)
    {
        var response = await PostLoginAsync(returnUrl, "demo.county", DemoUsers.Password);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var response = await _browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "demo.county",
            ["password"] = DemoUsers.Password,
        }), Cancellation);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Cancellation));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("approvalhub.auth=", StringComparison.Ordinal)));
    }

    private async Task<HttpResponseMessage> PostLoginAsync(string returnUrl, string userName, string password)
    {
        var html = await _browser.GetStringAsync("/login", Cancellation);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return await _browser.PostAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
        }), Cancellation);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
