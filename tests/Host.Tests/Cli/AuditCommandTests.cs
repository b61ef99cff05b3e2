using ApprovalHub.Host.Cli;

namespace ApprovalHub.Host.Tests.Cli;

/// <summary>
/// <c>audit verify</c> outside a database: usage and configuration errors exit with 2, never with
/// the 0 or 1 that a script would read as a verdict on the chain. Verdicts are tested in Security/.
/// </summary>
public sealed class AuditCommandTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData]
    [InlineData("check")]
    public async Task A_wrong_command_line_is_a_usage_error(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);

        Assert.Equal(AuditCommand.Usage, exitCode);
        Assert.Contains("usage: audit verify", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_database_setting_is_a_configuration_error()
    {
        var (exitCode, output) = await RunAsync("verify", "--Database:Provider=Oracle", "--Database:ConnectionString=x");

        Assert.Equal(AuditCommand.Usage, exitCode);
        Assert.Contains("Database:Provider 'Oracle' is not supported", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AuditCommand.RunAsync(args, stdout, stderr, Cancellation);
        return (exitCode, stdout.ToString() + stderr);
    }
}
