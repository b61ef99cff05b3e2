using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Inspections;

/// <summary>The next inspection a device owes: when, and which kind.</summary>
/// <param name="DueOn">The date it falls due (the end of the current validity).</param>
/// <param name="Kind">Periodic inspection, lift self-test, or boiler external/internal inspection.</param>
public readonly record struct ScheduledInspection(DateOnly DueOn, InspectionKind Kind);

/// <summary>
/// Computes inspection due dates by category and variety from <see cref="InspectionRules"/>
/// (domain.md section 3.2), and the two deadlines derived from a validity date: the application
/// deadline (one month before) and the overdue flag (超期未检, from the day after).
/// </summary>
public sealed class InspectionSchedule(InspectionRules rules)
{
    /// <summary>The rules in force.</summary>
    public InspectionRules Rules { get; } = rules;

    /// <summary>
    /// The inspection that follows one done on <paramref name="lastDoneOn"/>.
    /// </summary>
    /// <param name="catalog">The device's catalog code.</param>
    /// <param name="commissionedOn">The installation (or renovation) supervisory-inspection pass date.</param>
    /// <param name="lastDoneOn">The last periodic inspection or self-test; <paramref name="commissionedOn"/> when none yet.</param>
    /// <param name="safetyGrade">安全状况等级 for pressure vessels.</param>
    /// <param name="lastInternalOn">Boilers: the last internal inspection, if any.</param>
    /// <returns>The next inspection, or null when the device may not be used at all (a grade-5 vessel).</returns>
    public ScheduledInspection? NextAfter(CatalogCode catalog, DateOnly commissionedOn, DateOnly lastDoneOn, int? safetyGrade = null, DateOnly? lastInternalOn = null)
    {
        switch (catalog.Category)
        {
            case EquipmentCategory.Lift:
                return NextLiftInspection(commissionedOn, lastDoneOn);
            case EquipmentCategory.Boiler:
                return NextBoilerInspection(commissionedOn, lastDoneOn, lastInternalOn);
            case EquipmentCategory.PressureVessel when catalog.Value.StartsWith("21", StringComparison.Ordinal):
                return NextFixedVesselInspection(commissionedOn, lastDoneOn, safetyGrade);
            default:
                return new ScheduledInspection(lastDoneOn.AddMonths(IntervalMonths(catalog)), InspectionKind.Periodic);
        }
    }

    /// <summary>
    /// For lifts: which kind of check falls in year <paramref name="ageInYears"/> after
    /// commissioning — a periodic inspection in the configured years and every year past the
    /// yearly threshold, a self-test in between.
    /// </summary>
    public InspectionKind LiftCheckInYear(int ageInYears) =>
        ageInYears > Rules.LiftYearlyAfter || Rules.LiftInspectionYears.Contains(ageInYears) ? InspectionKind.Periodic : InspectionKind.SelfTest;

    /// <summary>The interval for categories with one fixed interval (longest configured prefix of the catalog code).</summary>
    public int IntervalMonths(CatalogCode catalog)
    {
        for (var length = 4; length >= 1; length--)
        {
            if (Rules.IntervalMonthsByCatalogPrefix.TryGetValue(catalog.Value[..length], out var months))
            {
                return months;
            }
        }

        // Categories outside the eight (piping components, safety accessories) are inspected with
        // the equipment they belong to; yearly is the conservative reminder.
        return 12;
    }

    /// <summary>The last day to apply for inspection: <see cref="InspectionRules.ApplyMonthsBefore"/> before the validity ends.</summary>
    public DateOnly ApplyBy(DateOnly validUntil) => validUntil.AddMonths(-Rules.ApplyMonthsBefore);

    /// <summary>超期未检: true from the day after the validity ends.</summary>
    public static bool IsOverdue(DateOnly? validUntil, DateOnly today) => validUntil is { } end && today > end;

    private ScheduledInspection NextLiftInspection(DateOnly commissionedOn, DateOnly lastDoneOn)
    {
        // Every year brings either a periodic inspection or a self-test; the due month follows the
        // last pass month (TSG T7001-2023), the kind follows the lift's age in that year.
        var due = lastDoneOn.AddMonths(12);
        var age = Math.Max(1, (int)Math.Round(MonthsBetween(commissionedOn, due) / 12.0, MidpointRounding.AwayFromZero));
        return new ScheduledInspection(due, LiftCheckInYear(age));
    }

    private ScheduledInspection NextBoilerInspection(DateOnly commissionedOn, DateOnly lastDoneOn, DateOnly? lastInternalOn)
    {
        var external = lastDoneOn.AddMonths(Rules.BoilerExternalMonths);
        var internalDue = lastInternalOn is { } done ? done.AddMonths(Rules.BoilerInternalMonths) : commissionedOn.AddMonths(12);
        if (internalDue <= lastDoneOn)
        {
            // An internal inspection already missed is due at once, with the next external one.
            internalDue = external;
        }

        return internalDue <= external
            ? new ScheduledInspection(internalDue, InspectionKind.Internal)
            : new ScheduledInspection(external, InspectionKind.External);
    }

    private ScheduledInspection? NextFixedVesselInspection(DateOnly commissionedOn, DateOnly lastDoneOn, int? safetyGrade)
    {
        if (lastDoneOn == commissionedOn || safetyGrade is null)
        {
            return new ScheduledInspection(commissionedOn.AddMonths(Rules.VesselFirstMonths), InspectionKind.Periodic);
        }

        return Rules.VesselMonthsByGrade.TryGetValue(safetyGrade.Value, out var months)
            ? new ScheduledInspection(lastDoneOn.AddMonths(months), InspectionKind.Periodic)
            : null;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
