namespace ApprovalHub.Supervision.Records;

/// <summary>Accident levels (特种设备事故报告和调查处理规定, domain.md 9.3).</summary>
public enum AccidentLevel
{
    /// <summary>一般事故.</summary>
    General = 0,

    /// <summary>较大事故.</summary>
    Major = 1,

    /// <summary>重大事故.</summary>
    Serious = 2,

    /// <summary>特别重大事故.</summary>
    ExtremelySerious = 3,
}

/// <summary>事故: an accident involving a device (专题库: accidents).</summary>
public sealed class AccidentRecord
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The user unit at the time.</summary>
    public long OrganisationId { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Level.</summary>
    public AccidentLevel Level { get; set; }

    /// <summary>What happened.</summary>
    public required string Description { get; set; }
}
