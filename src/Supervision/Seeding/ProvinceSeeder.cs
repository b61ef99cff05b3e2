using System.Globalization;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;

namespace ApprovalHub.Supervision.Seeding;

/// <summary>
/// Generates a deterministic, plausible province (Zhejiang's regions with generated streets, a
/// national category mix, about one organisation per 5 devices and 0.4 operators per device, ages,
/// inspection histories and a share of overdue devices) and streams it into an
/// <see cref="IBulkLoader"/> in one pass: no table is held in memory.
/// </summary>
/// <remarks>
/// Ids are assigned here, from 1, so the registry must be empty (see <see cref="RegistrySeeding"/>).
/// The same plan always yields the same rows, in the same order.
/// </remarks>
public sealed class ProvinceSeeder(SeedPlan plan, InspectionRules inspectionRules, UseCertificateFormat certificateFormat)
{
    private const double OverdueShare = 0.03;

    private readonly Random _random = new(plan.Seed);
    private readonly InspectionSchedule _schedule = new(inspectionRules);
    private readonly CertificateRules _certificateRules = new();
    private readonly double _varietyWeight = SyntheticMix.Varieties.Sum(v => v.Weight);
    private readonly double _cityWeight = SyntheticMix.Cities.Sum(c => c.Weight);
    private readonly double _itemWeight = SyntheticMix.OperatorItems.Sum(i => i.Weight);
    private readonly Dictionary<string, CatalogCode> _catalog = SyntheticMix.Varieties.ToDictionary(v => v.Catalog, v => CatalogCode.Parse(v.Catalog), StringComparer.Ordinal);

    private RegionCatalog _regions = null!;
    private Dictionary<string, List<string>> _streetsByCity = null!;
    private readonly Dictionary<string, List<long>> _userUnitsByCity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _maintainersByCity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _inspectorByCity = new(StringComparer.Ordinal);
    private readonly List<(long Id, string Code)> _manufacturers = [];
    private readonly Dictionary<string, int> _certificateSerialByCity = new(StringComparer.Ordinal);

    private long _nextLicence, _nextCertificate, _nextInspection, _nextMaintenance, _nextHazard, _nextAlarm, _nextAccident, _nextECertificate, _nextEvent;
    private int _rescueCounter;

    /// <summary>Writes the province; reports progress per stage.</summary>
    public async Task<SeedResult> WriteAsync(IBulkLoader loader, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _regions = RegionCatalog.Zhejiang().WithGeneratedStreets(plan.StreetsPerCounty);
        _streetsByCity = _regions.Streets.GroupBy(s => s.Code[..4] + "00").ToDictionary(g => g.Key, g => g.Select(s => s.Code).ToList(), StringComparer.Ordinal);

        await using (var regions = await loader.OpenAsync<Region>(cancellationToken))
        {
            foreach (var region in _regions.Regions)
            {
                await regions.WriteAsync(region, cancellationToken);
            }

            await regions.CompleteAsync(cancellationToken);
        }

        await WriteOrganisationsAsync(loader, progress, cancellationToken);
        var certificates = await WritePeopleAsync(loader, progress, cancellationToken);
        var (inspections, others) = await WriteDevicesAsync(loader, progress, cancellationToken);
        await loader.CommitAsync(cancellationToken);
        return new SeedResult(_regions.Regions.Count, plan.Organisations, plan.People, certificates, plan.Devices, inspections, others);
    }

    private async Task WriteOrganisationsAsync(IBulkLoader loader, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        await using var organisations = await loader.OpenAsync<Organisation>(cancellationToken);
        await using var licences = await loader.OpenAsync<Licence>(cancellationToken);
        var total = plan.Organisations;
        for (var id = 1L; id <= total; id++)
        {
            var organisation = NextOrganisation(id);
            await organisations.WriteAsync(organisation, cancellationToken);
            if ((organisation.Roles & (OrganisationRoles.Manufacturer | OrganisationRoles.Installer | OrganisationRoles.InspectionBody)) != 0)
            {
                var issued = plan.AsOf.AddDays(-_random.Next(0, 4 * 365));
                await licences.WriteAsync(new Licence
                {
                    Id = ++_nextLicence,
                    OrganisationId = id,
                    Number = string.Create(CultureInfo.InvariantCulture, $"TS{(organisation.Roles.HasFlag(OrganisationRoles.InspectionBody) ? 7 : 2)}2{id:0000000}-{issued.Year}"),
                    Scope = organisation.Roles.HasFlag(OrganisationRoles.InspectionBody) ? "特种设备检验检测" : organisation.Roles.HasFlag(OrganisationRoles.Manufacturer) ? "特种设备制造" : "特种设备安装改造修理",
                    IssuedOn = issued,
                    ExpiresOn = issued.AddYears(4).AddDays(-1),
                }, cancellationToken);
            }

            Report(progress, "organisations", id, total);
        }

        await organisations.CompleteAsync(cancellationToken);
        await licences.CompleteAsync(cancellationToken);
    }

