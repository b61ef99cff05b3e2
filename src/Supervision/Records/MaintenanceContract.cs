namespace ApprovalHub.Supervision.Records;

/// <summary>维保合同: the contract a user unit filed for a device with a maintenance unit (unit 24).</summary>
public sealed class MaintenanceContract
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The user unit that filed it.</summary>
    public long UserOrganisationId { get; set; }

    /// <summary>The maintenance unit.</summary>
    public long MaintenanceOrganisationId { get; set; }

    /// <summary>First day of the contract.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day of the contract.</summary>
    public DateOnly ValidTo { get; set; }

    /// <summary>The day it was filed.</summary>
    public DateOnly FiledOn { get; set; }
}
