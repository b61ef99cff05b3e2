using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>Bad risk, warning or cockpit settings stop the host with a message naming the setting.</summary>
public sealed class CockpitOptionsTests
{
    [Theory]
    [InlineData("Risk:RedFrom", "10", "Risk thresholds must rise")]
    [InlineData("Risk:Weights:InspectionOverdue", "-5", "Risk:Weights:InspectionOverdue must be between 0 and 100, not -5.")]
    [InlineData("Risk:RequiredOperatorItems:4:0", "Q9", "'Q9' is not a TSG Z6001-2019 item")]
    [InlineData("Warnings:DisabledRules:0", "noise", "Warnings:DisabledRules: 'noise' is not a rule")]
    [InlineData("Warnings:RepeatedEntrapmentDays", "400", "Warnings:RepeatedEntrapmentDays must be 1–90")]
    [InlineData("Cockpit:NightlyCron", "every night", "Cockpit:NightlyCron 'every night' is not a Quartz cron expression")]
    public void A_bad_setting_stops_startup_with_a_message_that_names_it(string key, string value, string message)
    {
        using var factory = new ApprovalHubFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Demo:Enabled"] = "false",
            ["Security:SigningKey"] = TestDatabase.TestSigningKey,
            [key] = value,
        });

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(message, exception.ToString(), StringComparison.Ordinal);
    }
}
