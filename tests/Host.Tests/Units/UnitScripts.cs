using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>One case of a unit journey: who applied, for what, and what the case produced.</summary>
internal sealed class JourneyCase(Journey journey, UnitModel model)
{
    public Journey Journey { get; } = journey;

    public UnitModel Model { get; } = model;

    /// <summary>The applicant's user name (null for the anonymous complainant of unit 30).</summary>
    public string? Applicant { get; init; }

    /// <summary>The organisation the applicant acts for.</summary>
    public long? Organisation { get; init; }

    public string? DeviceCode { get; set; }

    public string? Certificate { get; set; }

    /// <summary>What the arrangement made for this case (a licence number, a person's ID number …).</summary>
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>The application form as submitted.</summary>
    public JsonObject Application { get; set; } = [];

    public Guid InstanceId { get; set; }

    public string BusinessKey { get; set; } = string.Empty;

    /// <summary>Someone who may read the case's device in the registry.</summary>
    public string DeviceReader => Organisation == JourneyWorld.Producer && Model.Unit.Applicant.Role == "producer" ? "demo.producer" : "demo.enterprise";
}

/// <summary>
/// What the journey of each unit needs beyond the catalog: the state of its device, the known
/// values of its application (the real licence, certificate or organisation), the few task
/// answers that pick the branch the catalog's effect lies on, and the registry effect to assert.
/// Everything else — applicant, deciders, task forms, paths — follows the catalog and the BPMN.
/// </summary>
internal sealed record UnitScript
{
    public required string Code { get; init; }

    public DeviceState Device { get; init; } = DeviceState.None;

    /// <summary>The device's maintenance unit before the journey.</summary>
    public long? Maintainer { get; init; } = JourneyWorld.Producer;

    /// <summary>Prepares what the application refers to (a licence, an operator certificate) before the applicant applies.</summary>
    public Func<JourneyCase, Task>? Arrange { get; init; }

    /// <summary>Application form values beyond the defaults (<see cref="UnitJourneys.DefaultApplication"/>).</summary>
    public Func<JourneyCase, Dictionary<string, JsonNode?>>? Form { get; init; }

    /// <summary>Answers for particular tasks beyond the form defaults (<see cref="UnitJourneys.DefaultTaskData"/>); null: the defaults.</summary>
    public Func<JourneyCase, UserTaskRecord, Dictionary<string, JsonNode?>?>? Task { get; init; }

    /// <summary>Asserts the registry effect the catalog lists, through the APIs.</summary>
    public required Func<JourneyCase, Task> Effect { get; init; }
}

/// <summary>The 34 unit scripts.</summary>
internal static class UnitScripts
{
    private static int _people = Random.Shared.Next(100, 600);

