using System.Net.Http.Json;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>Demo seeding from a configured folder: bad files are reported, not fatal.</summary>
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
