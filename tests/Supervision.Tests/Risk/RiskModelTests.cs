using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;

namespace ApprovalHub.Supervision.Tests.Risk;

/// <summary>Each factor of the risk model on its own, the cap, the levels and the explanation (default weights).</summary>
public sealed class RiskModelTests
{
    private static readonly RiskModel Model = new(new RiskOptions());

    // A young lift with nothing against it: every test changes one input.
    private static readonly RiskInputs Clean = new() { Category = EquipmentCategory.Lift, AgeYears = 0, DesignLifeYears = 20, MaintenanceMissedCycles = 0 };

    private static double Points(RiskInputs inputs, RiskFactor factor) => Model.Assess(inputs).Contributions.Single(c => c.Factor == factor).Points;

    [Fact]
    public void A_clean_new_device_scores_zero_and_is_blue()
    {
        var assessed = Model.Assess(Clean);

        Assert.Equal(0, assessed.Score);
        Assert.Equal(RiskLevel.Blue, assessed.Level);
        Assert.Equal(RiskFactors.All, assessed.Contributions.Select(c => c.Factor));
        Assert.Empty(assessed.Reasons);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 2.5)]
    [InlineData(10, 5)]
    [InlineData(20, 10)]
    [InlineData(35, 10)]
    public void Age_adds_points_in_proportion_to_the_design_life_up_to_its_weight(int age, double points) =>
        Assert.Equal(points, Points(Clean with { AgeYears = age }, RiskFactor.Age));

    [Theory]
    [InlineData(19, 0)]
    [InlineData(20, 10)]
    [InlineData(31, 10)]
    public void Reaching_the_design_life_adds_its_points(int age, double points) =>
        Assert.Equal(points, Points(Clean with { AgeYears = age }, RiskFactor.BeyondDesignLife));

    [Fact]
    public void A_category_without_a_stated_life_uses_the_configured_one()
    {
        var vehicle = Clean with { Category = EquipmentCategory.InPlantVehicle, DesignLifeYears = 0, AgeYears = 10 };

        Assert.Equal(10, Points(vehicle, RiskFactor.BeyondDesignLife));
        Assert.Contains("设计使用年限 10 年", Model.Assess(vehicle).Contributions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_inspection_adds_its_points() => Assert.Equal(25, Points(Clean with { InspectionOverdue = true }, RiskFactor.InspectionOverdue));

    [Fact]
    public void A_failed_inspection_adds_its_points() => Assert.Equal(20, Points(Clean with { InspectionFailed = true }, RiskFactor.InspectionFailed));

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 15)]
    [InlineData(12, 15)]
    public void Missed_maintenance_cycles_add_points_each_up_to_the_cap(int? missed, double points) =>
        Assert.Equal(points, Points(Clean with { MaintenanceMissedCycles = missed }, RiskFactor.MaintenanceMissed));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 8)]
    [InlineData(3, 24)]
    [InlineData(9, 24)]
    public void Entrapments_add_points_each_up_to_the_cap(int entrapments, double points) =>
        Assert.Equal(points, Points(Clean with { Entrapments = entrapments }, RiskFactor.Entrapments));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 8)]
    [InlineData(40, 10)]
    public void Faults_add_points_each_up_to_the_cap(int faults, double points) =>
        Assert.Equal(points, Points(Clean with { Faults = faults }, RiskFactor.Faults));

    [Theory]
    [InlineData(1, 0, 5)]
    [InlineData(0, 1, 20)]
    [InlineData(2, 1, 30)]
    [InlineData(0, 3, 30)]
    public void Open_hazards_weigh_serious_ones_more_and_stop_at_the_cap(int general, int serious, double points) =>
        Assert.Equal(points, Points(Clean with { OpenGeneralHazards = general, OpenSeriousHazards = serious }, RiskFactor.OpenHazards));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 6)]
    [InlineData(5, 9)]
    public void Complaints_add_points_each_up_to_the_cap(int complaints, double points) =>
        Assert.Equal(points, Points(Clean with { Complaints = complaints }, RiskFactor.Complaints));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(4, 0, 0)]
    [InlineData(4, 1, 2.5)]
    [InlineData(4, 4, 10)]
    public void The_units_other_overdue_devices_add_their_share_of_the_weight(int others, int overdue, double points) =>
        Assert.Equal(points, Points(Clean with { UnitOtherDevices = others, UnitOtherOverdue = overdue }, RiskFactor.UnitOverdue));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(4, 10)]
    public void Certificate_gaps_of_the_unit_add_points_each_up_to_the_cap(int gaps, double points) =>
        Assert.Equal(points, Points(Clean with { UnitCertificateGaps = gaps }, RiskFactor.UnitCertificateGaps));

    [Fact]
    public void The_score_stops_at_100()
    {
        var worst = new RiskInputs
        {
            Category = EquipmentCategory.Lift, AgeYears = 40, DesignLifeYears = 20, InspectionOverdue = true, InspectionFailed = true,
            MaintenanceMissedCycles = 9, Entrapments = 9, Faults = 9, OpenSeriousHazards = 3, Complaints = 9, UnitOtherDevices = 1,
            UnitOtherOverdue = 1, UnitCertificateGaps = 5,
        };

        var assessed = Model.Assess(worst);

        Assert.True(assessed.Contributions.Sum(c => c.Points) > 100);
        Assert.Equal(100, assessed.Score);
        Assert.Equal(RiskLevel.Red, assessed.Level);
    }

    [Theory]
    [InlineData(19.99, RiskLevel.Blue)]
    [InlineData(20, RiskLevel.Yellow)]
    [InlineData(39.9, RiskLevel.Yellow)]
    [InlineData(40, RiskLevel.Orange)]
    [InlineData(60, RiskLevel.Red)]
    public void The_levels_follow_the_configured_thresholds(double score, RiskLevel level) =>
        Assert.Equal(level, new RiskOptions().LevelFor(score));

    [Fact]
    public void Weights_and_thresholds_come_from_the_options()
    {
        var options = new RiskOptions { RedFrom = 30, OrangeFrom = 20, YellowFrom = 10 };
        options.Weights.InspectionOverdue = 35;

        var assessed = new RiskModel(options).Assess(Clean with { InspectionOverdue = true });

        Assert.Equal((35, RiskLevel.Red), (assessed.Score, assessed.Level));
    }

    [Fact]
    public void The_explanation_lists_the_reasons_largest_first_with_their_evidence()
    {
        var assessed = Model.Assess(Clean with { InspectionOverdue = true, Entrapments = 2, AgeYears = 10 });

        Assert.Equal([RiskFactor.InspectionOverdue, RiskFactor.Entrapments, RiskFactor.Age], assessed.Reasons.Select(r => r.Factor));
        Assert.Equal("困人 2 次（90 天内）", assessed.Reasons.ElementAt(1).Evidence);
        Assert.Equal("46.0 分（橙）：超期未检 25（检验有效期已过）；困人 16（困人 2 次（90 天内））；设备年限 5（使用 10 年，设计使用年限 20 年）", assessed.ToString());
    }
}
