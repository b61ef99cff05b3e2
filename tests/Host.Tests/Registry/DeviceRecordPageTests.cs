using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Public;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>
/// The officials' device record (/registry/devices/{id}) served by the real host: the first,
/// server-rendered HTML runs the page against the registry's scoped queries and the engine. The
/// county sees its lift with the case filed for it; another county's lift is not found; an
/// enterprise gets a notice; the task page's device card leads here. Both stores.
/// </summary>
public abstract class DeviceRecordPageTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string NotFound = "没有这台设备，或不在您的辖区、单位范围内";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<long> DeviceIdAsync(string equipmentCode)
    {
        await CaseWorld.EnsureAsync(database.Factory);
        await using var scope = database.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Devices
            .Where(d => d.EquipmentCode == equipmentCode).Select(d => d.Id).SingleAsync(Cancellation);
    }

    [Fact]
    public async Task The_county_sees_its_lifts_file_and_timeline_with_the_case_filed_for_it()
    {
        var id = await DeviceIdAsync(CaseWorld.XihuLift);
        var started = await CaseWorld.ClientFor(database.Factory, "demo.enterprise").ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        using var browser = await SignedInBrowserAsync("demo.county");

        var response = await browser.GetAsync($"/registry/devices/{id}", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ah-record-file", html, StringComparison.Ordinal);
        Assert.Contains(CaseWorld.XihuLift, html, StringComparison.Ordinal);
        Assert.Contains(CaseWorld.XihuStreet, html, StringComparison.Ordinal);
        Assert.Contains("演示使用单位", html, StringComparison.Ordinal);
        Assert.Contains("ah-record-timeline", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tasks/cases/{started.InstanceId}\"", html, StringComparison.Ordinal);
        Assert.Contains(started.BusinessKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NotFound, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_case_shows_that_it_stopped()
    {
        var id = await DeviceIdAsync(CaseWorld.XihuLift);
        var enterprise = CaseWorld.ClientFor(database.Factory, "demo.enterprise");
        var started = await enterprise.ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        var withdrawn = await enterprise.PostAsJsonAsync($"/api/instances/{started.InstanceId}/withdraw", new { comment = "填错设备" }, Cancellation);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync(Cancellation));
        using var browser = await SignedInBrowserAsync("demo.county");

        var html = await browser.GetStringAsync($"/registry/devices/{id}", Cancellation);

        // Opened and stopped: two rows link to the case.
        Assert.Equal(2, html.Split($"href=\"/tasks/cases/{started.InstanceId}\"").Length - 1);
        Assert.Contains("业务终止", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_does_not_find_another_countys_lift()
    {
        var id = await DeviceIdAsync(CaseWorld.ShangchengLift);
        using var browser = await SignedInBrowserAsync("demo.county");

        var html = await browser.GetStringAsync($"/registry/devices/{id}", Cancellation);

        Assert.Contains(NotFound, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseWorld.ShangchengLift, html, StringComparison.Ordinal);
        Assert.DoesNotContain("ah-record-file", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_gets_a_notice_even_for_its_own_lift()
    {
        var id = await DeviceIdAsync(CaseWorld.XihuLift);
        using var browser = await SignedInBrowserAsync("demo.enterprise");

        var html = await browser.GetStringAsync($"/registry/devices/{id}", Cancellation);

        Assert.Contains("设备档案面向监管部门", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseWorld.XihuLift, html, StringComparison.Ordinal);
        Assert.DoesNotContain("ah-record-file", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_pages_device_card_leads_to_the_record_in_the_same_tab()
    {
        var id = await DeviceIdAsync(CaseWorld.XihuLift);
        var started = await CaseWorld.ClientFor(database.Factory, "demo.enterprise").ApplyAsync("09", CaseApi.Form("09", CaseWorld.XihuLift));
        using var browser = await SignedInBrowserAsync("demo.county");

        var html = await browser.GetStringAsync($"/tasks/{started.OpenedTasks[0].TaskId}", Cancellation);

        Assert.Contains($"href=\"/registry/devices/{id}\" class=\"ah-device-record-link\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/timeline", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in()
    {
        using var browser = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/registry/devices/1", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string userName)
    {
        var browser = database.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login", Cancellation);
        var form = HtmlForms.HiddenInputs(login);
        form["userName"] = userName;
        form["password"] = DemoUsers.Password;
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}

public sealed class SqliteDeviceRecordPageTests(SqliteDatabase database)
    : DeviceRecordPageTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceRecordPageTests(PostgresDatabase database)
    : DeviceRecordPageTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
