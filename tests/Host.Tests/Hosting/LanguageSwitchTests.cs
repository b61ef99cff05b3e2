using System.Net;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>The UI speaks Chinese unless the user picks English; the choice is a cookie, and the switch only goes back to local pages.</summary>
public sealed class LanguageSwitchTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chinese_is_the_default_even_for_an_english_browser_and_english_is_one_switch_away()
    {
        var browser = database.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var chinese = await browser.GetStringAsync("/login", Cancellation);
        var switched = await browser.GetAsync("/culture?name=en-US&returnUrl=%2Flogin", Cancellation);
        var english = await browser.GetStringAsync("/login", Cancellation);
        var back = await browser.GetAsync("/culture?name=zh-CN&returnUrl=%2Flogin", Cancellation);
        var chineseAgain = await browser.GetStringAsync("/login", Cancellation);

        Assert.Contains("<label for=\"userName\">用户名</label>", chinese, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/login"), (switched.StatusCode, switched.Headers.Location?.OriginalString));
        Assert.Contains("<label for=\"userName\">User name</label>", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("<label for=\"userName\">用户名</label>", chineseAgain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task The_switch_never_sends_the_browser_elsewhere(string returnUrl)
    {
        var browser = database.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await browser.GetAsync($"/culture?name=en-US&returnUrl={Uri.EscapeDataString(returnUrl)}", Cancellation);

        Assert.Equal((HttpStatusCode.Redirect, "/"), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_chinese()
    {
        var browser = database.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        await browser.GetAsync("/culture?name=xx-YY&returnUrl=%2Flogin", Cancellation);

        Assert.Contains("用户名", await browser.GetStringAsync("/login", Cancellation), StringComparison.Ordinal);
    }
}
