using System.Net;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Public;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalHub.Host.Tests.Cases;

/// <summary>
/// The officials' queue (/tasks), task page (/tasks/{id}) and case page served by the real host to a
/// browser signed in with the UI cookie: the first, server-rendered HTML runs each page against the
/// real case layer. An official of another region finds nothing; an enterprise gets no queue; a
/// visitor is sent to sign in. Both stores.
/// </summary>
public abstract class TaskPagesTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string OnlyOfficials = "工作台面向监管部门和检验检测机构";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A 延期检验申请 (unit 09) of the demo user unit: its first task (审查决定) is the 西湖区 county's.</summary>
    private async Task<StartedCase> PostponementAsync()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        return await CaseWorld.ClientFor(database.Factory, "demo.enterprise").ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
    }

    [Fact]
    public async Task The_queue_lists_the_countys_task_with_its_deadline_and_a_claim_button()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.county", DemoUsers.Password);

        var response = await browser.GetAsync($"/tasks?q={started.BusinessKey}", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ah-queue-table", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"tasks/{started.OpenedTasks[0].TaskId}\"", html, StringComparison.Ordinal);
        Assert.Contains("审查决定", html, StringComparison.Ordinal);
        Assert.Contains("ah-sla-", html, StringComparison.Ordinal);
        Assert.Contains("ah-queue-claim", html, StringComparison.Ordinal);
        Assert.Contains("共 1 条", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_of_another_county_does_not_list_it()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.county.shangcheng", DemoUsers.Password);

        var html = await browser.GetStringAsync($"/tasks?q={started.BusinessKey}", Cancellation);

        Assert.Contains("当前没有事项", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"tasks/{started.OpenedTasks[0].TaskId}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ah-queue-table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_page_shows_the_application_cards_history_diagram_and_the_countys_actions()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.county", DemoUsers.Password);

        var html = await browser.GetStringAsync($"/tasks/{started.OpenedTasks[0].TaskId}", Cancellation);

        Assert.Contains(started.BusinessKey, html, StringComparison.Ordinal);
        Assert.Contains("ah-form-readonly", html, StringComparison.Ordinal);
        Assert.Contains(CaseWorld.XihuLift, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/registry/devices/", html, StringComparison.Ordinal);
        Assert.Contains("ah-history", html, StringComparison.Ordinal);
        Assert.Contains("ah-diagram", html, StringComparison.Ordinal);
        Assert.Contains("id=\"action-claim\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-submit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_page_shows_the_case_to_the_county()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.county", DemoUsers.Password);

        var html = await browser.GetStringAsync($"/tasks/cases/{started.InstanceId}", Cancellation);

        Assert.Contains(started.BusinessKey, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tasks/{started.OpenedTasks[0].TaskId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("withdraw-submit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_region_finds_neither_the_task_nor_the_case()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.county.shangcheng", DemoUsers.Password);

        var task = await browser.GetStringAsync($"/tasks/{started.OpenedTasks[0].TaskId}", Cancellation);
        var byCase = await browser.GetStringAsync($"/tasks/cases/{started.InstanceId}", Cancellation);

        Assert.Contains("没有这个任务，或不在您的辖区、单位范围内", task, StringComparison.Ordinal);
        Assert.Contains("没有这个案件，或不在您的范围内", byCase, StringComparison.Ordinal);
        Assert.DoesNotContain(started.BusinessKey, task + byCase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_gets_no_queue_even_for_its_own_case()
    {
        var started = await PostponementAsync();
        using var browser = await SignedInBrowserAsync("demo.enterprise", DemoUsers.Password);

        foreach (var path in new[] { "/tasks", $"/tasks/{started.OpenedTasks[0].TaskId}", $"/tasks/cases/{started.InstanceId}" })
        {
            var html = await browser.GetStringAsync(path, Cancellation);

            Assert.Contains(OnlyOfficials, html, StringComparison.Ordinal);
            Assert.DoesNotContain(started.BusinessKey, html, StringComparison.Ordinal);
            Assert.DoesNotContain("ah-queue-table", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_portal_offers_the_applicant_the_withdrawal_until_the_county_claims_the_task()
    {
        var started = await PostponementAsync();
        using var enterprise = await SignedInBrowserAsync("demo.enterprise", DemoUsers.Password);
        var path = $"/portal/cases/{started.InstanceId}";
        Assert.Contains("ah-portal-withdraw", await enterprise.GetStringAsync(path, Cancellation), StringComparison.Ordinal);

        await CaseWorld.ClientFor(database.Factory, "demo.county").DoAsync(started.OpenedTasks[0].TaskId, "claim");

        Assert.DoesNotContain("ah-portal-withdraw", await enterprise.GetStringAsync(path, Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_asks_a_visitor_to_sign_in()
    {
        using var browser = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/tasks", Cancellation);

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

public sealed class SqliteTaskPagesTests(SqliteDatabase database)
    : TaskPagesTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresTaskPagesTests(PostgresDatabase database)
    : TaskPagesTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
