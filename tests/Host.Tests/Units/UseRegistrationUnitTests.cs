using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>
/// The real unit definitions of definitions/bpmn run through the host's engine with the real
/// handlers (jobs fired by the host's own pump): the registry, the notifications and the
/// e-certificate show the effect, and the certificate download is scoped. Both stores.
/// </summary>
public abstract class UseRegistrationUnitTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unit_11_registers_the_lift_issues_its_certificate_and_tells_the_applicant()
    {
        await EnsureDemoUserUnitAsync();
        var code = NewLiftCode();
        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var queries = database.Factory.Services.GetRequiredService<IWorkflowQueries>();
        var started = await engine.StartAsync(new StartProcessRequest("unit_11_use_registration")
        {
            BusinessKey = code,
            Initiator = "demo.enterprise",
            Variables = new Dictionary<string, JsonNode?>
            {
                ["regionCode"] = "330106", ["organisationId"] = DemoUsers.UserUnitId, ["equipmentCode"] = code, ["category"] = "3000", ["variety"] = "3110",
                ["address"] = "西湖区文三路 90 号 1 号梯", ["commissionedOn"] = "2026-02-20",
            },
        }, Cancellation);

        var accept = Assert.Single(started.Tasks);
        Assert.Equal("Task_accept", accept.ElementId);
        var decide = Assert.Single((await engine.CompleteTaskAsync(accept.TaskId, Decision("approve", "材料齐全，予以受理"), "demo.city", Cancellation)).CreatedTasks);
        await engine.CompleteTaskAsync(decide.TaskId, Decision("approve", "准予使用登记"), "demo.city", Cancellation);
        var instance = await WaitUntilCompletedAsync(queries, started.InstanceId);

        var number = (string)instance.Scopes[0].Variables["certificateNo"]!;
        Assert.Matches(@"^梯11浙A\d{5}\(\d{2}\)$", number);
        var enterprise = database.Factory.CreateClientFor("demo.enterprise");
        var device = await enterprise.GetFromJsonAsync<JsonObject>($"/api/registry/devices/by-code/{code}", Cancellation);
        Assert.Equal(("inUse", number), ((string)device!["status"]!, (string)device["useCertificateNumber"]!));

        // The applicant's notification, read once; a neighbouring county cannot even see it.
        var page = await enterprise.GetFromJsonAsync<JsonObject>("/api/notifications?limit=50", Cancellation);
        var result = page!["items"]!.AsArray().Single(n => (string)n!["elementId"]! == "Task_notify_result" && (Guid)n["instanceId"]! == started.InstanceId)!;
        Assert.Contains("同意", (string)result["title"]!, StringComparison.Ordinal);
        Assert.Contains(number, (string)result["body"]!, StringComparison.Ordinal);
        var id = (long)result["id"]!;
        var neighbour = database.Factory.CreateClientFor("demo.county.shangcheng");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/notifications/{id}/read", null, Cancellation)).StatusCode);
        var read = await (await enterprise.PostAsync($"/api/notifications/{id}/read", null, Cancellation)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.NotNull((string?)read!["readAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await enterprise.GetAsync("/api/notifications?limit=0", Cancellation)).StatusCode);

        // The e-certificate: the holder, the city over the device and the administrator get it; nobody else learns it exists.
        var url = $"/api/certificates/{Uri.EscapeDataString(number)}/pdf";
        foreach (var allowed in new[] { "demo.enterprise", "demo.city", "demo.admin" })
        {
            var response = await database.Factory.CreateClientFor(allowed).GetAsync(url, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("%PDF"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync(Cancellation))[..4]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(url, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await database.Factory.CreateClientFor("demo.producer").GetAsync(url, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await database.Factory.CreateClientFor(SignedInClients.Analyst).GetAsync(url, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await database.Factory.CreateClient().GetAsync(url, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Unit_13_files_a_suspension_and_the_registry_shows_the_lift_stopped()
    {
        await EnsureDemoUserUnitAsync();
        var code = NewLiftCode();
        await using (var scope = database.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.Devices.Add(new Device
            {
                EquipmentCode = code, CatalogCode = "3110", Category = EquipmentCategory.Lift, Status = EquipmentStatus.InUse, RegionCode = "330106",
                Address = "西湖区文三路 91 号", UserOrganisationId = DemoUsers.UserUnitId, UseCertificateNumber = "梯11浙A99001(25)",
            });
            await db.SaveChangesAsync(Cancellation);
        }

        var engine = database.Factory.Services.GetRequiredService<WorkflowEngine>();
        var started = await engine.StartAsync(new StartProcessRequest("unit_13_suspension")
        {
            BusinessKey = code,
            Initiator = "demo.enterprise",
            Variables = new Dictionary<string, JsonNode?>
            {
                ["regionCode"] = "330106", ["organisationId"] = DemoUsers.UserUnitId, ["equipmentCode"] = code, ["certificateNo"] = "梯11浙A99001(25)",
                ["stoppedOn"] = "2026-03-01", ["measures"] = "切断电源并张贴停用标志", ["signPosted"] = true,
            },
        }, Cancellation);
        var instance = await WaitUntilCompletedAsync(database.Factory.Services.GetRequiredService<IWorkflowQueries>(), started.InstanceId);

        Assert.Equal("停用", (string)instance.Scopes[0].Variables["deviceStatus"]!);
        var device = await database.Factory.CreateClientFor("demo.county").GetFromJsonAsync<JsonObject>($"/api/registry/devices/by-code/{code}", Cancellation);
        Assert.Equal("suspended", (string)device!["status"]!);
    }

    private static Dictionary<string, JsonNode?> Decision(string decision, string comment) => new() { ["decision"] = decision, ["comment"] = comment };

    private static string NewLiftCode() => EquipmentCode.Create(CatalogCode.Parse("3110"), "20001", 2026, Random.Shared.Next(1, 99999)).Value;

    /// <summary>
    /// The demo accounts act for organisation 2001, which a small demo province does not generate:
    /// the user unit is put in the registry under that id, as a real deployment registers it.
    /// </summary>
    private async Task EnsureDemoUserUnitAsync()
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Id == DemoUsers.UserUnitId, Cancellation))
        {
            return;
        }

        db.Organisations.Add(new Organisation
        {
            Id = DemoUsers.UserUnitId, Name = "演示使用单位", CreditCode = CreditCode.Create("91330106MA2900001").Value,
            Roles = OrganisationRoles.UserUnit, RegionCode = "330106", Address = "西湖区文三路 90 号",
        });
        await db.SaveChangesAsync(Cancellation);
    }

    private static async Task<InstanceState> WaitUntilCompletedAsync(IWorkflowQueries queries, Guid instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var instance = await queries.GetInstanceAsync(instanceId, Cancellation);
            if (instance?.Status == InstanceStatus.Completed)
            {
                return instance;
            }

            var incidents = await queries.GetIncidentsAsync(instanceId, Cancellation);
            Assert.True(incidents.Count == 0, $"The instance stopped with an incident: {incidents.FirstOrDefault()?.Message}");
            Assert.True(DateTime.UtcNow < deadline, $"Instance {instanceId} did not complete within 60 s (status {instance?.Status}).");
            await Task.Delay(100, Cancellation);
        }
    }
}

public sealed class SqliteUseRegistrationUnitTests(SqliteDatabase database)
    : UseRegistrationUnitTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresUseRegistrationUnitTests(PostgresDatabase database)
    : UseRegistrationUnitTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