    private Organisation NextOrganisation(long id)
    {
        // The first twelve are the inspection bodies: the province institute and one per city.
        var city = id <= SyntheticMix.Cities.Length + 1 ? SyntheticMix.Cities[(int)Math.Max(0, id - 2)] : PickCity();
        var street = PickStreet(city.Code);
        OrganisationRoles roles;
        string name;
        if (id == 1)
        {
            roles = OrganisationRoles.InspectionBody;
            name = "浙江省特种设备科学研究院";
        }
        else if (id <= SyntheticMix.Cities.Length + 1)
        {
            roles = OrganisationRoles.InspectionBody;
            name = $"{city.Short}市特种设备检测研究院";
            _inspectorByCity[city.Code] = id;
        }
        else
        {
            var roll = _random.NextDouble();
            var brand = SyntheticMix.Brands[_random.Next(SyntheticMix.Brands.Length)];
            (roles, name) = roll switch
            {
                < 0.03 => (OrganisationRoles.Manufacturer, $"浙江{brand}{Pick(["电梯", "起重机械", "锅炉", "压力容器"])}制造有限公司"),
                < 0.05 => (OrganisationRoles.Installer | OrganisationRoles.MaintenanceUnit, $"{city.Short}{brand}电梯工程有限公司"),
                < 0.10 => (OrganisationRoles.MaintenanceUnit, $"{city.Short}{brand}电梯维保有限公司"),
                _ => (OrganisationRoles.UserUnit, $"{city.Short}{brand}{Pick(SyntheticMix.UserIndustries)}有限公司"),
            };
        }

        if (roles.HasFlag(OrganisationRoles.UserUnit))
        {
            Add(_userUnitsByCity, city.Code, id);
        }

        if (roles.HasFlag(OrganisationRoles.MaintenanceUnit))
        {
            Add(_maintainersByCity, city.Code, id);
        }

        if (roles.HasFlag(OrganisationRoles.Manufacturer))
        {
            _manufacturers.Add((id, string.Create(CultureInfo.InvariantCulture, $"33{_manufacturers.Count % 1000:000}")));
        }

        return new Organisation
        {
            Id = id,
            CreditCode = CreditCodeFor(id, street).Value,
            Name = name,
            Roles = roles,
            RegionCode = street,
            Address = Address(street),
            DutyPhone = roles.HasFlag(OrganisationRoles.MaintenanceUnit) ? string.Create(CultureInfo.InvariantCulture, $"0571-8{_random.Next(1_000_000, 9_999_999)}") : null,
        };
    }

    private async Task<int> WritePeopleAsync(IBulkLoader loader, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        await using var people = await loader.OpenAsync<Person>(cancellationToken);
        await using var certificates = await loader.OpenAsync<OperatorCertificate>(cancellationToken);
        var total = plan.People;
        for (var id = 1L; id <= total; id++)
        {
            var city = PickCity();
            var employer = PickFrom(_random.NextDouble() < 0.5 ? _maintainersByCity : _userUnitsByCity, city.Code);
            var idNumber = IdNumberFor(id, PickStreet(city.Code));
            await people.WriteAsync(new Person
            {
                Id = id,
                Name = SyntheticMix.Surnames[_random.Next(SyntheticMix.Surnames.Length)] + SyntheticMix.GivenNames[_random.Next(SyntheticMix.GivenNames.Length)],
                IdNumberMasked = idNumber.Masked,
                IdNumberFingerprint = idNumber.Fingerprint(plan.IdNumberPepper),
                OrganisationId = employer,
                RegionCode = idNumber.Value[..6] + "001000",
            }, cancellationToken);

            var count = _random.NextDouble() < 0.3 ? 2 : 1;
            for (var c = 0; c < count; c++)
            {
                await certificates.WriteAsync(NextCertificate(id), cancellationToken);
            }

            Report(progress, "people", id, total);
        }

        await people.CompleteAsync(cancellationToken);
        await certificates.CompleteAsync(cancellationToken);
        return (int)_nextCertificate;
    }

