using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Tests.Handlers.Support;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Tests.Handlers;

/// <summary>The device handlers against a real registry, on both stores: effects, idempotency and business errors.</summary>
public abstract class DeviceHandlerTests<TDatabase>(TDatabase database)
    where TDatabase : HandlerDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static int _sequence;

    internal static string NewLiftCode() =>
        EquipmentCode.Create(CatalogCode.Parse("3110"), "10001", 2026, Interlocked.Increment(ref _sequence) + (Random.Shared.Next(1, 900) * 100)).Value;

    private Dictionary<string, JsonNode?> Registration(string code) => Vars.Of(
        ("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("regionCode", "330106"), ("category", "3000"), ("variety", "3110"),
        ("address", "西湖区文三路 90 号 1 号梯"), ("manufacturedOn", "2025-11-02"), ("commissionedOn", "2026-02-20"), ("initiator", "demo.enterprise"));

    /// <summary>Creates and registers a lift through the two handlers of unit 11; returns its code and certificate number.</summary>
    internal static async Task<(string Code, string Number)> RegisterLiftAsync(HandlerHarness harness, long organisationId)
    {
        var code = NewLiftCode();
        var variables = Vars.Of(("equipmentCode", code), ("organisationId", organisationId), ("regionCode", "330106"), ("category", "3000"),
            ("variety", "3110"), ("address", "西湖区文三路 90 号"), ("commissionedOn", "2026-02-20"));
        var instance = Guid.NewGuid();
        await harness.CallAsync("registry.createDevice", UnitProcesses.UseRegistration, "Task_create_device", variables, instance);
        var issued = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", variables, instance);
        return (code, (string)issued["certificateNo"]!);
    }

    [Fact]
    public async Task Unit_11_creates_the_device_and_issues_one_certificate_with_its_pdf_however_often_it_is_called()
    {
        await using var harness = new HandlerHarness(database);
        var code = NewLiftCode();
        var variables = Registration(code);
        var instance = Guid.NewGuid();

        var created = await harness.CallAsync("registry.createDevice", UnitProcesses.UseRegistration, "Task_create_device", variables, instance);
        var issued = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", variables, instance);

        // The engine lost its commit and calls again, then a retry comes as attempt 2: same outputs, nothing new.
        var again = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", variables, instance);
        var retried = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", variables, instance, attempt: 2);
        var createdAgain = await harness.CallAsync("registry.createDevice", UnitProcesses.UseRegistration, "Task_create_device", variables, instance);

        var number = (string)issued["certificateNo"]!;
        Assert.Matches(@"^梯11浙A\d{5}\(26\)$", number);
        Assert.Equal(number, (string)again["certificateNo"]!);
        Assert.Equal(number, (string)retried["certificateNo"]!);
        Assert.Equal((long)created["deviceId"]!, (long)createdAgain["deviceId"]!);
        Assert.Equal(1, (int)issued[RegistryHandlerRuns]!["Task_issue_certificate"]!);

        await using var db = database.NewContext();
        var device = await db.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
        Assert.Equal((EquipmentStatus.InUse, number, new DateOnly(2026, 2, 20)), (device.Status, device.UseCertificateNumber, device.FirstUsedOn));
        var certificate = await db.ElectronicCertificates.SingleAsync(c => c.DeviceId == device.Id, Cancellation);
        Assert.Equal((number, database.UserUnit.Id), (certificate.Number, certificate.OrganisationId));
        Assert.Equal("%PDF"u8.ToArray(), certificate.Pdf![..4]);
        Assert.Contains(code, certificate.SignDetails, StringComparison.Ordinal);
        Assert.Contains($"/q/{code}", certificate.SignDetails, StringComparison.Ordinal);
        Assert.Single(await db.RegistrationEvents.Where(e => e.DeviceId == device.Id && e.Kind == RegistrationEventKind.Registered).ToListAsync(Cancellation));
        Assert.Equal(1, await db.HandlerEffects.CountAsync(e => e.InstanceId == instance && e.ElementId == "Task_issue_certificate", Cancellation));
    }

    private const string RegistryHandlerRuns = ApprovalHub.Supervision.Handlers.Effects.RegistryHandler.RunsVariable;

    [Fact]
    public async Task Business_errors_name_the_code_the_process_can_catch()
    {
        await using var harness = new HandlerHarness(database);
        var unknown = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync(
            "registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", Registration(NewLiftCode())));
        Assert.Equal(BusinessErrors.DeviceUnknown, unknown.ErrorCode);

        var (code, _) = await RegisterLiftAsync(harness, database.UserUnit.Id);
        var twice = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync(
            "registry.issueUseCertificate", UnitProcesses.UseRegistration, "Task_issue_certificate", Registration(code)));
        Assert.Equal(BusinessErrors.AlreadyRegistered, twice.ErrorCode);

        var foreign = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync(
            "registry.changeStatus", UnitProcesses.Suspension, "Task_change_status", Vars.Of(("equipmentCode", code), ("organisationId", database.OtherUserUnit.Id))));
        Assert.Equal(BusinessErrors.DeviceNotHeld, foreign.ErrorCode);

        var badCode = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync(
            "registry.createDevice", UnitProcesses.UseRegistration, "Task_create_device", HandlerHarness.After(Registration("31101000120"), Vars.Of())));
        Assert.Equal(BusinessErrors.DeviceInvalid, badCode.ErrorCode);

        await using var db = database.NewContext();
        Assert.False(await db.Devices.AnyAsync(d => d.EquipmentCode == "31101000120", Cancellation));
    }

    [Fact]
    public async Task Status_follows_the_unit_and_an_illegal_move_is_a_business_error()
    {
        await using var harness = new HandlerHarness(database);
        var (code, _) = await RegisterLiftAsync(harness, database.UserUnit.Id);
        var variables = Vars.Of(("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("stoppedOn", "2026-03-01"));

        var stopped = await harness.CallAsync("registry.changeStatus", UnitProcesses.Suspension, "Task_change_status", variables);
        var restarted = await harness.CallAsync("registry.changeStatus", UnitProcesses.Restart, "Task_change_status", variables);
        var scrapped = await harness.CallAsync("registry.changeStatus", UnitProcesses.Scrapping, "Task_change_status", variables);
        var illegal = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("registry.changeStatus", UnitProcesses.Restart, "Task_change_status", variables));
        var unknownTask = await Assert.ThrowsAsync<HandlerInputException>(() => harness.CallAsync("registry.changeStatus", UnitProcesses.Restart, "Task_elsewhere", variables));

        Assert.Equal(["停用", "在用", "报废"], new[] { stopped, restarted, scrapped }.Select(o => (string)o["deviceStatus"]!));
        Assert.Equal(BusinessErrors.DeviceStatus, illegal.ErrorCode);
        Assert.Contains("StatusRules", unknownTask.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var device = await db.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
        Assert.Equal((EquipmentStatus.Scrapped, (DateOnly?)null), (device.Status, device.NextDueOn));
        var kinds = await db.RegistrationEvents.Where(e => e.DeviceId == device.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Cancellation);
        Assert.Equal([RegistrationEventKind.Registered, RegistrationEventKind.Suspended, RegistrationEventKind.Resumed, RegistrationEventKind.Scrapped], kinds);
        var scrappedLifts = await db.RegionRollups.Where(r => r.RegionCode == "330106" && r.Category == EquipmentCategory.Lift && r.Status == EquipmentStatus.Scrapped)
            .Select(r => r.Devices).SingleAsync(Cancellation);
        Assert.True(scrappedLifts >= 1);
    }

    [Fact]
    public async Task An_inspection_is_recorded_once_and_the_next_one_scheduled_a_year_later_with_the_reminder_a_month_before()
    {
        await using var harness = new HandlerHarness(database);
        var (code, _) = await RegisterLiftAsync(harness, database.UserUnit.Id);
        var instance = Guid.NewGuid();
        var result = Vars.Of(("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("result", "pass"), ("reportNo", "JY2026000123"), ("inspectedOn", "2026-03-01"));

        await harness.CallAsync("registry.recordInspectionResult", UnitProcesses.SelfTest, "Task_record", result, instance);
        await harness.CallAsync("registry.recordInspectionResult", UnitProcesses.SelfTest, "Task_record_pass", result, instance);
        var scheduled = await harness.CallAsync("registry.scheduleNextInspection", UnitProcesses.InspectionReport, "Task_schedule", result);

        Assert.Equal("2027-03-01", (string)scheduled["nextDueDate"]!);
        Assert.Equal("2027-02-01T09:00:00+08:00", (string)scheduled["nextReminderAt"]!);
        await using var db = database.NewContext();
        var device = await db.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
        var record = await db.Inspections.SingleAsync(i => i.DeviceId == device.Id, Cancellation);
        Assert.Equal((InspectionKind.SelfTest, InspectionResult.Pass, (DateOnly?)new DateOnly(2027, 3, 1)), (record.Kind, record.Result, record.ValidUntil));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2026, 3, 1)), (device.NextDueOn!.Value, device.LastInspectedOn!.Value));

        var past = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync(
            "registry.scheduleNextInspection", UnitProcesses.Postponement, "Task_reschedule", Vars.Of(("equipmentCode", code), ("requestedDate", "2026-01-01"))));
        Assert.Equal(BusinessErrors.DatesInvalid, past.ErrorCode);
    }

    [Fact]
    public async Task Maintenance_visits_rescues_and_contracts_reach_the_device()
    {
        await using var harness = new HandlerHarness(database);
        var (code, _) = await RegisterLiftAsync(harness, database.UserUnit.Id);
        var contract = Vars.Of(("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("maintenanceUnit", database.Maintainer.Name),
            ("maintenanceCredit", database.Maintainer.CreditCode), ("contractFrom", "2026-03-01"), ("contractTo", "2027-02-28"));
        await harness.CallAsync("registry.recordMaintenanceContract", "unit_24_maintenance_contract", "Task_record_contract", contract);
        var unlicensed = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("registry.recordMaintenanceContract", "unit_24_maintenance_contract",
            "Task_record_contract", HandlerHarness.After(contract, Vars.Of(("maintenanceCredit", database.UnlicensedMaintainer.CreditCode)))));

        await using (var seed = database.NewContext())
        {
            var lift = await seed.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
            lift.AlarmActive = true;
            seed.Alarms.Add(new AlarmRecord { DeviceId = lift.Id, RaisedAt = harness.Clock.GetUtcNow(), FaultCode = "11", Description = "困人" });
            await seed.SaveChangesAsync(Cancellation);
        }

        await harness.CallAsync("registry.recordMaintenance", "unit_25_maintenance_record", "Task_save",
            Vars.Of(("equipmentCode", code), ("maintainedAt", "2026-03-05T10:00"), ("level", "halfMonth"), ("items", new JsonArray("clean", "lubricate")), ("maintainer", "李四")));
        await harness.CallAsync("registry.recordMaintenance", UnitProcesses.IotAlarm, "Task_record",
            Vars.Of(("equipmentCode", code), ("arrivedAt", "2026-03-06T08:20"), ("rescuedAt", "2026-03-06T08:35"), ("trapped", 2L), ("handling", "盘车放人")));

        Assert.Equal(BusinessErrors.MaintenanceUnitUnlicensed, unlicensed.ErrorCode);
        await using var db = database.NewContext();
        var device = await db.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
        Assert.Equal((database.Maintainer.Id, new DateOnly(2026, 3, 6), false), (device.MaintenanceOrganisationId!.Value, device.LastMaintainedOn!.Value, device.AlarmActive));
        var visits = await db.Maintenance.Where(m => m.DeviceId == device.Id).OrderBy(m => m.Id).ToListAsync(Cancellation);
        Assert.Equal([MaintenanceKind.HalfMonthly, MaintenanceKind.Rescue], visits.Select(v => v.Kind));
        Assert.Equal("清洁、润滑（李四）", visits[0].Detail);
        Assert.Contains("被困 2 人", visits[1].Detail, StringComparison.Ordinal);
        Assert.NotNull((await db.Alarms.SingleAsync(a => a.DeviceId == device.Id, Cancellation)).ClearedAt);
        Assert.Single(await db.MaintenanceContracts.Where(c => c.DeviceId == device.Id).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task A_transfer_reissues_under_a_new_number_and_a_reissue_keeps_it()
    {
        await using var harness = new HandlerHarness(database);
        var (code, number) = await RegisterLiftAsync(harness, database.UserUnit.Id);
        var reissue = Vars.Of(("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("certificateNo", number), ("reason", "lost"));
        var reissued = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.CertificateReissue, "Task_issue_certificate", reissue);
        var mismatch = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("registry.issueUseCertificate", UnitProcesses.CertificateReissue,
            "Task_issue_certificate", HandlerHarness.After(reissue, Vars.Of(("certificateNo", "梯11浙A99999(20)")))));
        var transferred = await harness.CallAsync("registry.issueUseCertificate", UnitProcesses.ChangeRegistration, "Task_issue_certificate",
            Vars.Of(("equipmentCode", code), ("organisationId", database.UserUnit.Id), ("certificateNo", number), ("changeKind", "transfer"), ("creditCode", database.OtherUserUnit.CreditCode)));

        Assert.Equal(number, (string)reissued["certificateNo"]!);
        Assert.Equal(BusinessErrors.CertificateMismatch, mismatch.ErrorCode);
        var newNumber = (string)transferred["certificateNo"]!;
        Assert.NotEqual(number, newNumber);
        await using var db = database.NewContext();
        var device = await db.Devices.SingleAsync(d => d.EquipmentCode == code, Cancellation);
        Assert.Equal((database.OtherUserUnit.Id, newNumber), (device.UserOrganisationId, device.UseCertificateNumber));
        var certificates = await db.ElectronicCertificates.Where(c => c.DeviceId == device.Id).OrderBy(c => c.Id).ToListAsync(Cancellation);
        Assert.Equal([number, number, newNumber], certificates.Select(c => c.Number));
        Assert.Equal([true, true, false], certificates.Select(c => c.SupersededOn is not null));
        Assert.Equal(database.OtherUserUnit.Id, certificates[^1].OrganisationId);
    }
}

public sealed class SqliteDeviceHandlerTests(SqliteHandlerDatabase database)
    : DeviceHandlerTests<SqliteHandlerDatabase>(database), IClassFixture<SqliteHandlerDatabase>;

public sealed class PostgresDeviceHandlerTests(PostgresHandlerDatabase database)
    : DeviceHandlerTests<PostgresHandlerDatabase>(database), IClassFixture<PostgresHandlerDatabase>;
