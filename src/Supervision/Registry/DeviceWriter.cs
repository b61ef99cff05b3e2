using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Registry;

/// <summary>
/// Validates <see cref="DeviceInput"/>s against the code rules, the catalog, the regions and the
/// organisations on file, and inserts them with their registration events and rollup counts in one
/// transaction. Shared by the form endpoint and the Excel import, so both say the same things.
/// </summary>
internal sealed class DeviceWriter(RegistryDbContext db, RegistryOptions options, TimeProvider timeProvider)
{
    /// <summary>Checks every input; returns the devices to insert and the errors per input index.</summary>
    public async Task<(List<Device?> Devices, Dictionary<int, FieldErrors> Errors)> ValidateAsync(
        AccessScope scope, IReadOnlyList<DeviceInput> inputs, CancellationToken cancellationToken)
    {
        var creditCodes = inputs.SelectMany(i => new[] { i.UserUnitCreditCode, i.MaintenanceUnitCreditCode, i.ManufacturerCreditCode })
            .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim().ToUpperInvariant()).Distinct().ToArray();
        var organisations = await db.Organisations.AsNoTracking().Where(o => creditCodes.Contains(o.CreditCode))
            .Select(o => new { o.CreditCode, o.Id }).ToDictionaryAsync(o => o.CreditCode, o => o.Id, StringComparer.Ordinal, cancellationToken);
        var codes = inputs.Select(i => i.EquipmentCode?.Trim().ToUpperInvariant()).OfType<string>().Distinct().ToArray();
        var taken = (await db.Devices.AsNoTracking().Where(d => codes.Contains(d.EquipmentCode)).Select(d => d.EquipmentCode).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var rescue = inputs.Select(i => i.RescueCode?.Trim()).OfType<string>().Distinct().ToArray();
        var takenRescue = (await db.Devices.AsNoTracking().Where(d => d.RescueCode != null && rescue.Contains(d.RescueCode)).Select(d => d.RescueCode!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var regionCodes = inputs.Select(i => i.RegionCode?.Trim()).OfType<string>().Distinct().ToArray();
        var knownRegions = (await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var devices = new List<Device?>(inputs.Count);
        var errors = new Dictionary<int, FieldErrors>();
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        var seenRescue = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var problems = new FieldErrors();
            var device = Validate(scope, inputs[i], organisations, knownRegions, problems);
            if (device is not null)
            {
                if (taken.Contains(device.EquipmentCode) || !seenCodes.Add(device.EquipmentCode))
                {
                    problems.Add(nameof(DeviceInput.EquipmentCode), $"设备代码 {device.EquipmentCode} is already registered.");
                }

                if (device.RescueCode is { } code && (takenRescue.Contains(code) || !seenRescue.Add(code)))
                {
                    problems.Add(nameof(DeviceInput.RescueCode), $"救援识别码 {code} already belongs to another lift.");
                }
            }

            if (!problems.IsEmpty)
            {
                errors[i] = problems;
                device = null;
            }

            devices.Add(device);
        }

        return (devices, errors);
    }

    /// <summary>Inserts validated devices, their first registration events and their rollup counts, in one transaction.</summary>
    public async Task InsertAsync(IReadOnlyList<Device> devices, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Devices.AddRange(devices);
            await db.SaveChangesAsync(ct);
            var today = timeProvider.Today();
            db.RegistrationEvents.AddRange(devices.Select(d => new RegistrationEvent
            {
                DeviceId = d.Id,
                Kind = d.Status == EquipmentStatus.UnderConstruction ? RegistrationEventKind.InstallationNotified : RegistrationEventKind.Registered,
                OccurredOn = d.FirstUsedOn ?? today,
                Detail = d.UseCertificateNumber,
            }));
            await db.SaveChangesAsync(ct);
            await RegionRollups.AddNewAsync(db, devices, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private Device? Validate(AccessScope scope, DeviceInput input, Dictionary<string, long> organisations, HashSet<string> knownRegions, FieldErrors errors)
    {
        var codeOk = EquipmentCode.TryParse(input.EquipmentCode, out var equipmentCode, out var codeError);
        if (!codeOk)
        {
            errors.Add(nameof(DeviceInput.EquipmentCode), codeError!);
        }

        var catalogOk = Equipment.CatalogCode.TryParse(input.CatalogCode, out var catalog, out var catalogError);
        if (!catalogOk)
        {
            errors.Add(nameof(DeviceInput.CatalogCode), catalogError!);
        }
        else if (!EquipmentCategories.Equipment.Contains(catalog.Category))
        {
            errors.Add(nameof(DeviceInput.CatalogCode), $"{catalog} is a {catalog.Category.ChineseName()} code; the registry holds the eight equipment categories.");
            catalogOk = false;
        }
        else if (codeOk && equipmentCode.Catalog.Category != catalog.Category)
        {
            errors.Add(nameof(DeviceInput.EquipmentCode), $"设备代码 {equipmentCode} starts with {equipmentCode.Catalog}, a {equipmentCode.Catalog.Category.ChineseName()} code, but the device is {catalog} ({catalog.Category.ChineseName()}).");
        }

        var region = input.RegionCode?.Trim();
        if (!RegionCodes.TryValidate(region, out var regionError))
        {
            errors.Add(nameof(DeviceInput.RegionCode), regionError);
        }
        else if (!knownRegions.Contains(region!))
        {
            errors.Add(nameof(DeviceInput.RegionCode), $"Region {region} is not in the registry's region table.");
        }
        else if (RegionCodes.LevelOf(region!) is not (RegionLevel.Street or RegionLevel.County))
        {
            errors.Add(nameof(DeviceInput.RegionCode), $"A device stands in a street (12 digits) or at least a county (6 digits), not in {region}.");
        }

        if (string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(nameof(DeviceInput.Address), "The address of the place of use is required.");
        }

        var user = Organisation(input.UserUnitCreditCode, nameof(DeviceInput.UserUnitCreditCode), "使用单位", required: true, organisations, errors);
        var maintainer = Organisation(input.MaintenanceUnitCreditCode, nameof(DeviceInput.MaintenanceUnitCreditCode), "维保单位", required: false, organisations, errors);
        var manufacturer = Organisation(input.ManufacturerCreditCode, nameof(DeviceInput.ManufacturerCreditCode), "制造单位", required: false, organisations, errors);

        string? registrationCode = null;
        if (!string.IsNullOrWhiteSpace(input.RegistrationCode))
        {
            if (Codes.RegistrationCode.TryParse(input.RegistrationCode, out var parsed, out var error))
            {
                registrationCode = parsed.Value;
            }
            else
            {
                errors.Add(nameof(DeviceInput.RegistrationCode), error);
            }
        }

        string? certificate = null;
        if (!string.IsNullOrWhiteSpace(input.UseCertificateNumber))
        {
            if (!Codes.UseCertificateNumber.TryParse(input.UseCertificateNumber, out var number, out var error))
            {
                errors.Add(nameof(DeviceInput.UseCertificateNumber), error);
            }
            else if (catalogOk && !number.Fits(catalog, options.UseCertificate, out var fitError))
            {
                errors.Add(nameof(DeviceInput.UseCertificateNumber), fitError);
            }
            else
            {
                certificate = number.Value;
            }
        }

        string? rescue = null;
        if (!string.IsNullOrWhiteSpace(input.RescueCode))
        {
            if (!Codes.RescueCode.TryValidate(input.RescueCode, out rescue, out var error))
            {
                errors.Add(nameof(DeviceInput.RescueCode), error);
            }
            else if (catalogOk && catalog.Category != EquipmentCategory.Lift)
            {
                errors.Add(nameof(DeviceInput.RescueCode), "救援识别码 is for lifts only.");
            }
        }

        var status = input.Status ?? EquipmentStatus.UnderConstruction;
        if (status is not (EquipmentStatus.UnderConstruction or EquipmentStatus.InUse or EquipmentStatus.Suspended))
        {
            errors.Add(nameof(DeviceInput.Status), $"A device is entered as 在建, 在用 or 停用, not {status.ChineseName()}.");
        }

        if (status != EquipmentStatus.UnderConstruction && certificate is null && errors.IsEmpty)
        {
            errors.Add(nameof(DeviceInput.UseCertificateNumber), $"A device that is {status.ChineseName()} is registered: its 使用登记证编号 is required.");
        }

        if (input.SafetyGrade is { } grade && (grade is < 1 or > 5))
        {
            errors.Add(nameof(DeviceInput.SafetyGrade), $"安全状况等级 is 1–5, not {grade}.");
        }

        if (input.ManufacturedOn is { } made && input.InstalledOn is { } installed && installed < made)
        {
            errors.Add(nameof(DeviceInput.InstalledOn), $"Installed on {installed:yyyy-MM-dd}, before it was made ({made:yyyy-MM-dd}).");
        }

        if (errors.IsEmpty && region is not null && !scope.Covers(region, user, maintainer))
        {
            errors.Add(nameof(DeviceInput.RegionCode), $"Your scope does not cover region {region} or the device's organisations.");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var today = timeProvider.Today();
        return new Device
        {
            EquipmentCode = equipmentCode.Value,
            CatalogCode = catalog.Value,
            Category = catalog.Category,
            Status = status,
            RegionCode = region!,
            Address = input.Address!.Trim(),
            UserOrganisationId = user!.Value,
            MaintenanceOrganisationId = maintainer,
            ManufacturerOrganisationId = manufacturer,
            RegistrationCode = registrationCode,
            UseCertificateNumber = certificate,
            RescueCode = rescue,
            ManufacturedOn = input.ManufacturedOn,
            InstalledOn = input.InstalledOn,
            FirstUsedOn = input.FirstUsedOn ?? (status == EquipmentStatus.UnderConstruction ? null : today),
            SafetyGrade = input.SafetyGrade,
            InspectionValidUntil = input.InspectionValidUntil,
            NextDueOn = status == EquipmentStatus.UnderConstruction ? null : input.InspectionValidUntil,
        };
    }

    private static long? Organisation(string? creditCode, string field, string role, bool required, Dictionary<string, long> organisations, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(creditCode))
        {
            if (required)
            {
                errors.Add(field, $"The {role}'s 统一社会信用代码 is required.");
            }

            return null;
        }

        if (!CreditCode.TryParse(creditCode, out var code, out var error))
        {
            errors.Add(field, error);
            return null;
        }

        if (!organisations.TryGetValue(code.Value, out var id))
        {
            errors.Add(field, $"No organisation with 统一社会信用代码 {code} is registered; register the {role} first.");
            return null;
        }

        return id;
    }
}
