using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>Demo seeding from a configured folder: bad files are reported, not fatal; demo accounts and keys exist only in demo mode.</summary>
public sealed class DemoModeTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("approvalhub-definitions-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_broken_demo_file_is_skipped_and_the_others_are_deployed()
    {
        var good = TestBpmn.NewKey("demo");
        var nested = TestBpmn.NewKey("demo");
        var broken = TestBpmn.NewKey("demo");
        Directory.CreateDirectory(Path.Combine(_folder, "units"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "a-good.bpmn"), TestBpmn.Process(good), Cancellation);
        await File.WriteAllTextAsync(Path.Combine(_folder, "b-broken.bpmn"), TestBpmn.DanglingFlow(broken), Cancellation);
        await File.WriteAllTextAsync(Path.Combine(_folder, "units", "c-nested.bpmn"), TestBpmn.Process(nested), Cancellation);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "not a definition", Cancellation);
        var settings = database.Settings(demo: true);
        settings["Definitions:Path"] = _folder;

        await using var host = new ApprovalHubFactory(settings);
        var definitions = await host.CreateClientFor(SignedInClients.Analyst).GetFromJsonAsync<List<DefinitionSummaryResponse>>("/api/definitions", Json.Options, Cancellation);

        Assert.Contains(definitions!, d => d.Key == good && d.DeployedBy == "demo");
        Assert.Contains(definitions!, d => d.Key == nested);
        Assert.DoesNotContain(definitions!, d => d.Key == broken);
    }

    [Fact]
    public async Task Demo_mode_without_a_signing_key_signs_tokens_with_a_key_of_its_own()
    {
        var settings = database.Settings(demo: true);
        settings["Security:SigningKey"] = "";
        settings["Definitions:Path"] = _folder;

        await using var host = new ApprovalHubFactory(settings);
        var me = await host.CreateClientFor(SignedInClients.Admin).GetAsync("/api/auth/me", Cancellation);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Without_demo_mode_a_new_database_has_no_accounts_and_so_no_known_password()
    {
        var settings = database.Settings(demo: false);
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "production.db")}";

        await using (var host = new ApprovalHubFactory(settings))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApprovalHubUser>>();
            var demoLogin = await host.CreateDefaultClient().PostAsJsonAsync(
                "/api/auth/token", new { userName = SignedInClients.Admin, password = DemoUsers.Password }, Cancellation);

            Assert.Empty(users.Users);
            Assert.Equal(HttpStatusCode.Unauthorized, demoLogin.StatusCode);
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
