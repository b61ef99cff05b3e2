namespace ApprovalHub.Supervision.Iot;

/// <summary>
/// A device's MQTT identity (设备接入凭据): user name = 设备代码, password = a random secret of which
/// only a hash is stored. Issuing again replaces the hash, so a leaked secret is revoked by rotation.
/// </summary>
public sealed class DeviceCredential
{
    /// <summary>设备代码: the MQTT user name, and the only topic segment the device may publish under.</summary>
    public required string EquipmentCode { get; set; }

    /// <summary>The registry device.</summary>
    public long DeviceId { get; set; }

    /// <summary>The use unit (使用单位) at the time of issue: whose users may rotate the secret.</summary>
    public long OrganisationId { get; set; }

    /// <summary>The device's street-level region code, for regulators' views.</summary>
    public required string RegionCode { get; set; }

    /// <summary>PBKDF2-SHA512 in Mosquitto's <c>$7$</c> format (<see cref="DeviceSecrets"/>), so the password file is an export.</summary>
    public required string SecretHash { get; set; }

    /// <summary>When the current secret was issued.</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>Who issued it (user name, or "cli").</summary>
    public required string IssuedBy { get; set; }
}
