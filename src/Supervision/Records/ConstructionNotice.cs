namespace ApprovalHub.Supervision.Records;

/// <summary>What a construction notice (施工告知) announces (特种设备安全法 第二十三条).</summary>
public enum ConstructionKind
{
    /// <summary>安装.</summary>
    Installation = 0,

    /// <summary>改造.</summary>
    Renovation = 1,

    /// <summary>重大修理.</summary>
    MajorRepair = 2,

    /// <summary>移装.</summary>
    Relocation = 3,
}

/// <summary>施工告知: a contractor's notice, accepted at once (units 18–21). The device may not be registered yet.</summary>
public sealed class ConstructionNotice
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>告知编号, unique.</summary>
    public required string Number { get; set; }

    /// <summary>What work.</summary>
    public ConstructionKind Kind { get; set; }

    /// <summary>The 设备代码 as notified.</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>The device, when it is already in the registry.</summary>
    public long? DeviceId { get; set; }

    /// <summary>The contractor (施工单位).</summary>
    public long OrganisationId { get; set; }

    /// <summary>The contractor's licence number.</summary>
    public required string LicenceNumber { get; set; }

    /// <summary>Where the work happens.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Planned start of the work.</summary>
    public DateOnly PlannedStart { get; set; }

    /// <summary>The day it was accepted.</summary>
    public DateOnly AcceptedOn { get; set; }
}