    private OperatorCertificate NextCertificate(long personId)
    {
        var issued = plan.AsOf.AddDays(-_random.Next(0, (int)(4.4 * 365)));
        var legacy = _random.NextDouble() < 0.02 ? Pick(["T1", "T2", "T3", "Q3", "A1"]) : null;
        var item = legacy is null
            ? SyntheticMix.Pick(_random, SyntheticMix.OperatorItems, i => i.Weight, _itemWeight).Item
            : OperatorItems.MapLegacy(legacy);
        var id = ++_nextCertificate;
        return new OperatorCertificate
        {
            Id = id,
            PersonId = personId,
            ItemCode = item,
            LegacyItemCode = legacy,
            Number = string.Create(CultureInfo.InvariantCulture, $"Z{issued.Year % 100:00}{id:000000000}"),
            IssuedOn = issued,
            ExpiresOn = _certificateRules.ExpiryFor(issued),
            Revoked = _random.NextDouble() < 0.002,
        };
    }

    private async Task<(int Inspections, int Others)> WriteDevicesAsync(IBulkLoader loader, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        await using var devices = await loader.OpenAsync<Device>(cancellationToken);
        await using var inspections = await loader.OpenAsync<InspectionRecord>(cancellationToken);
        await using var maintenance = await loader.OpenAsync<MaintenanceRecord>(cancellationToken);
        await using var events = await loader.OpenAsync<RegistrationEvent>(cancellationToken);
        await using var hazards = await loader.OpenAsync<HazardRecord>(cancellationToken);
        await using var alarms = await loader.OpenAsync<AlarmRecord>(cancellationToken);
        await using var accidents = await loader.OpenAsync<AccidentRecord>(cancellationToken);
        await using var eCertificates = await loader.OpenAsync<ElectronicCertificate>(cancellationToken);
        var sinks = new DeviceSinks(inspections, maintenance, events, hazards, alarms, accidents, eCertificates);

        for (var id = 1L; id <= plan.Devices; id++)
        {
            var device = await NextDeviceAsync(id, sinks, cancellationToken);
            await devices.WriteAsync(device, cancellationToken);
            Report(progress, "devices", id, plan.Devices);
        }

        await devices.CompleteAsync(cancellationToken);
        foreach (var sink in sinks.All)
        {
            await sink.CompleteAsync(cancellationToken);
        }

        return ((int)_nextInspection, (int)(_nextMaintenance + _nextEvent + _nextHazard + _nextAlarm + _nextAccident + _nextECertificate + _nextLicence));
    }

    private async Task<Device> NextDeviceAsync(long id, DeviceSinks sinks, CancellationToken cancellationToken)
    {
        var catalog = _catalog[SyntheticMix.Pick(_random, SyntheticMix.Varieties, v => v.Weight, _varietyWeight).Catalog];
        var category = catalog.Category;
        var city = PickCity();
        var street = PickStreet(city.Code);
        var user = PickFrom(_userUnitsByCity, city.Code)!.Value;
        var manufacturer = _manufacturers[_random.Next(_manufacturers.Count)];

        // Ages: most equipment is young (the stock has grown fast), a long tail is old.
        var ageDays = (int)Math.Min(30 * 365, -Math.Log(1 - _random.NextDouble()) * 9 * 365);
        var installed = plan.AsOf.AddDays(-ageDays);
        var manufactured = installed.AddDays(-_random.Next(30, 240));
        var firstUsed = installed.AddDays(_random.Next(0, 30));
        var status = NextStatus(ageDays);

        var device = new Device
        {
            Id = id,
            EquipmentCode = string.Create(CultureInfo.InvariantCulture, $"{catalog.Value}{manufacturer.Code}{manufactured.Year:0000}{Serial(id)}"),
            CatalogCode = catalog.Value,
            Category = category,
            Status = status,
            RegionCode = street,
            Address = Address(street),
            UserOrganisationId = user,
            ManufacturerOrganisationId = manufacturer.Id,
            ManufacturedOn = manufactured,
            InstalledOn = installed,
            FirstUsedOn = status == EquipmentStatus.UnderConstruction ? null : firstUsed,
            SafetyGrade = category == EquipmentCategory.PressureVessel ? (_random.NextDouble() < 0.85 ? _random.Next(1, 3) : _random.Next(3, 5)) : null,
        };

        if (category is EquipmentCategory.Lift or EquipmentCategory.Crane or EquipmentCategory.AmusementRide or EquipmentCategory.PassengerRopeway || _random.NextDouble() < 0.2)
        {
            device.MaintenanceOrganisationId = PickFrom(_maintainersByCity, city.Code);
        }

        if (category == EquipmentCategory.Lift)
        {
            // A permutation of 100000–999999, so codes look scattered but never repeat.
            device.RescueCode = string.Create(CultureInfo.InvariantCulture, $"{100_000 + ((++_rescueCounter * 7L) + 12_345) % 900_000}");
        }

        if (status != EquipmentStatus.UnderConstruction)
        {
            await RegisterAsync(device, catalog, city.Code, firstUsed, sinks, cancellationToken);
            await InspectAsync(device, catalog, _inspectorByCity[city.Code], sinks, cancellationToken);
            await RecordLifeAsync(device, sinks, cancellationToken);
        }

        return device;
    }

