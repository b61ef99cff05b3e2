using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Messages;

namespace ApprovalHub.Supervision.Tests.Alarms;

/// <summary>The default rule set: which codes raise and clear what, thresholds, arrival limits, the lifecycle.</summary>
public sealed class AlarmRuleTests
{
    private static readonly AlarmRuleSet Rules = AlarmRuleSet.Default;

    [Theory]
    [InlineData("11", "lift.entrapment")]
    [InlineData("93", "lift.entrapment")]
    [InlineData("09", "lift.top-overrun")]
    [InlineData("92", "lift.top-overrun")]
    [InlineData("10", "lift.bottom-overrun")]
    [InlineData("05", "lift.moving-with-door-open")]
    [InlineData("L01", "lift.overspeed")]
    [InlineData("04", "lift.stopped-outside-door-zone")]
    [InlineData("L02", "lift.stopped-between-floors")]
    public void Lift_fault_codes_raise_their_alarm(string code, string type) =>
        Assert.Equal(type, Assert.Single(Rules.RaisedBy(code, EquipmentCategory.Lift)).Type);

    [Fact]
    public void A_code_raises_nothing_for_another_category_and_unknown_codes_raise_nothing()
    {
        Assert.Empty(Rules.RaisedBy("11", EquipmentCategory.Boiler));
        Assert.Empty(Rules.RaisedBy("B01", EquipmentCategory.Lift));
        Assert.Empty(Rules.RaisedBy("40", EquipmentCategory.Lift));
        Assert.Equal("boiler.low-water", Assert.Single(Rules.RaisedBy("B02", EquipmentCategory.Boiler)).Type);
        Assert.Equal("crane.overload", Assert.Single(Rules.RaisedBy("C01", EquipmentCategory.Crane)).Type);
    }

    [Fact]
    public void Back_to_normal_clears_every_lift_alarm_and_a_code_sent_as_cleared_clears_its_own()
    {
        var cleared = Rules.ClearedBy(AlarmRuleSet.LiftBackToNormal, clearedState: false, EquipmentCategory.Lift).Select(r => r.Type).ToList();
        Assert.Contains("lift.entrapment", cleared);
        Assert.Contains("lift.stopped-outside-door-zone", cleared);
        Assert.Equal("lift.entrapment", Assert.Single(Rules.ClearedBy("11", clearedState: true, EquipmentCategory.Lift)).Type);
        Assert.Empty(Rules.ClearedBy("11", clearedState: false, EquipmentCategory.Lift));
    }

    [Fact]
    public void Door_and_stop_alarms_wait_out_a_false_alarm_delay_and_critical_ones_do_not()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Rules.Find("lift.stopped-outside-door-zone")!.ConfirmAfter);
        Assert.Equal(TimeSpan.FromSeconds(45), Rules.Find("lift.stopped-between-floors")!.ConfirmAfter);
        Assert.Equal(TimeSpan.Zero, Rules.Find("lift.entrapment")!.ConfirmAfter);
        Assert.All(Rules.Rules.Where(r => r.Severity == AlarmSeverity.Critical), r => Assert.True(r.OpensCase));
        Assert.False(Rules.Find("lift.door-faults-repeated")!.OpensCase);
    }

    [Fact]
    public void Boiler_pressure_is_judged_against_the_reported_maximum_or_the_default()
    {
        var rule = Assert.Single(Rules.Thresholds(EquipmentCategory.Boiler));
        var threshold = Assert.IsType<ThresholdTrigger>(rule.Trigger);
        Assert.Equal(TimeSpan.FromSeconds(10), rule.ConfirmAfter);
        Assert.True(threshold.IsBeyond(Telemetry(pressure: 1.7)));
        Assert.False(threshold.IsBeyond(Telemetry(pressure: 1.5)));
        Assert.False(threshold.IsBeyond(Telemetry(pressure: 1.7, pressureMax: 2.5)));
        Assert.Null(threshold.IsBeyond(Telemetry()));
        Assert.Empty(Rules.Thresholds(EquipmentCategory.Lift));
    }

    [Fact]
    public void Duplicate_rule_types_are_refused()
    {
        var rule = Rules.Find("lift.entrapment")!;
        Assert.Throws<ArgumentException>(() => new AlarmRuleSet([rule, rule]));
    }

    [Theory]
    [InlineData("330106001000", 30)] // 西湖区, a district of Hangzhou
    [InlineData("330102", 30)]
    [InlineData("330127", 60)] // 淳安县
    [InlineData("330182", 60)] // 建德市, a county-level city
    public void The_arrival_limit_is_half_an_hour_in_city_districts_and_an_hour_elsewhere(string region, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ArrivalLimits.For(region));
        Assert.Equal(minutes == 30 ? "PT30M" : "PT1H", ArrivalLimits.AsDuration(ArrivalLimits.For(region)));
    }

    [Fact]
    public void The_lifecycle_moves_only_forward_and_names_both_states_when_refused()
    {
        var device = new DeviceFacts(1, "311033001202000010", EquipmentCategory.Lift, "330106001000", 7, 9, "123456");
        var at = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        var pending = Alarm.Raise(Rules.Find("lift.stopped-outside-door-zone")!, device, "04", at);
        Assert.Equal((AlarmStatus.Pending, at.AddSeconds(30)), (pending.Status, pending.ConfirmDueAt));
        var refused = Assert.Throws<IllegalAlarmTransitionException>(() => pending.Acknowledge("someone", at));
        Assert.Equal((AlarmStatus.Pending, AlarmStatus.Acknowledged), (refused.From, refused.To));
        pending.End("40", at.AddSeconds(5));
        Assert.Equal(AlarmStatus.Dismissed, pending.Status);

        var active = Alarm.Raise(Rules.Find("lift.entrapment")!, device, "11", at);
        Assert.Equal((AlarmStatus.Active, at), (active.Status, active.ActivatedAt));
        active.Acknowledge("maint.li", at.AddMinutes(1));
        active.End("40", at.AddMinutes(20));
        Assert.Equal((AlarmStatus.Cleared, false), (active.Status, active.IsOpen));
        Assert.Throws<IllegalAlarmTransitionException>(() => active.End("40", at.AddMinutes(21)));
    }

    private static TelemetryMessage Telemetry(double? pressure = null, double? pressureMax = null) =>
        new() { Version = 1, Ts = DateTimeOffset.UtcNow, Pressure = pressure, PressureMax = pressureMax };
}
