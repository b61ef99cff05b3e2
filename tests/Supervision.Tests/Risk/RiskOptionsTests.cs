using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Supervision.Tests.Risk;

/// <summary>Bad settings are refused with a message that names the setting.</summary>
public sealed class RiskOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new RiskOptions().Validate());

    [Fact]
    public void Negative_or_huge_weights_are_refused()
    {
        var options = new RiskOptions();
        options.Weights.InspectionOverdue = -1;
        options.Weights.HazardCap = 101;

        var errors = options.Validate();

        Assert.Contains("Risk:Weights:InspectionOverdue must be between 0 and 100, not -1.", errors);
        Assert.Contains("Risk:Weights:HazardCap must be between 0 and 100, not 101.", errors);
    }

    [Theory]
    [InlineData(20, 20, 60)]
    [InlineData(0, 40, 60)]
    [InlineData(20, 70, 60)]
    [InlineData(20, 40, 101)]
    public void Thresholds_must_rise(double yellow, double orange, double red) =>
        Assert.Contains(new RiskOptions { YellowFrom = yellow, OrangeFrom = orange, RedFrom = red }.Validate(), e => e.StartsWith("Risk thresholds must rise", StringComparison.Ordinal));

    [Fact]
    public void Unknown_certificate_items_and_bad_prefixes_are_refused()
    {
        var options = new RiskOptions();
        options.RequiredOperatorItems["3"] = ["A", "T9"];
        options.RequiredOperatorItems["3-1"] = ["A"];

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Risk:RequiredOperatorItems:3: 'T9' is not a TSG Z6001-2019 item", StringComparison.Ordinal));
        Assert.Contains("Risk:RequiredOperatorItems: '3-1' is not a catalog-code prefix (1–4 letters or digits).", errors);
    }

    [Fact]
    public void Windows_and_codes_are_checked()
    {
        var errors = new RiskOptions { AlarmWindowDays = 0, MaintenanceCycleDays = 400, EntrapmentFaultCodes = [] }.Validate();

        Assert.Contains("Risk:AlarmWindowDays must be 1–366, not 0.", errors);
        Assert.Contains("Risk:MaintenanceCycleDays must be 1–366, not 400.", errors);
        Assert.Contains("Risk:EntrapmentFaultCodes needs at least one fault code of at most 8 characters.", errors);
    }

    [Fact]
    public void Warning_settings_are_checked_against_the_alarm_window()
    {
        var errors = new WarningOptions { DisabledRules = ["no-such-rule"], RepeatedEntrapmentDays = 120, MaxNewCasesPerRun = -1 }.Validate(alarmWindowDays: 90);

        Assert.Contains(errors, e => e.StartsWith("Warnings:DisabledRules: 'no-such-rule' is not a rule", StringComparison.Ordinal));
        Assert.Contains("Warnings:RepeatedEntrapmentDays must be 1–90 (Risk:AlarmWindowDays), not 120.", errors);
        Assert.Contains("Warnings:MaxNewCasesPerRun must be 0–1000000, not -1.", errors);
        Assert.Empty(new WarningOptions().Validate(90));
    }

    [Fact]
    public void The_required_items_come_out_as_sorted_pairs()
    {
        var pairs = new RiskOptions { RequiredOperatorItems = new(StringComparer.Ordinal) { ["4"] = ["Q2", "A"], ["3"] = ["A"] } }.RequiredItemPairs();

        Assert.Equal([("3", "A"), ("4", "A"), ("4", "Q2")], pairs);
    }
}
