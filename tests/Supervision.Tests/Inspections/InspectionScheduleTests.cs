using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;

namespace ApprovalHub.Supervision.Tests.Inspections;

public class InspectionScheduleTests
{
    private static readonly InspectionSchedule Schedule = new(new InspectionRules());
    private static readonly DateOnly Commissioned = new(2010, 3, 15);

    [Fact]
    public void Lifts_alternate_periodic_inspections_and_self_tests_by_TSG_T7001_2023_then_inspect_yearly_after_15_years()
    {
        var lift = CatalogCode.Parse("3110");
        var kinds = new List<(int Year, InspectionKind Kind)>();
        var last = Commissioned;
        for (var year = 1; year <= 18; year++)
        {
            var next = Schedule.NextAfter(lift, Commissioned, last)!.Value;
            Assert.Equal(Commissioned.AddYears(year), next.DueOn);
            kinds.Add((year, next.Kind));
            last = next.DueOn;
        }

        var periodic = kinds.Where(k => k.Kind == InspectionKind.Periodic).Select(k => k.Year);
        Assert.Equal([1, 4, 7, 9, 11, 13, 15, 16, 17, 18], periodic);
        Assert.All(kinds.Where(k => k.Kind == InspectionKind.SelfTest), k => Assert.Contains(k.Year, new[] { 2, 3, 5, 6, 8, 10, 12, 14 }));
    }

    [Theory]
    [InlineData(1, 72)]
    [InlineData(2, 72)]
    [InlineData(3, 36)]
    [InlineData(4, 12)]
    public void Fixed_pressure_vessels_follow_their_safety_grade_after_the_first_inspection(int grade, int months)
    {
        var vessel = CatalogCode.Parse("2150");
        var first = Schedule.NextAfter(vessel, Commissioned, Commissioned, grade)!.Value;
        Assert.Equal(Commissioned.AddMonths(36), first.DueOn);

        var second = Schedule.NextAfter(vessel, Commissioned, first.DueOn, grade)!.Value;
        Assert.Equal(first.DueOn.AddMonths(months), second.DueOn);
    }

    [Fact]
    public void A_grade_5_vessel_has_no_next_inspection_because_it_may_not_be_used()
    {
        Assert.Null(Schedule.NextAfter(CatalogCode.Parse("2150"), Commissioned, Commissioned.AddYears(3), safetyGrade: 5));
    }

    [Fact]
    public void Boilers_get_an_external_inspection_yearly_and_an_internal_one_every_two_years_the_first_after_one_year()
    {
        var boiler = CatalogCode.Parse("1200");
        var first = Schedule.NextAfter(boiler, Commissioned, Commissioned)!.Value;
        Assert.Equal((Commissioned.AddYears(1), InspectionKind.Internal), (first.DueOn, first.Kind));

        var second = Schedule.NextAfter(boiler, Commissioned, first.DueOn, lastInternalOn: first.DueOn)!.Value;
        Assert.Equal((Commissioned.AddYears(2), InspectionKind.External), (second.DueOn, second.Kind));

        var third = Schedule.NextAfter(boiler, Commissioned, second.DueOn, lastInternalOn: first.DueOn)!.Value;
        Assert.Equal((Commissioned.AddYears(3), InspectionKind.Internal), (third.DueOn, third.Kind));
    }

    [Theory]
    [InlineData("4110", 24)] // bridge crane
    [InlineData("4310", 12)] // tower crane
    [InlineData("4860", 12)] // construction hoist
    [InlineData("4410", 12)] // mobile crane
    [InlineData("4240", 24)] // rubber-tyred container gantry
    [InlineData("4150", 12)] // metallurgical (molten metal)
    [InlineData("4D00", 24)] // mechanical parking
    [InlineData("5110", 24)] // forklift
    [InlineData("5200", 12)] // sightseeing vehicle
    [InlineData("6100", 12)] // ride
    public void Cranes_forklifts_and_rides_use_the_interval_of_their_variety(string catalog, int months)
    {
        var next = Schedule.NextAfter(CatalogCode.Parse(catalog), Commissioned, Commissioned)!.Value;

        Assert.Equal(Commissioned.AddMonths(months), next.DueOn);
    }

    [Fact]
    public void Intervals_are_configuration()
    {
        var rules = new InspectionRules();
        rules.IntervalMonthsByCatalogPrefix["511"] = 12;

        Assert.Equal(12, new InspectionSchedule(rules).IntervalMonths(CatalogCode.Parse("5110")));
    }

    [Fact]
    public void The_application_deadline_is_one_month_before_expiry_and_overdue_starts_the_day_after()
    {
        var validUntil = new DateOnly(2026, 6, 30);

        Assert.Equal(new DateOnly(2026, 5, 30), Schedule.ApplyBy(validUntil));
        Assert.False(InspectionSchedule.IsOverdue(validUntil, validUntil));
        Assert.True(InspectionSchedule.IsOverdue(validUntil, validUntil.AddDays(1)));
        Assert.False(InspectionSchedule.IsOverdue(null, validUntil));
    }
}
