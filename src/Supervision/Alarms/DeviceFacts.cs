using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Alarms;

/// <summary>What alarm handling needs to know of a registry device: who to call and where it stands.</summary>
public sealed record DeviceFacts(
    long DeviceId,
    string EquipmentCode,
    EquipmentCategory Category,
    string RegionCode,
    long UserOrganisationId,
    long? MaintenanceOrganisationId,
    string? RescueCode);
