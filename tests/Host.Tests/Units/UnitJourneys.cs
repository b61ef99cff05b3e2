using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>Which way a journey goes at its first decision.</summary>
internal enum JourneyPath
{
    /// <summary>Every decision approves, every inspection passes (unless the script picks the effect's branch).</summary>
    Approve,

    /// <summary>The first refusable decision refuses; the applicant signs the receipt; nothing changes.</summary>
    Reject,

    /// <summary>The first decision that may send the case back does; the applicant corrects and resubmits; then approve.</summary>
    Return,
}

/// <summary>
/// The data-driven journey of any unit: the catalog's applicant applies with a valid form
/// (<see cref="FormSamples"/> and the script's known values), every open task is done by whoever's
/// queue lists it with its form's answer, and the script's registry effect is asserted.
/// </summary>
internal static class UnitJourneys
{
    public const string RefusalReason = "设备资料与现场情况不符，不予办理。";

    public const string CorrectionReason = "请补充上传完整的证明材料。";

    private static int _reports = Random.Shared.Next(1000, 9000);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The demo account that applies for a unit, and the organisation it acts for.</summary>
    public static (string? User, long? Organisation) ApplicantOf(CatalogUnit unit) => unit.Applicant.Role switch
    {
        "producer" or CatalogParty.MaintenanceRole => ("demo.producer", JourneyWorld.Producer),
        "enterprise" => ("demo.enterprise", CaseWorld.UserUnit),
        "inspector" => ("demo.inspector", CaseWorld.InspectionBody),
        "regulator" => ($"demo.{unit.Applicant.Level}", null),
        CatalogParty.PublicRole => (null, null),
        _ => throw new ArgumentException($"No demo applicant for role {unit.Applicant.Role}.", nameof(unit)),
    };

    /// <summary>The values any application knows: its device and certificate, the applicant's own name and credit code, the licence and inspection body on file.</summary>
    public static Dictionary<string, JsonNode?> DefaultApplication(JourneyCase c)
    {
        var known = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["category"] = "3000",
            ["variety"] = "3110",
            ["address"] = "杭州市西湖区文三路90号1号梯",
            ["inspectionBody"] = CaseWorld.InspectionBodyName,
            ["licenceNo"] = JourneyWorld.InstallationLicence,
        };
        if (c.DeviceCode is { } code)
        {
            known["equipmentCode"] = code;
        }

        if (c.Certificate is { } certificate)
        {
            known["certificateNo"] = certificate;
        }

        if (c.Organisation is { } organisation)
        {
            known["creditCode"] = JourneyWorld.CreditOf(organisation);
            known["organisationName"] = organisation switch
            {
                JourneyWorld.Producer => JourneyWorld.ProducerName,
                CaseWorld.InspectionBody => CaseWorld.InspectionBodyName,
                _ => "演示使用单位",
            };
        }

