using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;

namespace ApprovalHub.Supervision.Tests.Risk;

/// <summary>Each warning rule on its own: when it fires, who owns it, and when it does not.</summary>
public sealed class WarningRuleTests
{
    private static readonly WarningEvaluator Rules = new(new RiskOptions(), new WarningOptions());

    private static DeviceRisk Lift() => new()
    {
        DeviceId = 7,
        RegionCode = "330106001000",
        Category = EquipmentCategory.Lift,
        Status = EquipmentStatus.InUse,
        UserOrganisationId = 2001,
        MaintenanceOrganisationId = 3005,
        Score = 5,
        Level = RiskLevel.Blue,
        InspectionValidUntil = new DateOnly(2027, 6, 1),
        MaintenanceDays = 3,
        MaintenanceMissedCycles = 0,
    };

    private static WarningFinding Single(DeviceRisk row, WarningRule rule, bool applied = false) =>
        Assert.Single(Rules.ForDevice(row, applied), f => f.Rule == rule);

    [Fact]
    public void A_device_in_good_order_raises_nothing() => Assert.Empty(Rules.ForDevice(Lift(), inspectionApplied: false));

    [Fact]
    public void Inspection_due_within_the_window_and_not_applied_for_warns_the_county()
    {
        var row = Lift();
        row.DueSoon = true;
        row.InspectionValidUntil = new DateOnly(2026, 12, 20);

        var finding = Single(row, WarningRule.InspectionDue);

        Assert.Equal((7L, "330106001000", 2001L), (finding.SubjectId, finding.RegionCode, finding.OrganisationId));
        Assert.Equal("检验有效期至 2026-12-20，尚未申报定期检验（应于 2026-11-20 前申报）", finding.Detail);
        Assert.Equal(WarningRules.SupervisionCheck, finding.Definition.ProcessKey);
        Assert.DoesNotContain(Rules.ForDevice(row, inspectionApplied: true), f => f.Rule == WarningRule.InspectionDue);
    }

    [Fact]
    public void Overdue_inspection_orders_rectification_of_the_use_unit()
    {
        var row = Lift();
        row.Overdue = true;
        row.InspectionValidUntil = new DateOnly(2026, 10, 1);

        var finding = Single(row, WarningRule.InspectionOverdue);

        Assert.Equal("检验有效期至 2026-10-01，已超期未检", finding.Detail);
        Assert.Equal(2001, finding.OrganisationId);
        Assert.Equal(WarningRules.HazardRectification, finding.Definition.ProcessKey);
    }

    [Theory]
    [InlineData(15, 0, false)]
    [InlineData(16, 0, true)]
    [InlineData(16, 3, false)]
    [InlineData(19, 3, true)]
    public void Missed_maintenance_warns_past_the_cycle_and_its_grace(int days, int grace, bool warns)
    {
        var row = Lift();
        row.MaintenanceDays = days;
        row.MaintenanceMissedCycles = (days - 1) / 15;

        var findings = new WarningEvaluator(new RiskOptions(), new WarningOptions { MaintenanceGraceDays = grace }).ForDevice(row, false);

        Assert.Equal(warns, findings.Any(f => f.Rule == WarningRule.MaintenanceMissed));
    }

    [Fact]
    public void Missed_maintenance_is_owned_by_the_maintenance_unit()
    {
        var row = Lift();
        row.MaintenanceDays = 40;
        row.MaintenanceMissedCycles = 2;

        var finding = Single(row, WarningRule.MaintenanceMissed);

        Assert.Equal(3005, finding.OrganisationId);
        Assert.Equal("维保超期：已漏保 2 个周期（至少每 15 日一次）", finding.Detail);
    }

    [Fact]
    public void A_red_risk_level_warns_with_its_main_factors()
    {
        var row = Lift();
        row.Level = RiskLevel.Red;
        row.PointsInspectionOverdue = 25;
        row.PointsOpenHazards = 30;
        row.PointsAge = 4;
        row.PointsFaults = 2;

        var finding = Single(row, WarningRule.RiskRed);

        Assert.Equal("风险等级升至红色，主要因素：未闭环隐患、超期未检、设备年限", finding.Detail);
        row.Level = RiskLevel.Orange;
        Assert.DoesNotContain(Rules.ForDevice(row, false), f => f.Rule == WarningRule.RiskRed);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Repeated_entrapments_warn_at_the_threshold(int entrapments, bool warns)
    {
        var row = Lift();
        row.RecentEntrapments = entrapments;

        var findings = Rules.ForDevice(row, false).ToList();

        Assert.Equal(warns, findings.Any(f => f.Rule == WarningRule.RepeatedEntrapment));
        if (warns)
        {
            Assert.Equal("30 日内困人 3 次（阈值 3 次）", findings.Single().Detail);
            Assert.Equal(3005, findings.Single().OrganisationId);
        }
    }

    [Fact]
    public void Lapsing_operator_certificates_warn_the_use_unit_with_the_item_names()
    {
        var unit = new OrganisationRisk { OrganisationId = 2001, RegionCode = "330106001000", LapsingItems = "A,Q2" };

        var finding = Rules.ForOrganisation(unit)!;

        Assert.Equal((WarningRule.OperatorCertificate, 2001L, 2001L), (finding.Rule, finding.SubjectId, finding.OrganisationId));
        Assert.Equal("作业人员证书已过期或 30 日内到期且无其他有效持证人员：A 特种设备安全管理、Q2 起重机司机", finding.Detail);
        Assert.Null(Rules.ForOrganisation(new OrganisationRisk { OrganisationId = 2002, RegionCode = "330106", CertificateGaps = 2, GapItems = "A,Q2" }));
    }

    [Fact]
    public void Devices_not_in_use_raise_nothing()
    {
        var row = Lift();
        row.Status = EquipmentStatus.Suspended;
        row.Overdue = true;
        row.RecentEntrapments = 9;

        Assert.Empty(Rules.ForDevice(row, false));
    }

    [Fact]
    public void A_disabled_rule_raises_nothing()
    {
        var row = Lift();
        row.Overdue = true;
        row.RecentEntrapments = 5;

        var findings = new WarningEvaluator(new RiskOptions(), new WarningOptions { DisabledRules = ["INSPECTION-OVERDUE"] }).ForDevice(row, false);

        Assert.Equal([WarningRule.RepeatedEntrapment], findings.Select(f => f.Rule));
        Assert.Empty(new WarningEvaluator(new RiskOptions(), new WarningOptions { Enabled = false }).ForDevice(row, false));
    }

    [Fact]
    public void Every_rule_names_its_owner_path_and_source()
    {
        Assert.Equal(Enum.GetValues<WarningRule>(), WarningRules.All.Select(r => r.Rule));
        Assert.All(WarningRules.All, r =>
        {
            Assert.Contains(r.ProcessKey, new[] { WarningRules.HazardRectification, WarningRules.SupervisionCheck });
            Assert.False(string.IsNullOrWhiteSpace(r.Owner));
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.Same(r, WarningRules.FindByCode(r.Code.ToUpperInvariant()));
        });
    }
}
