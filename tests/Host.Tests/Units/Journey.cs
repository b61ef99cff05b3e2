using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Jobs;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>One task a journey acted on: the step, who did it, and with what.</summary>
internal sealed record JourneyStep(string ElementId, string FormKey, string Actor, JsonObject Data);

/// <summary>
/// Drives cases through the HTTP API as their real users. After every action it runs the host's
/// job pump until the case rests (service tasks are asynchronous), then finds each open task's
/// actor the way a person does: whose 待办 (<c>GET /api/tasks?view=todo</c>) lists it. A task
/// nobody's queue shows, a handler that fails or an incident ends the test with the reason.
/// </summary>
internal sealed class Journey(ApprovalHubFactory factory)
{
    /// <summary>The people who act: one per role and level. They are tried in this order, the task's own groups first.</summary>
    public static readonly IReadOnlyList<(string User, string[] Groups)> Actors =
    [
        ("demo.enterprise", ["enterprise"]),
        ("demo.producer", ["producer", "maintenance"]),
        ("demo.inspector", ["inspector"]),
        ("demo.street", ["regulator.street"]),
        ("demo.county", ["regulator.county"]),
        ("demo.city", ["regulator.city"]),
        ("demo.province", ["regulator.province"]),
        ("demo.national", ["regulator.national"]),
    ];

    /// <summary>People who must never see the journeys' cases: another county, another city, other companies.</summary>
    public static readonly IReadOnlyList<string> Outsiders =
        ["demo.county.shangcheng", CaseWorld.NingboCityOfficial, CaseWorld.OtherEnterprise, CaseWorld.MaintenanceUser];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ApprovalHubFactory Factory => factory;

    /// <summary>The steps taken so far, in order.</summary>
    public List<JourneyStep> Steps { get; } = [];

    private IWorkflowQueries Queries => factory.Services.GetRequiredService<IWorkflowQueries>();

