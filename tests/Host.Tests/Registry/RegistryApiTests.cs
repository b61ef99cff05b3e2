using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Traceability;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Registry;

/// <summary>
/// The registry API against a real database holding the demo province the host seeds on first start
/// (<see cref="TestDatabase.RegistryDemoDevices"/> devices, seed 42). Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class RegistryApiTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private readonly HttpClient _client = database.Factory.CreateClientFor(SignedInClients.Admin);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_province_is_seeded_and_the_rollups_add_up_at_every_level()
    {
        var province = await RollupAsync("330000");

        Assert.True(province.Region.Total >= TestDatabase.RegistryDemoDevices);
        Assert.Equal(11, province.Children.Count);
        Assert.Equal(province.Region.Total, province.Children.Sum(c => c.Total));

        var hangzhou = await RollupAsync("330100");
        Assert.Equal(province.Children.Single(c => c.RegionCode == "330100").Total, hangzhou.Region.Total);
        Assert.Equal(hangzhou.Region.Total, hangzhou.Children.Sum(c => c.Total));
        Assert.Equal(hangzhou.Region.Total, (await SearchAllAsync("region=330100")).Count);
    }

    [Fact]
    public async Task Keyset_paging_visits_every_device_once_in_id_order()
    {
        var ids = (await SearchAllAsync("limit=37")).Select(d => d.Id).ToList();

        Assert.True(ids.Count >= TestDatabase.RegistryDemoDevices);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Finds_a_lift_by_code_certificate_number_and_rescue_code()
    {
        var lift = (await SearchAsync("category=lift&status=inUse&limit=1")).Items.Single();

        foreach (var filter in new[] { $"code={lift.EquipmentCode}", $"certificate={Uri.EscapeDataString(lift.UseCertificateNumber!)}", $"rescueCode={lift.RescueCode}" })
        {
            var found = await SearchAsync(filter);
            Assert.Equal(lift.Id, Assert.Single(found.Items).Id);
        }

        var details = await _client.GetFromJsonAsync<DeviceDetails>($"/api/registry/devices/by-code/{lift.EquipmentCode}", Json.Options, Cancellation);
        Assert.Equal(lift.Id, details!.Id);
        Assert.NotNull(details.UserOrganisation);
        Assert.Equal(details.InspectionValidUntil?.AddMonths(-1), details.ApplyForInspectionBy);
    }

    [Fact]
    public async Task The_overdue_filter_returns_devices_in_use_past_their_validity()
    {
        var overdue = await SearchAllAsync("overdue=true");

        Assert.NotEmpty(overdue);
        Assert.All(overdue, d =>
        {
            Assert.True(d.Overdue);
            Assert.Equal(EquipmentStatus.InUse, d.Status);
            Assert.True(d.InspectionValidUntil < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        });
    }

    [Fact]
    public async Task Bad_search_input_gets_field_errors()
    {
        var response = await _client.GetAsync("/api/registry/devices?region=33&catalog=3010&limit=0", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<JsonObject>(Cancellation))["errors"]!.AsObject();
        Assert.Contains("region", errors.Select(e => e.Key));
        Assert.Contains("catalog", errors.Select(e => e.Key));
        Assert.Contains("limit", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Registering_a_device_validates_every_field_and_reports_them_together()
    {
        var response = await _client.PostAsJsonAsync("/api/registry/devices", new
        {
            equipmentCode = "3110-bad",
            catalogCode = "3010",
            regionCode = "999999",
            userUnitCreditCode = "91330000142916567P",
            rescueCode = "12ab",
        }, Json.Options, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<JsonObject>(Cancellation))["errors"]!.AsObject();
        Assert.Contains("18 characters", errors["EquipmentCode"]![0]!.GetValue<string>());
        Assert.Contains("has a variety but no class", errors["CatalogCode"]![0]!.GetValue<string>());
        Assert.Contains("not in the registry's region table", errors["RegionCode"]![0]!.GetValue<string>());
        Assert.Contains("GB 32100 gives 'N'", errors["UserUnitCreditCode"]![0]!.GetValue<string>());
        Assert.Contains("6 digits", errors["RescueCode"]![0]!.GetValue<string>());
        Assert.Contains("required", errors["Address"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_registered_device_moves_through_its_life_and_the_rollups_follow()
    {
        var device = await RegisterAsync();
        Assert.Equal(EquipmentStatus.UnderConstruction, device.Status);
        var county = device.RegionCode[..6];
        var before = await RollupAsync(county);

        var inUse = await ChangeStatusAsync(device.Id, "inUse", HttpStatusCode.OK);
        Assert.Equal("在用", inUse!["statusName"]!.GetValue<string>());
        var after = await RollupAsync(county);
        Assert.Equal(Count(before, EquipmentStatus.UnderConstruction) - 1, Count(after, EquipmentStatus.UnderConstruction));
        Assert.Equal(Count(before, EquipmentStatus.InUse) + 1, Count(after, EquipmentStatus.InUse));
        Assert.Equal(before.Region.Total, after.Region.Total);

        await ChangeStatusAsync(device.Id, "scrapped", HttpStatusCode.OK);
        var illegal = await ChangeStatusAsync(device.Id, "inUse", HttpStatusCode.Conflict);
        Assert.Contains("from 报废 (Scrapped) to 在用 (InUse)", illegal!["detail"]!.GetValue<string>());
        await ChangeStatusAsync(device.Id, "cancelled", HttpStatusCode.OK);

        var timeline = await TimelineAsync(device.Id);
        Assert.Equal(["registration.installationnotified", "registration.registered", "registration.scrapped", "registration.cancelled"],
            timeline.Where(e => e.Kind.StartsWith("registration.", StringComparison.Ordinal)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_relocation_is_a_change_registration_and_moves_the_device_between_region_counts()
    {
        var device = await RegisterAsync();
        var from = device.RegionCode[..6];
        var to = from == "330106" ? "330102" : "330106";
        var (fromBefore, toBefore) = ((await RollupAsync(from)).Region.Total, (await RollupAsync(to)).Region.Total);

        var response = await _client.PostAsJsonAsync($"/api/registry/devices/{device.Id}/registration-changes",
            new { regionCode = $"{to}002000", address = "新地址路8号" }, Json.Options, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.ReadAsync<DeviceDetails>(Cancellation);
        Assert.Equal($"{to}002000", moved.RegionCode);
        Assert.Equal("新地址路8号", moved.Address);
        Assert.Equal(fromBefore - 1, (await RollupAsync(from)).Region.Total);
        Assert.Equal(toBefore + 1, (await RollupAsync(to)).Region.Total);
        var change = Assert.Single(await TimelineAsync(device.Id), e => e.Kind == "registration.changed");
        Assert.Contains($"移装 {device.RegionCode} → {to}002000", change.Detail);

        var nothing = await _client.PostAsJsonAsync($"/api/registry/devices/{device.Id}/registration-changes", new { }, Json.Options, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }

    [Fact]
    public async Task The_timeline_runs_oldest_first_and_includes_the_processes_run_for_the_device()
    {
        var lift = (await SearchAsync("category=lift&status=inUse&limit=1")).Items.Single();
        var key = TestBpmn.NewKey("device");
        await using (var scope = database.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DefinitionDeployer>()
                .DeployAsync(new DeploymentRequest(TestBpmn.Process(key), "test", $"{key}.bpmn"), Cancellation);
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .StartAsync(new StartProcessRequest(key) { BusinessKey = lift.EquipmentCode }, Cancellation);
        }

        var timeline = await TimelineAsync(lift.Id);

        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
        Assert.Equal("manufactured", timeline[0].Kind);
        Assert.Contains(timeline, e => e.Kind == "registration.registered");
        Assert.Contains(timeline, e => e.Kind == "inspection");
        var started = Assert.Single(timeline, e => e.Kind == "process.instancestarted");
        Assert.Equal(TimelineSource.Workflow, started.Source);
        Assert.Contains(key, started.Detail);
    }

    [Fact]
    public async Task The_public_facts_carry_no_personal_data_and_the_page_shows_the_hotline()
    {
        var lift = (await SearchAsync("category=lift&status=inUse&limit=1")).Items.Single();
        using var anonymous = database.Factory.CreateClient();

        var json = await (await anonymous.GetAsync($"/api/public/devices/{lift.EquipmentCode}", Cancellation)).ReadAsync<JsonObject>(Cancellation);
        Assert.Equal(
            ["alarmActive", "categoryName", "equipmentCode", "hotline", "lastInspectedOn", "lastInspectionResult", "lastMaintainedOn", "maintenanceUnit",
             "nextDueOn", "overdue", "rescueCode", "status", "statusName", "useCertificateNumber", "useUnit"],
            json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("96333", json["hotline"]!.GetValue<string>());
        Assert.Equal("电梯", json["categoryName"]!.GetValue<string>());

        var page = await anonymous.GetStringAsync($"/q/{lift.EquipmentCode}", Cancellation);
        Assert.Contains("96333", page);
        Assert.Contains(lift.RescueCode!, page);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/q/311000000000000000", Cancellation)).StatusCode);

        // Everything else of the registry is closed to the public.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/registry/devices/by-code/{lift.EquipmentCode}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_QR_code_comes_as_PNG_and_SVG()
    {
        var device = (await SearchAsync("limit=1")).Items.Single();

        var png = await _client.GetByteArrayAsync($"/api/registry/devices/{device.Id}/qr.png", Cancellation);
        var svg = await _client.GetStringAsync($"/api/registry/devices/{device.Id}/qr.svg", Cancellation);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains("<svg", svg);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/registry/devices/{device.Id}/qr.gif", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task People_show_masked_ID_numbers_and_certificate_status_and_organisations_their_licences()
    {
        var person = await _client.GetFromJsonAsync<JsonObject>("/api/registry/people/1", Json.Options, Cancellation);

        Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", person!["idNumberMasked"]!.GetValue<string>());
        Assert.DoesNotContain("idNumberFingerprint", person.Select(p => p.Key));
        var certificate = person["certificates"]!.AsArray()[0]!;
        Assert.Contains(certificate["status"]!.GetValue<string>(), new[] { "valid", "renewalDue", "expired", "revoked" });
        Assert.Equal(
            DateOnly.Parse(certificate["expiresOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1),
            DateOnly.Parse(certificate["applyForRenewalBy"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        // Organisation 1 is the provincial inspection institute, which holds a licence.
        var institute = await _client.GetFromJsonAsync<OrganisationView>("/api/registry/organisations/1", Json.Options, Cancellation);
        Assert.Equal("浙江省特种设备科学研究院", institute!.Name);
        Assert.NotEmpty(institute.Licences);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/registry/people/999999999", Cancellation)).StatusCode);
    }

    private async Task<DeviceDetails> RegisterAsync()
    {
        var sample = (await SearchAsync("category=lift&limit=1")).Items.Single();
        var details = await _client.GetFromJsonAsync<DeviceDetails>($"/api/registry/devices/{sample.Id}", Json.Options, Cancellation);
        var response = await _client.PostAsJsonAsync("/api/registry/devices", new
        {
            equipmentCode = $"311033099{DateTime.UtcNow.Year}{Random.Shared.Next(0, 100_000):D5}",
            catalogCode = "3110",
            regionCode = sample.RegionCode,
            address = "测试路1号",
            userUnitCreditCode = details!.UserOrganisation!.CreditCode,
        }, Json.Options, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.ReadAsync<DeviceDetails>(Cancellation);
    }

    private async Task<JsonObject?> ChangeStatusAsync(long id, string status, HttpStatusCode expected)
    {
        var response = await _client.PostAsJsonAsync($"/api/registry/devices/{id}/status", new { status }, Json.Options, Cancellation);
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.ReadAsync<JsonObject>(Cancellation);
    }

    private async Task<List<TimelineEntry>> TimelineAsync(long id) =>
        (await _client.GetFromJsonAsync<List<TimelineEntry>>($"/api/registry/devices/{id}/timeline", Json.Options, Cancellation))!;

    private static long Count(RegionRollupView view, EquipmentStatus status) =>
        view.Region.Cells.Where(c => c.Status == status && c.Category == EquipmentCategory.Lift).Sum(c => c.Devices);

    private async Task<RegionRollupView> RollupAsync(string region) =>
        (await _client.GetFromJsonAsync<RegionRollupView>($"/api/registry/regions/{region}/rollup", Json.Options, Cancellation))!;

    private async Task<DevicePage> SearchAsync(string query) =>
        (await _client.GetFromJsonAsync<DevicePage>($"/api/registry/devices?{query}", Json.Options, Cancellation))!;

    private async Task<List<DeviceSummary>> SearchAllAsync(string query)
    {
        var all = new List<DeviceSummary>();
        long? after = null;
        do
        {
            var page = await SearchAsync(after is null ? query : $"{query}&after={after}");
            all.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        return all;
    }
}

public sealed class SqliteRegistryApiTests(SqliteDatabase database)
    : RegistryApiTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresRegistryApiTests(PostgresDatabase database)
    : RegistryApiTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