    private EquipmentStatus NextStatus(int ageDays)
    {
        var roll = _random.NextDouble();
        if (ageDays < 200 && roll < 0.3)
        {
            return EquipmentStatus.UnderConstruction;
        }

        return roll switch
        {
            < 0.04 => EquipmentStatus.Suspended,
            < 0.055 when ageDays > 8 * 365 => EquipmentStatus.Scrapped,
            < 0.07 when ageDays > 8 * 365 => EquipmentStatus.Cancelled,
            _ => EquipmentStatus.InUse,
        };
    }

    private async Task RegisterAsync(Device device, CatalogCode catalog, string city, DateOnly firstUsed, DeviceSinks sinks, CancellationToken cancellationToken)
    {
        var registered = firstUsed.AddDays(_random.Next(0, 30));
        var serial = _certificateSerialByCity[city] = _certificateSerialByCity.GetValueOrDefault(city) + 1;
        var character = certificateFormat.CharacterFor(catalog.Category) ?? '设';
        var letter = certificateFormat.CityLetterFor(city) ?? 'A';
        device.UseCertificateNumber = string.Create(CultureInfo.InvariantCulture,
            $"{character}{catalog.Value[1..3]}{certificateFormat.Province}{letter}{Serial(serial)}({registered.Year % 100:00})");
        if (registered.Year < 2017 && !catalog.Value.Any(char.IsAsciiLetter))
        {
            // Registered before TSG 08-2017: the device also carries the legacy 20-digit code.
            device.RegistrationCode = RegistrationCode.Create(catalog.Value, device.RegionCode[..6], new DateOnly(registered.Year, registered.Month, 1), serial % 10_000).Value;
        }

        await sinks.Events.WriteAsync(new RegistrationEvent { Id = ++_nextEvent, DeviceId = device.Id, Kind = RegistrationEventKind.Registered, OccurredOn = registered, Detail = device.UseCertificateNumber }, cancellationToken);
        if (registered.Year >= 2022)
        {
            await sinks.ECertificates.WriteAsync(new ElectronicCertificate
            {
                Id = ++_nextECertificate, Kind = ElectronicCertificateKind.UseRegistration, Number = device.UseCertificateNumber,
                OrganisationId = device.UserOrganisationId, DeviceId = device.Id, IssuedOn = registered,
            }, cancellationToken);
        }
    }