    public static IReadOnlyDictionary<string, UnitScript> All { get; } = new UnitScript[]
    {
        new()
        {
            Code = "01",
            Form = _ => new() { ["scopes"] = new JsonArray("manufacture", "installation"), ["categories"] = new JsonArray("3000") },
            Effect = async c =>
            {
                var number = await NumberInResultAsync(c, "许可证编号");
                var licence = await LicenceAsync(c, number);
                Assert.Equal(JourneyWorld.Today.AddYears(4).AddDays(-1), DateOnly.Parse((string)licence["expiresOn"]!, CultureInfo.InvariantCulture));
                Assert.Contains("制造", (string)licence["scope"]!, StringComparison.Ordinal);
            },
        },
        new()
        {
            Code = "02",
            Arrange = async c => c.Facts["licenceNo"] = await JourneyWorld.LicenceAsync(c.Journey.Factory, months: 5),
            Form = c => new() { ["licenceNo"] = c.Facts["licenceNo"], ["expiresOn"] = Date(JourneyWorld.Today.AddMonths(5)) },
            Effect = async c =>
            {
                var licence = await LicenceAsync(c, c.Facts["licenceNo"]);
                Assert.Equal(JourneyWorld.Today.AddMonths(5).AddYears(4), DateOnly.Parse((string)licence["expiresOn"]!, CultureInfo.InvariantCulture));
            },
        },
        new()
        {
            Code = "03",
            Arrange = async c => c.Facts["licenceNo"] = await JourneyWorld.LicenceAsync(c.Journey.Factory, months: 30),
            Form = c => new() { ["licenceNo"] = c.Facts["licenceNo"], ["changeKind"] = "addScope", ["changeDetail"] = "增加电梯安装项目" },
            Effect = async c =>
            {
                var licence = await LicenceAsync(c, c.Facts["licenceNo"]);
                Assert.EndsWith("增项：增加电梯安装项目", (string)licence["scope"]!, StringComparison.Ordinal);
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_appraisal");
            },
        },
        new()
        {
            Code = "04",
            Arrange = async c => c.Facts["licenceNo"] = await JourneyWorld.LicenceAsync(c.Journey.Factory, months: 30),
            Form = c => new() { ["licenceNo"] = c.Facts["licenceNo"] },
            Effect = async c =>
            {
                // The licence view has no cancellation date: the registry row says it.
                var number = c.Facts["licenceNo"];
                var cancelled = await JourneyWorld.RegistryAsync(c.Journey.Factory, db => db.Licences.AsNoTracking().Where(l => l.Number == number).Select(l => l.CancelledOn).SingleAsync());
                Assert.Equal(JourneyWorld.Today, cancelled);
                Assert.Equal("approve", (string?)(await c.Journey.NotificationAsync("demo.producer", c.InstanceId))["decision"]);
            },
        },
        new()
        {
            Code = "05",
            Device = DeviceState.New,
            Form = c => new() { ["licenceNo"] = JourneyWorld.InstallationLicence, ["productNo"] = $"CP-{c.DeviceCode![^5..]}" },
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.producer", c.DeviceCode!);
                Assert.Equal(("underConstruction", JourneyWorld.Producer), ((string)device["status"]!, (long)device["manufacturerOrganisation"]!["id"]!));
                Assert.Contains(await c.Journey.TimelineAsync("demo.producer", c.DeviceCode!), e => (string?)e["kind"] == "registration.manufactured");
            },
        },
        new()
        {
            Code = "06",
            Device = DeviceState.InUse,
            Effect = async c => Assert.Equal("approve", (string?)(await c.Journey.NotificationAsync("demo.enterprise", c.InstanceId))["decision"]),
        },
        new()
        {
            Code = "07",
            Device = DeviceState.InUse,
            Form = c => new() { ["applicationNo"] = $"DJ-{c.DeviceCode![^5..]}" },
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.inspector", c.DeviceCode!);
                Assert.Equal(("inUse", "pass", CaseWorld.InspectionBody), ((string)device["status"]!, (string?)device["lastInspectionResult"], (long)device["inspectionOrganisation"]!["id"]!));
                var next = (string)device["nextDueOn"]!;
                Assert.True(DateOnly.Parse(next, CultureInfo.InvariantCulture) > JourneyWorld.Today);
                Assert.Contains($"下次检验日期：{next}", (string)(await c.Journey.NotificationAsync("demo.inspector", c.InstanceId))["body"]!, StringComparison.Ordinal);
            },
        },
        new()
        {
            Code = "08",
            Device = DeviceState.Failed,
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!);
                Assert.Equal(("inUse", "passOnReinspection"), ((string)device["status"]!, (string?)device["lastInspectionResult"]));
                Assert.True(DateOnly.Parse((string)device["nextDueOn"]!, CultureInfo.InvariantCulture) > JourneyWorld.Today);
            },
        },
        new()
        {
            Code = "09",
            Device = DeviceState.InUse,
            Form = _ => new() { ["requestedDate"] = Date(JourneyWorld.Today.AddDays(90)), ["validUntil"] = Date(JourneyWorld.Today.AddDays(25)) },
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!);
                Assert.Equal(Date(JourneyWorld.Today.AddDays(90)), (string)device["nextDueOn"]!);
            },
        },
        new()
        {
            // A failed self-test is the branch with the catalog's hazard.
            Code = "10",
            Device = DeviceState.InUse,
            Form = _ => new() { ["result"] = "fail", ["findings"] = "曳引轮磨损超标", ["testedOn"] = Date(JourneyWorld.Today) },
            Effect = async c =>
            {
                var timeline = await c.Journey.TimelineAsync("demo.producer", c.DeviceCode!);
                Assert.Contains(timeline, e => (string?)e["kind"] == "inspection" && ((string?)e["detail"])?.StartsWith("不合格", StringComparison.Ordinal) == true);
                Assert.Contains(timeline, e => (string?)e["kind"] == "hazard.found");
                Assert.Equal("fail", (string?)(await c.Journey.DeviceAsync("demo.producer", c.DeviceCode!))["lastInspectionResult"]);
            },
        },
        new()
        {
            Code = "11",
            Device = DeviceState.New,
            Form = _ => new() { ["commissionedOn"] = Date(JourneyWorld.Today) },
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!);
                var number = (string)device["useCertificateNumber"]!;
                Assert.Equal("inUse", (string)device["status"]!);
                Assert.Matches(@"^梯11浙A\d{5}\(\d{2}\)$", number);
                await c.Journey.AssertCertificatePdfAsync("demo.enterprise", number);
                Assert.Contains(number, (string)(await c.Journey.NotificationAsync("demo.enterprise", c.InstanceId))["body"]!, StringComparison.Ordinal);
            },
        },
        new()
        {
            Code = "12",
            Device = DeviceState.InUse,
            Form = _ => new() { ["changeKind"] = "renovation", ["changeDetail"] = "更换曳引机和控制柜" },
            Effect = async c =>
            {
                Assert.Equal(c.Certificate, (string?)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["useCertificateNumber"]);
                Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!),
                    e => (string?)e["kind"] == "registration.changed" && ((string?)e["detail"])?.Contains("改造", StringComparison.Ordinal) == true);
                await c.Journey.AssertCertificatePdfAsync("demo.enterprise", c.Certificate!);
            },
        },
        new()
        {
            Code = "13",
            Device = DeviceState.InUse,
            Form = _ => new() { ["stoppedOn"] = Date(JourneyWorld.Today) },
            Effect = async c => Assert.Equal("suspended", (string)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["status"]!),
        },
        new()
        {
            Code = "14",
            Device = DeviceState.Suspended,
            Form = _ => new() { ["inspectionExpired"] = false },
            Effect = async c =>
            {
                Assert.Equal("inUse", (string)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["status"]!);
                Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!), e => (string?)e["kind"] == "registration.resumed");
            },
        },
        new()
        {
            Code = "15",
            Device = DeviceState.Suspended,
            Form = _ => new() { ["scrappedOn"] = Date(JourneyWorld.Today) },
            Effect = async c => Assert.Equal("scrapped", (string)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["status"]!),
        },
        new()
        {
            Code = "16",
            Device = DeviceState.InUse,
            Form = _ => new() { ["reason"] = "lost" },
            Effect = async c =>
            {
                await c.Journey.AssertCertificatePdfAsync("demo.enterprise", c.Certificate!);
                Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!),
                    e => (string?)e["kind"] == "registration.changed" && ((string?)e["detail"])?.Contains("补证", StringComparison.Ordinal) == true);
            },
        },
        new()
        {
            Code = "17",
            Arrange = c =>
            {
                c.Facts["cylinder"] = JourneyWorld.NewCode("2310");
                return Task.CompletedTask;
            },
            Form = c => new()
            {
                ["kind"] = "cylinder",
                ["items"] = new JsonArray(new JsonObject { ["equipmentCode"] = c.Facts["cylinder"], ["serialNo"] = "QP-0001", ["pressure"] = 15, ["volume"] = 40 }),
            },
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.enterprise", c.Facts["cylinder"]);
                Assert.Equal("inUse", (string)device["status"]!);
                await c.Journey.AssertCertificatePdfAsync("demo.enterprise", (string)device["useCertificateNumber"]!);
            },
        },
        Notice("18", DeviceState.New),
        Notice("19", DeviceState.InUse),
        Notice("20", DeviceState.InUse),
        Notice("21", DeviceState.InUse),
        new()
        {
            Code = "22",
            Device = DeviceState.UnderConstruction,
            Form = _ => new() { ["workKind"] = "installation", ["noticeNo"] = "SG2026000001" },
            Effect = async c => Assert.Equal("approve", (string?)(await c.Journey.NotificationAsync("demo.producer", c.InstanceId))["decision"]),
        },
        new()
        {
            Code = "23",
            Device = DeviceState.UnderConstruction,
            Effect = async c =>
            {
                var device = await c.Journey.DeviceAsync("demo.producer", c.DeviceCode!);
                Assert.Equal(Date(JourneyWorld.Today), (string?)device["installedOn"]);
                Assert.Contains(await c.Journey.TimelineAsync("demo.producer", c.DeviceCode!),
                    e => (string?)e["kind"] == "inspection" && (string?)e["title"] == "监督检验");
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_acceptance" && s.Actor == "demo.enterprise");
            },
        },
        new()
        {
            Code = "24",
            Device = DeviceState.InUse,
            Maintainer = CaseWorld.Maintainer,
            Form = _ => new()
            {
                ["maintenanceUnit"] = JourneyWorld.ProducerName, ["maintenanceCredit"] = JourneyWorld.CreditOf(JourneyWorld.Producer),
                ["contractFrom"] = Date(JourneyWorld.Today), ["contractTo"] = Date(JourneyWorld.Today.AddYears(1)),
            },
            Effect = async c =>
            {
                Assert.Equal(JourneyWorld.Producer, (long)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["maintenanceOrganisation"]!["id"]!);
                Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!),
                    e => ((string?)e["detail"])?.StartsWith("维保合同备案", StringComparison.Ordinal) == true);
            },
        },
        new()
        {
            Code = "25",
            Device = DeviceState.InUse,
            Form = _ => new() { ["maintainedAt"] = $"{Date(JourneyWorld.Today)}T09:30+08:00", ["level"] = "halfMonth" },
            Effect = async c =>
            {
                Assert.Equal(Date(JourneyWorld.Today), (string?)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["lastMaintainedOn"]);
                Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!), e => (string?)e["kind"] == "maintenance");
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_confirm" && s.Actor == "demo.enterprise");
            },
        },
        new()
        {
            Code = "26",
            Arrange = c =>
            {
                NewOperator(c);
                return Task.CompletedTask;
            },
            Form = c => new() { ["person"] = Operator(c), ["item"] = "T" },
            Effect = async c =>
            {
                var certificate = await OperatorCertificateAsync(c, await NumberInResultAsync(c, "证书编号"));
                Assert.Equal(("T", "valid"), ((string?)certificate["itemCode"], ((string?)certificate["status"])?.ToLowerInvariant()));
            },
        },
        new()
        {
            // The certificate to renew comes from a unit 26 journey of the same operator.
            Code = "27",
            Arrange = async c =>
            {
                NewOperator(c);
                var first = await UnitJourneys.RunAsync(c.Journey, "26", JourneyPath.Approve, c.Facts);
                c.Facts["certificateNo"] = await NumberInResultAsync(first, "证书编号");
            },
            Form = c => new()
            {
                ["person"] = Operator(c), ["certificateNo"] = c.Facts["certificateNo"], ["age"] = 40,
                ["expiresOn"] = Date(JourneyWorld.Today.AddYears(4).AddDays(-1)),
            },
            Effect = async c =>
            {
                var certificate = await OperatorCertificateAsync(c, c.Facts["certificateNo"]);
                Assert.Equal(JourneyWorld.Today.AddYears(8).AddDays(-1), DateOnly.Parse((string)certificate["expiresOn"]!, CultureInfo.InvariantCulture));
            },
        },
        new()
        {
            Code = "28",
            Form = c => new()
            {
                ["staff"] = new JsonArray(
                    new JsonObject { ["name"] = $"安全总监{Interlocked.Increment(ref _people)}", ["role"] = "director", ["category"] = "3000", ["certificateNo"] = "A-0001" },
                    new JsonObject { ["name"] = "安全员甲", ["role"] = "officer", ["category"] = "3000" }),
            },
            Effect = async c =>
            {
                // No API lists safety staff yet: the registry rows say it.
                var director = (string)c.Application["staff"]![0]!["name"]!;
                var staff = await JourneyWorld.RegistryAsync(c.Journey.Factory,
                    db => db.SafetyStaff.AsNoTracking().Where(s => s.OrganisationId == CaseWorld.UserUnit && s.Name == director && s.EndedOn == null).CountAsync());
                Assert.Equal(1, staff);
                Assert.NotNull(await c.Journey.NotificationAsync("demo.enterprise", c.InstanceId));
            },
        },
        new()
        {
            Code = "29",
            Device = DeviceState.InUse,
            Form = c => new()
            {
                ["checkKind"] = "daily", ["hazardsFound"] = true, ["hazardLevel"] = "general",
                ["hazards"] = new JsonArray(new JsonObject { ["equipmentCode"] = c.DeviceCode, ["description"] = "轿厢应急照明失效" }),
            },
            Effect = async c => Assert.Contains(await c.Journey.TimelineAsync("demo.enterprise", c.DeviceCode!),
                e => (string?)e["kind"] == "hazard.found" && (string?)e["detail"] == "轿厢应急照明失效"),
        },
        new()
        {
            // The complaint proves true on the spot: the branch with the catalog's hazard.
            Code = "30",
            Device = DeviceState.InUse,
            Form = _ => new() { ["topic"] = "fault", ["description"] = "电梯运行时有明显异响，门经常关不上。", ["contactPhone"] = "13900139000" },
            Task = (_, task) => task.ElementId == "Task_check" ? new() { ["result"] = "fail", ["conclusion"] = "现场核查投诉属实" } : null,
            Effect = async c =>
            {
                Assert.Contains(await c.Journey.TimelineAsync("demo.county", c.DeviceCode!), e => (string?)e["kind"] == "hazard.found");
                var status = await c.Journey.Client("demo.county").GetFromJsonAsync<JsonObject>($"/api/public/complaints/{c.BusinessKey}", TestContext.Current.CancellationToken);
                Assert.Equal("closed", (string?)status!["state"]);
            },
        },
        new()
        {
            Code = "31",
            Device = DeviceState.InUse,
            Form = c => new()
            {
                ["orderNo"] = $"ZL-{c.DeviceCode![^5..]}", ["organisationName"] = "演示使用单位", ["hazard"] = "安全钳动作试验不合格",
                ["stopUse"] = true, ["deadline"] = Date(JourneyWorld.Today.AddDays(15)),
            },
            Effect = async c =>
            {
                var timeline = await c.Journey.TimelineAsync("demo.county", c.DeviceCode!);
                Assert.Contains(timeline, e => (string?)e["kind"] == "hazard.found");
                Assert.Contains(timeline, e => (string?)e["kind"] == "hazard.closed");
                Assert.Equal("suspended", (string)(await c.Journey.DeviceAsync("demo.county", c.DeviceCode!))["status"]!);
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_rectify" && s.Actor == "demo.enterprise");
            },
        },
        new()
        {
            Code = "32",
            Form = _ => new()
            {
                ["targets"] = new JsonArray(new JsonObject { ["organisationId"] = CaseWorld.UserUnit, ["organisationName"] = "演示使用单位", ["inspectors"] = "执法人员甲、执法人员乙" }),
            },
            Task = (c, task) => task.ElementId == "Task_summary"
                ? new() { ["hazardsFound"] = true, ["description"] = $"{c.BusinessKey} 未落实日管控" }
                : null,
            Effect = async c =>
            {
                Assert.NotNull(await c.Journey.NotificationAsync("demo.county", c.InstanceId));
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_check" && s.Actor == "demo.county");

                // An organisation's hazard has no device timeline and no API yet: the registry row says it.
                var description = $"{c.BusinessKey} 未落实日管控";
                Assert.Equal(1, await JourneyWorld.RegistryAsync(c.Journey.Factory,
                    db => db.Hazards.AsNoTracking().CountAsync(h => h.OrganisationId == CaseWorld.UserUnit && h.DeviceId == null && h.Description == description)));
            },
        },
        new()
        {
            Code = "33",
            Device = DeviceState.InUse,
            Form = _ => new() { ["accidentLevel"] = "major", ["occurredAt"] = $"{Date(JourneyWorld.Today)}T08:10+08:00", ["deaths"] = 0, ["seriousInjuries"] = 1 },
            Task = (_, task) => task.ElementId == "Task_investigate_city"
                ? new() { ["investigators"] = new JsonArray(new JsonObject { ["userId"] = "demo.city", ["unit"] = "杭州市市场监管局" }) }
                : null,
            Effect = async c =>
            {
                Assert.Equal("suspended", (string)(await c.Journey.DeviceAsync("demo.enterprise", c.DeviceCode!))["status"]!);
                Assert.NotNull(await c.Journey.NotificationAsync("demo.enterprise", c.InstanceId));
                Assert.Contains(c.Journey.Steps, s => s.ElementId == "Task_sign_report" && s.Actor == "demo.city");
            },
        },
        new()
        {
            Code = "34",
            Device = DeviceState.InUse,
            Form = _ => new()
            {
                ["faultCode"] = "trapped", ["trapped"] = 2, ["hazardFound"] = true, ["accident"] = false,
                ["arrivedAt"] = $"{Date(JourneyWorld.Today)}T09:20+08:00", ["rescuedAt"] = $"{Date(JourneyWorld.Today)}T09:35+08:00",
            },
            Effect = async c =>
            {
                var timeline = await c.Journey.TimelineAsync("demo.producer", c.DeviceCode!);
                Assert.Contains(timeline, e => (string?)e["kind"] == "maintenance" && (string?)e["title"] == "应急救援");
                Assert.Contains(timeline, e => (string?)e["kind"] == "hazard.found");
                Assert.Equal("alarm", ((string?)(await c.Journey.NotificationAsync("demo.producer", c.InstanceId, "Task_notify_maintenance"))["kind"])?.ToLowerInvariant());
            },
        },
    }.ToDictionary(s => s.Code, StringComparer.Ordinal);

    /// <summary>A construction notice (18–21): accepted at once with a notice number, shown on the device's timeline where the device is on file.</summary>
    private static UnitScript Notice(string code, DeviceState device) => new()
    {
        Code = code,
        Device = device,
        Form = _ => new()
        {
            ["licenceNo"] = JourneyWorld.InstallationLicence, ["plannedStart"] = Date(JourneyWorld.Today.AddDays(7)),
            ["plannedEnd"] = Date(JourneyWorld.Today.AddDays(60)), ["userOrganisation"] = "演示使用单位",
        },
        Effect = async c =>
        {
            var number = await NumberInResultAsync(c, "告知编号");
            Assert.Matches(@"^SG\d{10}$", number);
            if (device != DeviceState.New)
            {
                Assert.Contains(await c.Journey.TimelineAsync("demo.producer", c.DeviceCode!),
                    e => (string?)e["kind"] == "registration.installationnotified" && ((string?)e["detail"])?.StartsWith(number, StringComparison.Ordinal) == true);
            }
        },
    };

    /// <summary>A number the result notification to the applicant names ("许可证编号：TS2000001-2026").</summary>
    private static async Task<string> NumberInResultAsync(JourneyCase c, string label)
    {
        var body = (string)(await c.Journey.NotificationAsync(c.Applicant!, c.InstanceId))["body"]!;
        var match = Regex.Match(body, $"{label}：([^；\\s]+)");
        Assert.True(match.Success, $"The result names no {label}: {body}");
        return match.Groups[1].Value;
    }

    private static async Task<JsonObject> LicenceAsync(JourneyCase c, string number)
    {
        var organisation = await c.Journey.Client("demo.producer").GetFromJsonAsync<JsonObject>($"/api/registry/organisations/{JourneyWorld.Producer}", TestContext.Current.CancellationToken);
        var licence = organisation!["licences"]!.AsArray().OfType<JsonObject>().FirstOrDefault(l => (string?)l["number"] == number);
        Assert.True(licence is not null, $"The producer holds no licence {number}.");
        return licence;
    }

    /// <summary>The operator certificate as the employer reads it on the person's registry page.</summary>
    private static async Task<JsonObject> OperatorCertificateAsync(JourneyCase c, string number)
    {
        var person = await JourneyWorld.RegistryAsync(c.Journey.Factory,
            db => db.OperatorCertificates.AsNoTracking().Where(x => x.Number == number).Select(x => x.PersonId).SingleAsync());
        var view = await c.Journey.Client("demo.enterprise").GetFromJsonAsync<JsonObject>($"/api/registry/people/{person}", TestContext.Current.CancellationToken);
        Assert.Equal(c.Facts["personName"], (string?)view!["name"]);
        return view["certificates"]!.AsArray().OfType<JsonObject>().Single(x => (string?)x["number"] == number);
    }

    /// <summary>A person of their own for an operator journey (a valid, unused ID number).</summary>
    private static void NewOperator(JourneyCase c)
    {
        if (!c.Facts.ContainsKey("idNumber"))
        {
            var n = Interlocked.Increment(ref _people) % 1000;
            c.Facts["idNumber"] = ResidentIdNumber.Create(string.Create(CultureInfo.InvariantCulture, $"33010619900101{n:000}")).Value;
            c.Facts["personName"] = $"测试作业人员{n:000}";
        }
    }

    private static JsonObject Operator(JourneyCase c) => new() { ["personName"] = c.Facts["personName"], ["idNumber"] = c.Facts["idNumber"] };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
