using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.createDevice</c> (units 05, 11, 17): creates the device record from the form's
/// device fields, or updates it when the 设备代码 is already on file. A new device is 在建 until its
/// certificate is issued. Unit 05 (the manufacturer's product data sheet) records the manufacturer
/// as holder until a user unit registers the device; unit 17 creates every device of its list.
/// Writes <c>deviceId</c> (the first device of a list).
/// </summary>
internal sealed class CreateDeviceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<CreateDeviceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.createDevice";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var organisation = await Db.RequireOrganisationAsync(variables.RequiredLong("organisationId"), cancellationToken);
        var region = variables.Text("regionCode") ?? organisation.RegionCode;
        var byManufacturer = call.Context.ProcessKey == UnitProcesses.ProductCoding;
        var specs = Specs(variables, organisation).ToList();
        await EnsureRegionAsync(region, cancellationToken);

        var created = new List<Device>();
        long? first = null;
        foreach (var spec in specs)
        {
            var device = await Db.FindDeviceAsync(spec.Code.Value, cancellationToken);
            if (device is null)
            {
                device = new Device
                {
                    EquipmentCode = spec.Code.Value,
                    CatalogCode = spec.Catalog.Value,
                    Category = spec.Catalog.Category,
                    Status = EquipmentStatus.UnderConstruction,
                    RegionCode = region,
                    Address = spec.Address,
                    UserOrganisationId = organisation.Id,
                    ManufacturerOrganisationId = byManufacturer ? organisation.Id : null,
                    ManufacturedOn = variables.Date("manufacturedOn"),
                    InstalledOn = variables.Date("commissionedOn"),
                };
                Db.Devices.Add(device);
                created.Add(device);
            }
            else
            {
                await UpdateAsync(device, spec, organisation, region, byManufacturer, variables, cancellationToken);
            }

            await Db.SaveChangesAsync(cancellationToken);
            first ??= device.Id;
        }

        if (byManufacturer)
        {
            Db.RegistrationEvents.AddRange(created.Select(d => new RegistrationEvent
            {
                DeviceId = d.Id,
                Kind = RegistrationEventKind.Manufactured,
                OccurredOn = d.ManufacturedOn ?? Time.Today(),
                Detail = $"产品数据表 {variables.Text("productNo")}".Trim(),
            }));
            await Db.SaveChangesAsync(cancellationToken);
        }

        await RegionRollups.AddNewAsync(Db, created, cancellationToken);
        call.Output("deviceId", first);
    }

    private async Task UpdateAsync(Device device, DeviceSpec spec, Organisation organisation, string region, bool byManufacturer, HandlerVariables variables, CancellationToken cancellationToken)
    {
        if (byManufacturer)
        {
            // A manufacturer files the data sheet once; filing again for a device on file changes nothing.
            return;
        }

        if (device.Status != EquipmentStatus.UnderConstruction && device.UserOrganisationId != organisation.Id)
        {
            throw BusinessErrors.Error(BusinessErrors.AlreadyRegistered,
                $"Device {device.EquipmentCode} is registered to another use unit ({device.Status.ChineseName()}); a new user applies for 变更登记 (过户).");
        }

        var before = (device.RegionCode, device.Category, device.Status);
        device.UserOrganisationId = organisation.Id;
        device.Address = spec.Address;
        device.RegionCode = region;
        device.CatalogCode = spec.Catalog.Value;
        device.Category = spec.Catalog.Category;
        device.ManufacturedOn = variables.Date("manufacturedOn") ?? device.ManufacturedOn;
        device.InstalledOn = variables.Date("commissionedOn") ?? device.InstalledOn;
        await RegionRollups.ApplyAsync(Db, before, (device.RegionCode, device.Category, device.Status), cancellationToken);
    }

    private async Task EnsureRegionAsync(string region, CancellationToken cancellationToken)
    {
        if (!RegionCodes.TryValidate(region, out var error))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid, error);
        }

        if (RegionCodes.LevelOf(region) is not (RegionLevel.Street or RegionLevel.County))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid, $"A device stands in a street (12 digits) or at least a county (6 digits), not in {region}.");
        }

        if (!await Db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid, $"Region {region} is not in the registry's region table.");
        }
    }

    private static IEnumerable<DeviceSpec> Specs(HandlerVariables variables, Organisation organisation)
    {
        if (variables.Array("items") is { Count: > 0 } items)
        {
            // 按单位登记: cylinders (23xx) or industrial piping (83xx); the code's own catalog part is the variety.
            var kind = variables.RequiredText("kind");
            var family = kind switch
            {
                "cylinder" => "23",
                "industrialPiping" => "83",
                _ => throw new HandlerInputException($"registry.createDevice: 'kind' is cylinder or industrialPiping, not {kind}."),
            };
            var address = variables.Text("address") ?? organisation.Address ?? organisation.Name;
            var index = 0;
            foreach (var item in items)
            {
                var line = variables.Item(item, $"items[{index++}]");
                var code = Code(line.RequiredText("equipmentCode"));
                if (!code.Catalog.Value.StartsWith(family, StringComparison.Ordinal))
                {
                    throw BusinessErrors.Error(BusinessErrors.DeviceInvalid,
                        $"设备代码 {code} is a {code.Catalog} device, not {(family == "23" ? "a cylinder (23xx)" : "industrial piping (83xx)")}.");
                }

                yield return new DeviceSpec(code, code.Catalog, address);
            }

            yield break;
        }

        var single = Code(variables.RequiredText("equipmentCode"));
        var catalogText = variables.Text("variety") ?? variables.RequiredText("category");
        if (!CatalogCode.TryParse(catalogText, out var catalog, out var catalogError))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid, catalogError);
        }

        if (!EquipmentCategories.Equipment.Contains(catalog.Category) || single.Catalog.Category != catalog.Category)
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid,
                $"设备代码 {single} is a {single.Catalog.Category.ChineseName()} code, but the device is {catalog} ({catalog.Category.ChineseName()}).");
        }

        yield return new DeviceSpec(single, catalog, variables.RequiredText("address"));
    }

    private static EquipmentCode Code(string text)
    {
        if (text.Length == 20 && text.All(char.IsAsciiDigit))
        {
            throw BusinessErrors.Error(BusinessErrors.DeviceInvalid,
                $"{text} is a legacy 注册代码; a new device record needs its 18-character 设备代码.");
        }

        return EquipmentCode.TryParse(text, out var code, out var error) ? code : throw BusinessErrors.Error(BusinessErrors.DeviceInvalid, error);
    }

    private sealed record DeviceSpec(EquipmentCode Code, CatalogCode Catalog, string Address);
}
