using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Handlers;

/// <summary>The lookups every handler makes, with the business error when the thing is not there.</summary>
internal static class RegistryLookups
{
    /// <summary>A device by 设备代码 (18 characters) or legacy 注册代码 (20 digits), tracked.</summary>
    public static Task<Device?> FindDeviceAsync(this RegistryDbContext db, string code, CancellationToken cancellationToken)
    {
        var value = code.Trim().ToUpperInvariant();
        return value.Length == 20 && value.All(char.IsAsciiDigit)
            ? db.Devices.FirstOrDefaultAsync(d => d.RegistrationCode == value, cancellationToken)
            : db.Devices.FirstOrDefaultAsync(d => d.EquipmentCode == value, cancellationToken);
    }

    /// <summary>
    /// The device the variable <c>equipmentCode</c> names. When the process carries an
    /// <c>organisationId</c> (the applicant), that organisation must be involved with the device
    /// (its user, maintenance, inspection or manufacturing unit): an applicant cannot act on a
    /// device of another company by typing its code.
    /// </summary>
    public static async Task<Device> RequireDeviceAsync(this RegistryDbContext db, HandlerVariables variables, CancellationToken cancellationToken, string name = "equipmentCode")
    {
        var code = variables.RequiredText(name);
        var device = await db.FindDeviceAsync(code, cancellationToken)
                     ?? throw BusinessErrors.Error(BusinessErrors.DeviceUnknown, $"No device with 设备代码 {code} is registered.");
        if (variables.Long("organisationId") is { } applicant && !Involves(device, applicant))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceNotHeld, $"Organisation {applicant} is not the user, maintenance, inspection or manufacturing unit of device {device.EquipmentCode}.");
        }

        return device;
    }

    /// <summary>An organisation by id, or the business error.</summary>
    public static async Task<Organisation> RequireOrganisationAsync(this RegistryDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw BusinessErrors.Error(BusinessErrors.OrganisationUnknown, $"Organisation {id} is not in the registry.");

    /// <summary>True when <paramref name="organisationId"/> plays any part for the device.</summary>
    public static bool Involves(Device device, long organisationId) =>
        device.UserOrganisationId == organisationId || device.MaintenanceOrganisationId == organisationId
        || device.InspectionOrganisationId == organisationId || device.ManufacturerOrganisationId == organisationId;

    /// <summary>
    /// The next number of a series, advanced inside the caller's transaction (an upsert that returns
    /// the new value), so concurrent issuers are ordered by the row lock and never share a number.
    /// </summary>
    public static async Task<long> NextNumberAsync(this RegistryDbContext db, string series, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO reg_number_sequences ("key", "last") VALUES ({series}, 1)
            ON CONFLICT ("key") DO UPDATE SET "last" = reg_number_sequences."last" + 1
            RETURNING "last" AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }
}
