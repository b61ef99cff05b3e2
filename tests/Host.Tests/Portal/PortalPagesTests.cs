using System.Net;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Public;
using ApprovalHub.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalHub.Host.Tests.Portal;

/// <summary>
/// The portal's pages served by the real host to a browser signed in with the UI cookie: their
/// first, server-rendered HTML runs every page against the real case layer, registry and catalog.
/// Both stores.
/// </summary>
public abstract class PortalPagesTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/portal", "待我处理")]
    [InlineData("/portal/units", "件件赋码")]
    [InlineData("/portal/cases", "我的申请")]
    [InlineData("/portal/devices", CaseWorld.XihuLift)]
    [InlineData("/portal/apply/11", "统一社会信用代码")]
    public async Task Every_portal_page_renders_for_an_enterprise(string path, string expected)
    {
        await CaseWorld.EnsureAsync(database.Factory);
        using var browser = await SignedInBrowserAsync("demo.enterprise", DemoUsers.Password);

        var response = await browser.GetAsync(path, Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("企业办事面向使用单位和生产单位", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_of_the_enterprise_renders_with_its_form_and_diagram_and_another_enterprise_finds_nothing()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        using var api = database.Factory.CreateClientFor("demo.enterprise");
        var started = await api.ApplyAsync("11", CaseApi.Form("11", CaseWorld.XihuLift));
        using var browser = await SignedInBrowserAsync("demo.enterprise", DemoUsers.Password);
        using var other = await SignedInBrowserAsync(CaseWorld.OtherEnterprise, CaseWorld.Password);

        var html = await browser.GetStringAsync($"/portal/cases/{started.InstanceId}", Cancellation);
        var hidden = await other.GetStringAsync($"/portal/cases/{started.InstanceId}", Cancellation);

        Assert.Contains(started.BusinessKey, html, StringComparison.Ordinal);
        Assert.Contains("ah-diagram", html, StringComparison.Ordinal);
        Assert.Contains("ah-form-readonly", html, StringComparison.Ordinal);
        Assert.Contains($"没有编号为 {started.InstanceId} 的案件", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain(started.BusinessKey, hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_who_types_a_portal_address_gets_no_portal()
    {
        using var browser = await SignedInBrowserAsync("demo.county", DemoUsers.Password);

        var html = await browser.GetStringAsync("/portal/devices", Cancellation);

        Assert.Contains("企业办事面向使用单位和生产单位", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ah-portal-devices", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_asks_a_visitor_to_sign_in()
    {
        using var browser = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/portal", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string userName, string password)
    {
        var browser = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login", Cancellation);
        var form = HtmlForms.HiddenInputs(login);
        form["userName"] = userName;
        form["password"] = password;
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}

public sealed class SqlitePortalPagesTests(SqliteDatabase database)
    : PortalPagesTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresPortalPagesTests(PostgresDatabase database)
    : PortalPagesTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
