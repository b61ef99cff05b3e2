namespace ApprovalHub.Supervision.Records;

/// <summary>How deep a lift maintenance visit went (TSG T5002-2017: each level includes the shallower ones).</summary>
public enum MaintenanceKind
{
    /// <summary>半月.</summary>
    HalfMonthly = 0,

    /// <summary>季度.</summary>
    Quarterly = 1,

    /// <summary>半年.</summary>
    HalfYearly = 2,

    /// <summary>年度.</summary>
    Annual = 3,

    /// <summary>救援: a rescue after an alarm (trapped passengers), not a scheduled visit.</summary>
    Rescue = 4,
}

/// <summary>维保记录: one maintenance visit (专题库: maintenance).</summary>
public sealed class MaintenanceRecord
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The maintenance unit.</summary>
    public long OrganisationId { get; set; }

    /// <summary>Date of the visit.</summary>
    public DateOnly PerformedOn { get; set; }

    /// <summary>Depth of the visit.</summary>
    public MaintenanceKind Kind { get; set; }

    /// <summary>What was done (items, arrival and rescue times, findings), in words.</summary>
    public string? Detail { get; set; }
}
