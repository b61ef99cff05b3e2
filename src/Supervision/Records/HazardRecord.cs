namespace ApprovalHub.Supervision.Records;

/// <summary>一般 or 严重 hazard (总局令第74号: a serious hazard stops use at once).</summary>
public enum HazardLevel
{
    /// <summary>一般事故隐患.</summary>
    General = 0,

    /// <summary>严重事故隐患.</summary>
    Serious = 1,
}

/// <summary>隐患: a hazard found on a device, open until closed (专题库: hazards).</summary>
public sealed class HazardRecord
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device, or null for a hazard of the organisation as a whole (a missing safety manager, a lapsed record).</summary>
    public long? DeviceId { get; set; }

    /// <summary>The organisation that must fix it (usually the user unit).</summary>
    public long OrganisationId { get; set; }

    /// <summary>Date found.</summary>
    public DateOnly FoundOn { get; set; }

    /// <summary>Level.</summary>
    public HazardLevel Level { get; set; }

    /// <summary>What was found.</summary>
    public required string Description { get; set; }

    /// <summary>Date closed (闭环), or null while open.</summary>
    public DateOnly? ClosedOn { get; set; }
}
