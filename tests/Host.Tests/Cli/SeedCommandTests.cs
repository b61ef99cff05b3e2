using ApprovalHub.Host.Cli;
using ApprovalHub.Supervision.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Tests.Cli;

/// <summary><c>seed --devices N</c> on a fresh SQLite file: migrates, seeds, refuses to seed twice without --replace.</summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalhub-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "seed.db") }.ConnectionString;

    [Fact]
    public async Task Seeds_a_fresh_database_and_refuses_a_second_seed_unless_told_to_replace()
    {
        Directory.CreateDirectory(_folder);
        string[] args = ["--devices", "500", "--seed", "7", "--as-of", "2026-11-26", $"--Database:ConnectionString={ConnectionString}"];
        var cancellation = TestContext.Current.CancellationToken;

        var (code, output, _) = await RunAsync(args, cancellation);
        Assert.Equal(0, code);
        Assert.Contains("devices", output);
        Assert.Contains("100%", output);
        Assert.Matches(@"seed: 500 devices, 100 organisations, 200 people", output);

        var (again, _, error) = await RunAsync(args, cancellation);
        Assert.Equal(1, again);
        Assert.Contains("--replace", error);

        var (replaced, _, _) = await RunAsync([.. args, "--replace"], cancellation);
        Assert.Equal(0, replaced);
        await using var db = new SqliteRegistryDbContext(SqliteRegistryDbContextFactory.Sqlite(ConnectionString));
        Assert.Equal(500, await db.Devices.CountAsync(cancellation));
        Assert.Equal(500, await db.RegionRollups.Where(r => r.RegionCode == "330000").SumAsync(r => r.Devices, cancellation));
    }

    [Fact]
    public async Task Bad_arguments_print_the_usage()
    {
        var (code, _, error) = await RunAsync(["--devices", "many"], TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("--devices needs a positive number", error);
        Assert.Contains("usage: seed", error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SeedCommand.RunAsync(args, output, error, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
