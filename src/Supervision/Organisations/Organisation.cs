namespace ApprovalHub.Supervision.Organisations;

/// <summary>An organisation in the registry: user unit, manufacturer, installer, maintenance unit or inspection body.</summary>
public sealed class Organisation
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>统一社会信用代码 (GB 32100, check character verified), unique.</summary>
    public required string CreditCode { get; set; }

    /// <summary>Registered name.</summary>
    public required string Name { get; set; }

    /// <summary>What the organisation does.</summary>
    public OrganisationRoles Roles { get; set; }

    /// <summary>Region code (6 or 12 digits) of its seat.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Address of its seat.</summary>
    public string? Address { get; set; }

    /// <summary>24-hour duty phone (maintenance units keep one, TSG T5002-2017).</summary>
    public string? DutyPhone { get; set; }
}
