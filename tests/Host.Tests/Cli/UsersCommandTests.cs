using System.Net;
using ApprovalHub.Host.Cli;
using ApprovalHub.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ApprovalHub.Host.Tests.Cli;

/// <summary>
/// <c>users add-admin</c>: how a production installation, which starts with no accounts, gets its
/// first administrator, with the password from standard input and the password policy applied.
/// </summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("approvalhub-users-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "production.db")}";

    [Fact]
    public async Task The_first_administrator_is_created_from_the_command_line_and_can_sign_in()
    {
        var (created, output) = await RunAsync("Root-Admin-Password-2026", "add-admin", "root.admin", "--display-name", "省局平台管理员");
        var (again, againOutput) = await RunAsync("Root-Admin-Password-2026", "add-admin", "root.admin");

        Assert.Equal(UsersCommand.Created, created);
        Assert.Contains("administrator root.admin created", output, StringComparison.Ordinal);
        Assert.Equal(UsersCommand.Refused, again);
        Assert.Contains("root.admin was not created", againOutput, StringComparison.Ordinal);

        await using var host = new ApprovalHubFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Enabled"] = "false",
            ["Security:SigningKey"] = TestDatabase.TestSigningKey,
            ["Iot:Enabled"] = "false",
        });
        var users = await host.CreateClientFor("root.admin", "Root-Admin-Password-2026").GetAsync("/api/users", Cancellation);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_policy()
    {
        var (exitCode, output) = await RunAsync("short", "add-admin", "weak.admin");

        Assert.Equal(UsersCommand.Refused, exitCode);
        Assert.Contains("at least 12 characters", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add-admin")]
    [InlineData("add-admin", "--display-name", "x")]
    [InlineData("remove", "someone")]
    public async Task A_wrong_command_line_is_a_usage_error(params string[] args)
    {
        var (exitCode, output) = await RunAsync("Root-Admin-Password-2026", args);

        Assert.Equal(UsersCommand.Usage, exitCode);
        Assert.Contains("usage: users add-admin NAME", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string password, params string[] args)
    {
        using var stdin = new StringReader(password + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] settings = args is ["add-admin", _, ..] ? ["--Database:Provider=Sqlite", $"--Database:ConnectionString={ConnectionString}"] : [];
        var exitCode = await UsersCommand.RunAsync([.. args, .. settings], stdin, stdout, stderr, Cancellation);
        return (exitCode, stdout.ToString() + stderr);
    }
}