    private async Task InspectAsync(Device device, CatalogCode catalog, long inspector, DeviceSinks sinks, CancellationToken cancellationToken)
    {
        // Walk the schedule from commissioning to today; a few devices skip the latest inspection
        // and so are overdue (超期未检).
        var commissioned = device.InstalledOn!.Value;
        var skipLatest = device.Status == EquipmentStatus.InUse && _random.NextDouble() < OverdueShare;
        var last = commissioned;
        DateOnly? lastInternal = null;
        ScheduledInspection? lastDone = null, previousDone = null;
        var next = _schedule.NextAfter(catalog, commissioned, commissioned, device.SafetyGrade);
        while (next is { } due && due.DueOn <= plan.AsOf)
        {
            var following = _schedule.NextAfter(catalog, commissioned, due.DueOn, device.SafetyGrade, due.Kind == InspectionKind.Internal ? due.DueOn : lastInternal);
            if (skipLatest && following is { } f && f.DueOn > plan.AsOf)
            {
                break;
            }

            previousDone = lastDone;
            last = due.DueOn;
            lastDone = due;
            lastInternal = due.Kind == InspectionKind.Internal ? due.DueOn : lastInternal;
            next = following;
        }

        var result = _random.NextDouble() switch { < 0.01 => InspectionResult.Fail, < 0.03 => InspectionResult.PassOnReinspection, _ => InspectionResult.Pass };
        if (previousDone is { } before)
        {
            await sinks.Inspections.WriteAsync(Inspection(device.Id, inspector, before.Kind, before.DueOn.AddDays(-_random.Next(0, 20)), InspectionResult.Pass, last), cancellationToken);
        }

        if (lastDone is { } done)
        {
            var validUntil = next?.DueOn;
            await sinks.Inspections.WriteAsync(Inspection(device.Id, inspector, done.Kind, done.DueOn.AddDays(-_random.Next(0, 20)), result, result == InspectionResult.Fail ? null : validUntil), cancellationToken);
            device.LastInspectedOn = done.DueOn;
            device.LastInspectionResult = result;
            device.InspectionOrganisationId = inspector;
        }

        device.InspectionValidUntil = next?.DueOn;
        device.NextDueOn = device.Status is EquipmentStatus.InUse or EquipmentStatus.Suspended ? next?.DueOn : null;
    }

    private InspectionRecord Inspection(long deviceId, long inspector, InspectionKind kind, DateOnly on, InspectionResult result, DateOnly? validUntil) => new()
    {
        Id = ++_nextInspection,
        DeviceId = deviceId,
        InspectionOrganisationId = inspector,
        Kind = kind,
        InspectedOn = on,
        Result = result,
        ValidUntil = validUntil,
        ReportNumber = string.Create(CultureInfo.InvariantCulture, $"JY{on.Year}{_nextInspection:000000000}"),
    };

