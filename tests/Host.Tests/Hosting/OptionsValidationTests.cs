using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>Bad configuration stops the host at startup with a message that says what to fix.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void An_unknown_database_provider_stops_startup_with_a_clear_message()
    {
        var message = StartupFailure(new()
        {
            ["Database:Provider"] = "Oracle",
            ["Database:ConnectionString"] = "Data Source=unused.db",
        });

        Assert.Contains("Database:Provider 'Oracle' is not supported. Use one of: Sqlite, Postgres.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_string_stops_startup_with_a_clear_message()
    {
        var message = StartupFailure(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "",
        });

        Assert.Contains("Database:ConnectionString is required.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_a_signing_key_stops_startup_with_a_clear_message()
    {
        var message = StartupFailure(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Security:SigningKey"] = "",
        });

        Assert.Contains("Security:SigningKey is required outside demo mode", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_signing_key_stops_startup_with_a_clear_message()
    {
        var message = StartupFailure(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Security:SigningKey"] = Convert.ToBase64String(new byte[16]),
        });

        Assert.Contains("Security:SigningKey has 16 bytes; it needs at least 32.", message, StringComparison.Ordinal);
    }

    private static string StartupFailure(Dictionary<string, string?> settings)
    {
        settings["Demo:Enabled"] = "false";
        using var factory = new ApprovalHubFactory(settings);

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);
        return exception.ToString();
    }
}