    /// <summary>A client signed in as <paramref name="user"/> (demo or journey-world account), cached.</summary>
    public HttpClient Client(string user)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue(user, out var client))
            {
                client = CaseWorld.ClientFor(factory, user);
                _clients[user] = client;
            }

            return client;
        }
    }

    /// <summary>
    /// Runs the host's job pump (or <paramref name="pump"/>, whose clock is <paramref name="clock"/>)
    /// until no work of the case or of the cases it called is due, and fails on an incident or a failing handler.
    /// </summary>
    public async Task SettleAsync(Guid instanceId, JobPump? pump = null, TimeProvider? clock = null)
    {
        pump ??= factory.Services.GetRequiredService<JobPump>();
        clock ??= TimeProvider.System;
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await pump.DrainAsync(TimeSpan.FromSeconds(10), Cancellation);
            var busy = false;
            foreach (var id in await FamilyAsync(instanceId))
            {
                var incidents = await Queries.GetIncidentsAsync(id, Cancellation);
                Assert.True(incidents.All(i => i.ResolvedAt is not null),
                    $"Case {id} stopped with an incident at {incidents.FirstOrDefault()?.ElementId}: {incidents.FirstOrDefault()?.Message}");
                foreach (var job in await Queries.GetJobsAsync(id, Cancellation))
                {
                    Assert.True(job.LastError is null, $"Job {job.ElementId} of case {id} failed (attempt {job.Attempt}): {job.LastError}");
                    busy |= job.Kind == JobKind.Continuation || job.DueAt <= clock.GetUtcNow();
                }
            }

            if (!busy)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {instanceId} did not come to rest within {Patience.TotalSeconds} s.");
            await Task.Delay(20, Cancellation);
        }
    }

    /// <summary>The case and every case it called, depth first.</summary>
    public async Task<List<Guid>> FamilyAsync(Guid instanceId)
    {
        var all = new List<Guid> { instanceId };
        foreach (var child in await Queries.GetChildrenAsync(instanceId, Cancellation))
        {
            all.AddRange(await FamilyAsync(child.Id));
        }

        return all;
    }

    public async Task<InstanceState> InstanceAsync(Guid instanceId) =>
        await Queries.GetInstanceAsync(instanceId, Cancellation) ?? throw new InvalidOperationException($"No case {instanceId}.");

    /// <summary>The open tasks of the case and of the cases it called, oldest first.</summary>
    public async Task<List<UserTaskRecord>> OpenTasksAsync(Guid instanceId)
    {
        var open = new List<UserTaskRecord>();
        foreach (var id in await FamilyAsync(instanceId))
        {
            open.AddRange((await Queries.GetTasksAsync(id, Cancellation)).Where(t => t.Status == UserTaskStatus.Open));
        }

        return [.. open.OrderBy(t => t.CreatedAt).ThenBy(t => t.LoopCounter ?? 0)];
    }

    /// <summary>
    /// Who acts on <paramref name="task"/>: the first of <see cref="Actors"/> whose 待办 lists it,
    /// trying the assignee and the task's candidate groups first (only an ordering: the queue decides).
    /// </summary>
    public async Task<(string User, QueueItem Item)> ActorAsync(UserTaskRecord task)
    {
        var search = task.BusinessKey ?? task.SubjectCode;
        var ordered = Actors
            .OrderBy(a => a.User == task.Assignee ? 0 : a.Groups.Any(task.CandidateGroups.Contains) || task.CandidateUsers.Contains(a.User) ? 1 : 2)
            .Select(a => a.User);
        foreach (var user in ordered)
        {
            var page = await Client(user).QueueAsync($"view=todo&pageSize=100&q={Uri.EscapeDataString(search ?? string.Empty)}");
            if (page.Items.FirstOrDefault(i => i.TaskId == task.Id) is { } item)
            {
                return (user, item);
            }
        }

        Assert.Fail($"Nobody's 待办 lists task {task.ElementId} ({task.Name}) of {task.ProcessKey}: assignee {task.Assignee ?? "-"}, groups " +
                    $"[{string.Join(',', task.CandidateGroups)}], region {task.RegionCode}, organisation {task.OrganisationId}, parties [{string.Join(',', task.PartyOrganisationIds)}].");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Acts on open tasks, oldest first, with the data <paramref name="dataFor"/> gives (null: the
    /// journey stops there), until the case ends or nothing is left to act on; returns the case.
    /// </summary>
    public async Task<InstanceState> RunAsync(
        Guid instanceId, Func<UserTaskRecord, JsonObject?> dataFor, Func<UserTaskRecord, string, Task>? beforeAct = null, int maxSteps = 40)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            await SettleAsync(instanceId);
            var instance = await InstanceAsync(instanceId);
            if (!instance.IsActive)
            {
                return instance;
            }

            var open = await OpenTasksAsync(instanceId);
            var task = open.FirstOrDefault();
            if (task is null || dataFor(task) is not { } data)
            {
                return instance;
            }

            await ActAsync(task, data, beforeAct);
        }

        Assert.Fail($"Case {instanceId} did not end within {maxSteps} steps: {string.Join(" → ", Steps.Select(s => s.ElementId))}.");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Completes <paramref name="task"/> as the user whose queue lists it; returns who.</summary>
    public async Task<string> ActAsync(UserTaskRecord task, JsonObject data, Func<UserTaskRecord, string, Task>? beforeAct = null)
    {
        var (user, _) = await ActorAsync(task);
        if (beforeAct is not null)
        {
            await beforeAct(task, user);
        }

        await Client(user).DoAsync(task.Id, "complete", new { data });
        Steps.Add(new JourneyStep(task.ElementId, task.FormKey ?? string.Empty, user, data));
        await SettleAsync(task.InstanceId);
        return user;
    }

    /// <summary>
    /// Nobody outside the case's region and parties sees <paramref name="task"/> or may act on it
    /// (404: it does not exist for them), and someone who sees it but is not its candidate (another
    /// level or role) may not complete it (403). The task is left as it was.
    /// </summary>
    public async Task AssertDenialsAsync(UserTaskRecord task, string actor)
    {
        foreach (var outsider in Outsiders)
        {
            var client = Client(outsider);
            var todo = await client.QueueAsync($"view=todo&pageSize=100&q={Uri.EscapeDataString(task.BusinessKey ?? task.SubjectCode ?? string.Empty)}");
            Assert.DoesNotContain(todo.Items, i => i.TaskId == task.Id);
            Assert.True((await client.GetAsync($"/api/tasks/{task.Id}", Cancellation)).StatusCode == HttpStatusCode.NotFound, $"{outsider} reads task {task.ElementId}");
            await CaseApi.AssertProblemAsync(await client.ActAsync(task.Id, "complete", CaseApi.Decision("approve")), HttpStatusCode.NotFound);
        }

        string? wrongLevel = null;
        foreach (var (user, _) in Actors.Where(a => a.User != actor && a.User != task.Assignee))
        {
            var response = await Client(user).GetAsync($"/api/tasks/{task.Id}", Cancellation);
            if (response.StatusCode == HttpStatusCode.OK && !(await response.ReadAsync<TaskDetail>(Cancellation)).Allowed.Complete)
            {
                wrongLevel = user;
                break;
            }
        }

        Assert.True(wrongLevel is not null, $"Everyone who sees task {task.ElementId} may complete it.");
        var todoOfWrong = await Client(wrongLevel).QueueAsync($"view=todo&pageSize=100&q={Uri.EscapeDataString(task.BusinessKey ?? task.SubjectCode ?? string.Empty)}");
        Assert.DoesNotContain(todoOfWrong.Items, i => i.TaskId == task.Id);
        await CaseApi.AssertProblemAsync(await Client(wrongLevel).ActAsync(task.Id, "complete", CaseApi.Decision("approve")), HttpStatusCode.Forbidden);
        var still = (await Queries.GetTasksAsync(task.InstanceId, Cancellation)).Single(t => t.Id == task.Id);
        Assert.Equal((UserTaskStatus.Open, (string?)null), (still.Status, still.Assignee));
    }

    /// <summary>The case page as <paramref name="user"/> reads it.</summary>
    public async Task<CaseDetail> CaseAsync(string user, Guid instanceId)
    {
        var response = await Client(user).GetAsync($"/api/instances/{instanceId}", Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"case {instanceId} for {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadAsync<CaseDetail>(Cancellation);
    }

    /// <summary>A device as <paramref name="user"/> reads it in the registry.</summary>
    public async Task<JsonObject> DeviceAsync(string user, string code)
    {
        var response = await Client(user).GetAsync($"/api/registry/devices/by-code/{code}", Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"device {code} for {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ObjectAsync();
    }

    /// <summary>A device's timeline (the registry's and the engine's events).</summary>
    public async Task<List<JsonObject>> TimelineAsync(string user, string code)
    {
        var id = (long)(await DeviceAsync(user, code))["id"]!;
        var entries = await Client(user).GetFromJsonAsync<JsonArray>($"/api/registry/devices/{id}/timeline", Cancellation);
        return [.. entries!.OfType<JsonObject>()];
    }

    /// <summary>The notification a case's element sent to <paramref name="user"/>, looked for in their whole outbox.</summary>
    public async Task<JsonObject> NotificationAsync(string user, Guid instanceId, string elementId = "Task_notify_result")
    {
        long? before = null;
        for (var page = 0; page < 50; page++)
        {
            var query = before is { } b ? $"limit=100&before={b.ToString(CultureInfo.InvariantCulture)}" : "limit=100";
            var body = await Client(user).GetFromJsonAsync<JsonObject>($"/api/notifications?{query}", Cancellation);
            var found = body!["items"]!.AsArray().OfType<JsonObject>()
                .FirstOrDefault(n => (string?)n["elementId"] == elementId && (Guid?)n["instanceId"] == instanceId);
            if (found is not null)
            {
                return found;
            }

            if (body["nextBefore"] is not JsonValue next)
            {
                break;
            }

            before = (long)next;
        }

        Assert.Fail($"{user} has no notification from {elementId} of case {instanceId}.");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The e-certificate PDF of <paramref name="number"/> downloads for <paramref name="user"/>.</summary>
    public async Task AssertCertificatePdfAsync(string user, string number)
    {
        var response = await Client(user).GetAsync($"/api/certificates/{Uri.EscapeDataString(number)}/pdf", Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"certificate {number} for {user}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync(Cancellation))[..4]);
    }
}