    private async Task RecordLifeAsync(Device device, DeviceSinks sinks, CancellationToken cancellationToken)
    {
        if (device.Status != EquipmentStatus.InUse)
        {
            var kind = device.Status switch
            {
                EquipmentStatus.Suspended => RegistrationEventKind.Suspended,
                EquipmentStatus.Scrapped => RegistrationEventKind.Scrapped,
                _ => RegistrationEventKind.Cancelled,
            };
            await sinks.Events.WriteAsync(new RegistrationEvent { Id = ++_nextEvent, DeviceId = device.Id, Kind = kind, OccurredOn = plan.AsOf.AddDays(-_random.Next(1, 300)) }, cancellationToken);
            device.NextDueOn = device.Status == EquipmentStatus.Suspended ? device.NextDueOn : null;
            return;
        }

        if (device.MaintenanceOrganisationId is { } maintainer && device.Category == EquipmentCategory.Lift)
        {
            var on = plan.AsOf.AddDays(-_random.Next(0, 15));
            await sinks.Maintenance.WriteAsync(new MaintenanceRecord { Id = ++_nextMaintenance, DeviceId = device.Id, OrganisationId = maintainer, PerformedOn = on, Kind = MaintenanceKind.HalfMonthly }, cancellationToken);
            device.LastMaintainedOn = on;
        }

        var roll = _random.NextDouble();
        if (roll < 0.02)
        {
            var found = plan.AsOf.AddDays(-_random.Next(1, 365));
            await sinks.Hazards.WriteAsync(new HazardRecord
            {
                Id = ++_nextHazard, DeviceId = device.Id, OrganisationId = device.UserOrganisationId, FoundOn = found,
                Level = _random.NextDouble() < 0.1 ? HazardLevel.Serious : HazardLevel.General,
                Description = Pick(["安全保护装置失效", "制动器磨损超标", "安全附件未校验", "作业人员无证上岗", "维护保养记录缺失"]),
                ClosedOn = _random.NextDouble() < 0.7 ? found.AddDays(_random.Next(1, 30)) : null,
            }, cancellationToken);
        }

        if (device.Category == EquipmentCategory.Lift && roll is >= 0.02 and < 0.035)
        {
            var active = roll < 0.025;
            var raised = new DateTimeOffset(plan.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(-_random.Next(10, active ? 600 : 60 * 24 * 90));
            await sinks.Alarms.WriteAsync(new AlarmRecord
            {
                Id = ++_nextAlarm, DeviceId = device.Id, RaisedAt = raised, FaultCode = active ? "11" : Pick(["02", "03", "04", "07"]),
                Description = active ? "困人" : "门系统故障", ClearedAt = active ? null : raised.AddMinutes(_random.Next(15, 120)),
            }, cancellationToken);
            device.AlarmActive = active;
        }

        if (roll > 0.9999)
        {
            await sinks.Accidents.WriteAsync(new AccidentRecord
            {
                Id = ++_nextAccident, DeviceId = device.Id, OrganisationId = device.UserOrganisationId,
                OccurredAt = new DateTimeOffset(plan.AsOf.AddDays(-_random.Next(30, 2000)).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                Level = AccidentLevel.General, Description = "一般事故：人员受伤",
            }, cancellationToken);
        }
    }

    private (string Code, string Short, double Weight) PickCity() => SyntheticMix.Pick(_random, SyntheticMix.Cities, c => c.Weight, _cityWeight);

    private string PickStreet(string city)
    {
        var streets = _streetsByCity[city];
        return streets[_random.Next(streets.Count)];
    }

    private long? PickFrom(Dictionary<string, List<long>> byCity, string city) =>
        byCity.TryGetValue(city, out var ids) && ids.Count > 0 ? ids[_random.Next(ids.Count)]
        : byCity.Values.FirstOrDefault(l => l.Count > 0) is { } any ? any[_random.Next(any.Count)] : null;

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private string Address(string street) =>
        string.Create(CultureInfo.InvariantCulture, $"{_regions.ByCode[street].Name}{SyntheticMix.Roads[_random.Next(SyntheticMix.Roads.Length)]}{_random.Next(1, 999)}号");

    private CreditCode CreditCodeFor(long id, string street)
    {
        // Unique by construction: the organisation code carries the id in base 31.
        return CreditCode.Create($"91{street[..6]}{ToBase31(id, 7)}{CreditCode.Alphabet[_random.Next(31)]}{CreditCode.Alphabet[_random.Next(10)]}");
    }

    private ResidentIdNumber IdNumberFor(long id, string street)
    {
        // Unique by construction: (birth day, sequence) is a bijection of the id.
        var day = (int)(id * 7919 % 14_600);
        var birth = new DateOnly(1960, 1, 1).AddDays(day);
        var sequence = (int)(id / 14_600) % 1000;
        return ResidentIdNumber.Create(string.Create(CultureInfo.InvariantCulture, $"{street[..6]}{birth:yyyyMMdd}{sequence:000}"));
    }

    private static string ToBase31(long value, int width)
    {
        var chars = new char[Math.Max(width, 1)];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = CreditCode.Alphabet[(int)(value % 31)];
            value /= 31;
        }

        return new string(chars);
    }

    // 制造顺序号 and certificate serials: digits up to 99999, then a letter first (A0000 …), as the
    // code rules allow; unique for any id below 100000 + 26 × 36⁴.
    private static string Serial(long value)
    {
        if (value < 100_000)
        {
            return value.ToString("00000", CultureInfo.InvariantCulture);
        }

        var rest = value - 100_000;
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> chars = stackalloc char[5];
        for (var i = 4; i >= 1; i--)
        {
            chars[i] = digits[(int)(rest % 36)];
            rest /= 36;
        }

        chars[0] = (char)('A' + (int)rest);
        return new string(chars);
    }

    private static void Add(Dictionary<string, List<long>> byCity, string city, long id)
    {
        if (!byCity.TryGetValue(city, out var ids))
        {
            byCity[city] = ids = [];
        }

        ids.Add(id);
    }

    private static void Report(IProgress<SeedProgress>? progress, string stage, long done, long total)
    {
        if (progress is not null && (done % 5_000 == 0 || done == total))
        {
            progress.Report(new SeedProgress(stage, done, total));
        }
    }

    private sealed record DeviceSinks(
        IRowSink<InspectionRecord> Inspections,
        IRowSink<MaintenanceRecord> Maintenance,
        IRowSink<RegistrationEvent> Events,
        IRowSink<HazardRecord> Hazards,
        IRowSink<AlarmRecord> Alarms,
        IRowSink<AccidentRecord> Accidents,
        IRowSink<ElectronicCertificate> ECertificates)
    {
        public IEnumerable<IRowSink> All => [Inspections, Maintenance, Events, Hazards, Alarms, Accidents, ECertificates];
    }
}
