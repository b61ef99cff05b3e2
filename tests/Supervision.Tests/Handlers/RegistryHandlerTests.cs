using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Handlers;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Tests.Handlers.Support;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Tests.Handlers;

/// <summary>Licences, operators, notices, hazards, safety staff and notifications against a real registry, on both stores.</summary>
public abstract class RegistryHandlerTests<TDatabase>(TDatabase database)
    where TDatabase : HandlerDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_licence_is_issued_once_renewed_changed_and_cancelled()
    {
        await using var harness = new HandlerHarness(database);
        var apply = Vars.Of(("organisationId", database.OtherUserUnit.Id), ("scopes", new JsonArray("manufacture", "installation")), ("categories", new JsonArray("3000")));
        var instance = Guid.NewGuid();
        var issued = await harness.CallAsync("licence.issue", "unit_01_production_licence", "Task_issue_licence", apply, instance);
        var again = await harness.CallAsync("licence.issue", "unit_01_production_licence", "Task_issue_licence", apply, instance);
        var number = (string)issued["licenceNo"]!;
        Assert.Matches(@"^TS2\d{6}-2026$", number);
        Assert.Equal(number, (string)again["licenceNo"]!);
        Assert.Equal("2029-09-01T09:00:00+08:00", (string)issued["renewalReminderAt"]!);

        var licence = Vars.Of(("licenceNo", number), ("organisationId", database.OtherUserUnit.Id), ("changeKind", "addScope"), ("changeDetail", "增加起重机械安装"));
        var renewed = await harness.CallAsync("licence.renew", "unit_02_licence_renewal", "Task_renew_licence", licence);
        await harness.CallAsync("licence.change", "unit_03_licence_change", "Task_change_licence", licence);
        await harness.CallAsync("licence.cancel", "unit_04_licence_cancellation", "Task_cancel_licence", licence);
        var afterCancel = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("licence.renew", "unit_02_licence_renewal", "Task_renew_licence", licence));
        var unknown = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("licence.cancel", "unit_04_licence_cancellation", "Task_cancel_licence",
            HandlerHarness.After(licence, Vars.Of(("licenceNo", "TS2999999-2020")))));

        Assert.Equal("2033-09-01T09:00:00+08:00", (string)renewed["renewalReminderAt"]!);
        Assert.Equal((BusinessErrors.LicenceNotValid, BusinessErrors.LicenceUnknown), (afterCancel.ErrorCode, unknown.ErrorCode));
        await using var db = database.NewContext();
        var row = await db.Licences.SingleAsync(l => l.Number == number, Cancellation);
        Assert.Equal((new DateOnly(2034, 3, 1), (DateOnly?)new DateOnly(2026, 3, 2)), (row.ExpiresOn, row.CancelledOn));
        Assert.Contains("制造、安装（电梯）", row.Scope, StringComparison.Ordinal);
        Assert.Contains("增项：增加起重机械安装", row.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_certificate_is_issued_to_a_person_known_by_fingerprint_and_renewed()
    {
        await using var harness = new HandlerHarness(database);
        var person = new JsonObject { ["personName"] = "王五", ["idNumber"] = "11010519491231002X" };
        var apply = Vars.Of(("organisationId", database.UserUnit.Id), ("person", person), ("item", "T"));
        var issued = await harness.CallAsync("operator.issueCertificate", "unit_26_operator_certificate", "Task_issue", apply);
        var twice = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("operator.issueCertificate", "unit_26_operator_certificate", "Task_issue",
            Vars.Of(("organisationId", database.UserUnit.Id), ("person", person.DeepClone()), ("item", "T"))));
        var badId = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("operator.issueCertificate", "unit_26_operator_certificate", "Task_issue",
            Vars.Of(("organisationId", database.UserUnit.Id), ("person", new JsonObject { ["personName"] = "赵六", ["idNumber"] = "110105194912310021" }), ("item", "T"))));
        var number = (string)issued["certificateNo"]!;
        await harness.CallAsync("operator.renewCertificate", "unit_27_operator_renewal", "Task_renew", Vars.Of(("certificateNo", number), ("person", person.DeepClone())));
        var stranger = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("operator.renewCertificate", "unit_27_operator_renewal", "Task_renew",
            Vars.Of(("certificateNo", number), ("person", new JsonObject { ["personName"] = "钱七", ["idNumber"] = ResidentIdNumber.Create("11010519500101001").Value }))));

        Assert.Equal((BusinessErrors.AlreadyCertified, BusinessErrors.IdNumberInvalid, BusinessErrors.OperatorCertificateUnknown), (twice.ErrorCode, badId.ErrorCode, stranger.ErrorCode));
        await using var db = database.NewContext();
        var certificate = await db.OperatorCertificates.SingleAsync(c => c.Number == number, Cancellation);
        var holder = await db.People.SingleAsync(p => p.Id == certificate.PersonId, Cancellation);
        Assert.Equal(("王五", "110105********002X"), (holder.Name, holder.IdNumberMasked));
        Assert.Equal(new DateOnly(2034, 3, 1), certificate.ExpiresOn);
    }

    [Fact]
    public async Task A_construction_notice_needs_the_contractors_licence_in_force()
    {
        await using var harness = new HandlerHarness(database);
        var code = DeviceHandlerTests<TDatabase>.NewLiftCode();
        var notice = Vars.Of(("equipmentCode", code), ("organisationId", database.Maintainer.Id), ("licenceNo", database.MaintainerLicence.Number), ("plannedStart", "2026-03-10"));
        var accepted = await harness.CallAsync("notice.accept", "unit_18_installation_notice", "Task_accept_notice", notice);
        var notHers = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("notice.accept", "unit_18_installation_notice", "Task_accept_notice",
            HandlerHarness.After(notice, Vars.Of(("organisationId", database.UnlicensedMaintainer.Id)))));

        Assert.Matches(@"^SG2026\d{6}$", (string)accepted["noticeNo"]!);
        Assert.Equal(BusinessErrors.LicenceUnknown, notHers.ErrorCode);
        await using var db = database.NewContext();
        var row = await db.ConstructionNotices.SingleAsync(n => n.EquipmentCode == code, Cancellation);
        Assert.Equal((ConstructionKind.Installation, new DateOnly(2026, 3, 10), (long?)null), (row.Kind, row.PlannedStart, row.DeviceId));
    }

    [Fact]
    public async Task Hazards_open_on_devices_or_organisations_and_close_once()
    {
        await using var harness = new HandlerHarness(database);
        var (code, _) = await DeviceHandlerTests<TDatabase>.RegisterLiftAsync(harness, database.UserUnit.Id);
        var opened = await harness.CallAsync("hazard.open", UnitProcesses.HazardRectification, "Task_open_hazard",
            Vars.Of(("equipmentCode", code), ("hazard", "限速器校验过期"), ("stopUse", true)));
        var selfCheck = await harness.CallAsync("hazard.open", UnitProcesses.SelfCheck, "Task_open_hazard", Vars.Of(("organisationId", database.UserUnit.Id),
            ("hazardLevel", "general"), ("hazards", new JsonArray(new JsonObject { ["equipmentCode"] = code, ["description"] = "轿厢照明不亮" }))));
        var random = await harness.CallAsync("hazard.open", "unit_32_random_inspection", "Task_open_hazard",
            Vars.Of(("targets", new JsonArray(new JsonObject { ["organisationId"] = database.UserUnit.Id, ["organisationName"] = "x", ["inspectors"] = "y" })), ("comment", "未配备安全员")));
        var id = (long)opened["hazardId"]!;
        await harness.CallAsync("hazard.close", UnitProcesses.HazardRectification, "Task_close_hazard", Vars.Of(("hazardId", id)));
        var unknown = await Assert.ThrowsAsync<BpmnErrorException>(() => harness.CallAsync("hazard.close", UnitProcesses.HazardRectification, "Task_close_hazard", Vars.Of(("hazardId", -1L))));

        Assert.Equal(BusinessErrors.HazardUnknown, unknown.ErrorCode);
        await using var db = database.NewContext();
        var serious = await db.Hazards.SingleAsync(h => h.Id == id, Cancellation);
        Assert.Equal((HazardLevel.Serious, "限速器校验过期", (DateOnly?)new DateOnly(2026, 3, 2)), (serious.Level, serious.Description, serious.ClosedOn));
        Assert.Equal(HazardLevel.General, (await db.Hazards.SingleAsync(h => h.Id == (long)selfCheck["hazardId"]!, Cancellation)).Level);
        var organisationHazard = await db.Hazards.SingleAsync(h => h.Id == (long)random["hazardId"]!, Cancellation);
        Assert.Equal(((long?)null, database.UserUnit.Id, "未配备安全员"), (organisationHazard.DeviceId, organisationHazard.OrganisationId, organisationHazard.Description));
    }

    [Fact]
    public async Task A_safety_staff_filing_replaces_the_list_in_office()
    {
        await using var harness = new HandlerHarness(database);
        JsonArray Staff(string director) => new(new JsonObject { ["name"] = director, ["role"] = "director", ["category"] = "3000" }, new JsonObject { ["name"] = "孙八", ["role"] = "officer", ["category"] = "3000", ["certificateNo"] = "A123" });
        await harness.CallAsync("registry.recordSafetyStaff", "unit_28_safety_staff", "Task_record_staff", Vars.Of(("organisationId", database.OtherUserUnit.Id), ("staff", Staff("周一"))));
        await harness.CallAsync("registry.recordSafetyStaff", "unit_28_safety_staff", "Task_record_staff", Vars.Of(("organisationId", database.OtherUserUnit.Id), ("staff", Staff("吴二"))));

        await using var db = database.NewContext();
        var inOffice = await db.SafetyStaff.Where(s => s.OrganisationId == database.OtherUserUnit.Id && s.EndedOn == null).OrderBy(s => s.Id).Select(s => s.Name).ToListAsync(Cancellation);
        Assert.Equal(["吴二", "孙八"], inOffice);
        Assert.Equal(4, await db.SafetyStaff.CountAsync(s => s.OrganisationId == database.OtherUserUnit.Id, Cancellation));
    }

    [Fact]
    public async Task Each_run_of_a_reminder_notifies_once_and_results_reach_the_applicant()
    {
        await using var harness = new HandlerHarness(database);
        var instance = Guid.NewGuid();
        var result = Vars.Of(("initiator", "demo.enterprise"), ("organisationId", database.UserUnit.Id), ("decision", "approve"), ("comment", "材料齐全，准予登记"), ("certificateNo", "梯11浙A00001(26)"));
        var first = await harness.CallAsync("notify.send", "unit_05_product_coding", "Task_notify_result", result, instance);
        await harness.CallAsync("notify.send", "unit_05_product_coding", "Task_notify_result", result, instance);

        // The next run of the same element (a reminder that fires again) carries the count the engine committed.
        await harness.CallAsync("notify.send", "unit_05_product_coding", "Task_notify_result", HandlerHarness.After(result, first), instance);
        var complaint = await harness.CallAsync("notify.send", UnitProcesses.PublicComplaint, "Task_notify_result",
            Vars.Of(("contactPhone", "13800000000"), ("decision", "reject"), ("comment", "经核查未发现问题")));
        var nobody = await Assert.ThrowsAsync<HandlerInputException>(() => harness.CallAsync("notify.send", "unit_05_product_coding", "Task_notify_result", Vars.Of(("decision", "approve"))));

        Assert.Equal(1, (int)first[RegistryHandler.RunsVariable]!["Task_notify_result"]!);
        Assert.Contains("nobody", nobody.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var sent = await db.Notifications.Where(n => n.InstanceId == instance).ToListAsync(Cancellation);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, n => Assert.Equal((NotificationKind.Result, "demo.enterprise", (long?)database.UserUnit.Id, "approve"), (n.Kind, n.RecipientUser, n.RecipientOrganisationId, n.Decision)));
        Assert.Contains("同意", sent[0].Title, StringComparison.Ordinal);
        Assert.Contains("证书编号：梯11浙A00001(26)", sent[0].Body, StringComparison.Ordinal);
        Assert.Equal(2, await db.HandlerEffects.CountAsync(e => e.InstanceId == instance, Cancellation));
        Assert.Equal([RegistryHandler.RunsVariable], complaint.Keys);
        var reply = await db.Notifications.SingleAsync(n => n.RecipientContact == "13800000000", Cancellation);
        Assert.Equal(((string?)null, (long?)null, "不同意"), (reply.RecipientUser, reply.RecipientOrganisationId, reply.Title[^3..]));

        var reader = new NotificationReader("demo.enterprise", [], [], null);
        var page = await NotificationInbox.PageAsync(db, reader, before: null, limit: 1, unreadOnly: false, Cancellation);
        Assert.Equal((1, 2), (page.Items.Count, page.Unread));
        Assert.NotNull(page.NextBefore);
        Assert.NotNull(await NotificationInbox.MarkReadAsync(db, reader, page.Items[0].Id, harness.Clock.GetUtcNow(), Cancellation));
        Assert.Null(await NotificationInbox.MarkReadAsync(db, new NotificationReader("someone.else", [], ["regulator.city"], "3302"), page.Items[0].Id, harness.Clock.GetUtcNow(), Cancellation));
        Assert.Single((await NotificationInbox.PageAsync(db, reader, null, 20, unreadOnly: true, Cancellation)).Items);
    }
}

public sealed class SqliteRegistryHandlerTests(SqliteHandlerDatabase database)
    : RegistryHandlerTests<SqliteHandlerDatabase>(database), IClassFixture<SqliteHandlerDatabase>;

public sealed class PostgresRegistryHandlerTests(PostgresHandlerDatabase database)
    : RegistryHandlerTests<PostgresHandlerDatabase>(database), IClassFixture<PostgresHandlerDatabase>;
