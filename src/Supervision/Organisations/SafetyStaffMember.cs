namespace ApprovalHub.Supervision.Organisations;

/// <summary>The role of a safety manager under SAMR Order No. 74 (特种设备使用单位落实使用安全主体责任监督管理规定).</summary>
public enum SafetyStaffRole
{
    /// <summary>安全总监.</summary>
    Director = 0,

    /// <summary>安全员.</summary>
    Officer = 1,
}

/// <summary>A 安全总监 or 安全员 an organisation has filed (unit 28); a new filing replaces the previous list.</summary>
public sealed class SafetyStaffMember
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The organisation.</summary>
    public long OrganisationId { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Director or officer.</summary>
    public SafetyStaffRole Role { get; set; }

    /// <summary>The catalog category code (3000 …) the person answers for.</summary>
    public required string CategoryCode { get; set; }

    /// <summary>The person's certificate number, if any.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>The day of the filing.</summary>
    public DateOnly AppointedOn { get; set; }

    /// <summary>The day a later filing replaced this one, or null while in office.</summary>
    public DateOnly? EndedOn { get; set; }
}