        return known;
    }

    /// <summary>The answer to a task: its form filled validly, with the usual outcome (approve, pass, acknowledged) and the script's choices.</summary>
    public static JsonObject DefaultTaskData(JsonObject application, UserTaskRecord task, IReadOnlyDictionary<string, JsonNode?>? choices = null)
    {
        var today = JourneyWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, JsonNode?> known = task.FormKey switch
        {
            "decision" => new() { ["decision"] = "approve", ["comment"] = "材料齐全，符合要求，同意。" },
            "decision-receipt" => new() { ["acknowledged"] = true, ["remark"] = "已阅知" },
            "inspection-result" => new()
            {
                ["result"] = "pass", ["reportNo"] = $"BG-{Interlocked.Increment(ref _reports)}", ["inspectedOn"] = today, ["conclusion"] = "符合安全技术规范要求",
            },
            "inspection-assignment" => new()
            {
                ["inspectorUser"] = "demo.inspector", ["plannedDate"] = today,
                ["reportSigners"] = new JsonArray(new JsonObject { ["userId"] = "demo.inspector", ["role"] = "compile" }),
            },
            "accident-investigation" => new()
            {
                ["investigators"] = new JsonArray(new JsonObject { ["userId"] = "demo.province", ["unit"] = "浙江省市场监管局" }),
                ["findings"] = "制动器失效导致轿厢溜梯，维保不到位是直接原因。",
            },
            "rectification" => new() { ["measures"] = "已更换损坏部件并完成自检", ["completedOn"] = today },

            // A unit form on a task (correction, a maintenance record, a rescue): the application as submitted.
            _ => application.ToDictionary(p => p.Key, p => p.Value?.DeepClone()),
        };
        foreach (var (key, value) in choices ?? new Dictionary<string, JsonNode?>())
        {
            known[key] = value;
        }

        var schema = CaseApi.Catalog.FindForm(task.FormKey ?? string.Empty)
                     ?? throw new InvalidOperationException($"Task {task.ElementId} has no known form ({task.FormKey}).");
        return Filled(schema, known);
    }

    /// <summary>A valid submission of <paramref name="schema"/> with <paramref name="known"/> values (also whole lists) where the form has the field.</summary>
    public static JsonObject Filled(ApprovalHub.Workflows.Forms.FormSchema schema, IReadOnlyDictionary<string, JsonNode?> known)
    {
        var data = FormSamples.Fill(schema, known, JourneyWorld.Today);
        foreach (var (key, value) in known)
        {
            if (data.ContainsKey(key))
            {
                data[key] = value?.DeepClone();
            }
        }

        return data;
    }

    /// <summary>Applies for <paramref name="code"/> as its applicant and drives the case to its end along <paramref name="path"/>.</summary>
    public static async Task<JourneyCase> RunAsync(Journey journey, string code, JourneyPath path, IReadOnlyDictionary<string, string>? facts = null, bool checkDenials = false)
    {
        var script = UnitScripts.All[code];
        var c = await ApplyAsync(journey, code, facts);
        var model = c.Model;
        var target = path switch
        {
            JourneyPath.Reject => model.RejectableDecisions[0],
            JourneyPath.Return => model.ReturnableDecisions[0],
            _ => null,
        };
        var deviceBefore = path == JourneyPath.Reject ? await DeviceFactsAsync(c) : null;
        var diverted = false;
        var denied = !checkDenials;
        await journey.RunAsync(
            c.InstanceId,
            task =>
            {
                if (!diverted && task.ElementId == target)
                {
                    diverted = true;
                    return DefaultTaskData(c.Application, task, path == JourneyPath.Reject
                        ? new Dictionary<string, JsonNode?> { ["decision"] = "reject", ["comment"] = RefusalReason }
                        : new Dictionary<string, JsonNode?> { ["decision"] = "return", ["comment"] = CorrectionReason });
                }

                return DefaultTaskData(c.Application, task, script.Task?.Invoke(c, task));
            },
            async (task, actor) =>
            {
                if (!denied && task.Assignee is null && task.CandidateGroups.Count > 0)
                {
                    denied = true;
                    await journey.AssertDenialsAsync(task, actor);
                }
            });

        var state = await journey.InstanceAsync(c.InstanceId);
        Assert.True(state.Status == InstanceStatus.Completed,
            $"Unit {code} ({path}) stopped {state.Status} after {string.Join(" → ", journey.Steps.Select(s => $"{s.ElementId}@{s.Actor}"))}; " +
            $"open: {string.Join(", ", (await journey.OpenTasksAsync(c.InstanceId)).Select(t => t.ElementId))}.");
        var detail = await journey.CaseAsync(c.Applicant ?? "demo.county", c.InstanceId);
        Assert.Equal("completed", detail.Case.Status);
        if (checkDenials)
        {
            // Filings have no official task; nobody outside the case reads it either way.
            foreach (var outsider in Journey.Outsiders.Where(o => o != CaseWorld.MaintenanceUser || script.Maintainer != CaseWorld.Maintainer))
            {
                await CaseApi.AssertProblemAsync(await journey.Client(outsider).GetAsync($"/api/instances/{c.InstanceId}", Cancellation), HttpStatusCode.NotFound);
            }
        }

        switch (path)
        {
            case JourneyPath.Reject:
                Assert.Contains($"{target}_end_rejected", detail.Diagram.CompletedElementIds);
                Assert.Empty(model.EffectTasks.Intersect(detail.Diagram.CompletedElementIds));
                Assert.Contains(detail.History, h => h.Kind == HistoryKind.Rejected && h.Comment == RefusalReason);
                Assert.Contains(journey.Steps, s => s.ElementId == $"{target}_rejected" && s.Actor == c.Applicant);
                Assert.Equal(deviceBefore, await DeviceFactsAsync(c));
                break;
            case JourneyPath.Return:
                Assert.Contains(detail.History, h => h.Kind == HistoryKind.ReturnedForCorrection && h.Comment == CorrectionReason);
                Assert.Contains(journey.Steps, s => s.ElementId == $"{target}_correct" && s.Actor == c.Applicant);
                await script.Effect(c);
                break;
            default:
                await script.Effect(c);
                break;
        }

        return c;
    }

    /// <summary>Arranges the unit's device and references and applies (or, for unit 30, complains) through the API.</summary>
    public static async Task<JourneyCase> ApplyAsync(Journey journey, string code, IReadOnlyDictionary<string, string>? facts = null)
    {
        var script = UnitScripts.All[code];
        var model = UnitModel.Of(code);
        var (user, organisation) = ApplicantOf(model.Unit);
        var c = new JourneyCase(journey, model) { Applicant = user, Organisation = organisation };
        foreach (var (key, value) in facts ?? new Dictionary<string, string>())
        {
            c.Facts[key] = value;
        }

        if (script.Device != DeviceState.None)
        {
            (c.DeviceCode, c.Certificate) = await JourneyWorld.DeviceAsync(journey.Factory, script.Device, script.Maintainer);
        }

        if (script.Arrange is not null)
        {
            await script.Arrange(c);
        }

        var known = DefaultApplication(c);
        foreach (var (key, value) in script.Form?.Invoke(c) ?? [])
        {
            known[key] = value;
        }

        c.Application = Filled(CaseApi.Catalog.FindForm(model.Unit.FormKey)!, known);
        if (user is null)
        {
            var response = await journey.Client("demo.county").PostAsJsonAsync($"/api/public/devices/{c.DeviceCode}/complaints", new { data = c.Application }, Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"complaint: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
            c.BusinessKey = (await response.ReadAsync<ComplaintReceipt>(Cancellation)).Reference;
            c.InstanceId = (await journey.Factory.Services.GetRequiredService<IWorkflowQueries>()
                .FindByBusinessKeyAsync(c.BusinessKey, Cancellation)).Single().Id;
        }
        else
        {
            var started = await journey.Client(user).ApplyAsync(code, c.Application);
            (c.InstanceId, c.BusinessKey) = (started.InstanceId, started.BusinessKey);
        }

        return c;
    }

    /// <summary>What a refusal must leave alone: the device's status and certificate (or its absence).</summary>
    private static async Task<string?> DeviceFactsAsync(JourneyCase c)
    {
        if (c.DeviceCode is null)
        {
            return null;
        }

        var response = await c.Journey.Client(c.DeviceReader).GetAsync($"/api/registry/devices/by-code/{c.DeviceCode}", Cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return "absent";
        }

        var device = await response.ObjectAsync();
        return $"{device["status"]} {device["useCertificateNumber"]} {device["nextDueOn"]}";
    }
}
