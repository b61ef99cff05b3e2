using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Admin;

/// <summary>
/// The analysts' view of running processes over the engine and its database: search, the viewer,
/// incidents, cancel, start, migrate. Analysts and administrators see the whole platform
/// (<see cref="Security.Scope.CallerScopes"/>), so there is no region or organisation to filter by
/// here; the pages and the API let nobody else in.
/// </summary>
internal sealed class InstanceAdmin(
    IServiceScopeFactory scopes,
    WorkflowEngine engine,
    IWorkflowQueries queries,
    ILogger<InstanceAdmin> logger) : IInstanceAdmin
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 200;

    public async Task<InstancePage> SearchAsync(InstanceFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var (items, total) = await db.SearchInstancesAsync(filter, (page - 1) * pageSize, pageSize, cancellationToken);
        return new InstancePage(items, total, page, pageSize);
    }

    public async Task<InstanceDetail?> GetAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var state = await queries.GetInstanceAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var definition = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Id == state.DefinitionId)
            .Select(d => new { d.Name, d.Xml })
            .FirstAsync(cancellationToken);
        var history = await queries.GetHistoryAsync([instanceId], cancellationToken);
        var incidents = await queries.GetIncidentsAsync(instanceId, cancellationToken);
        var row = new InstanceListItem(state.Id, state.ProcessKey, state.Version, state.BusinessKey, state.Status, state.StartedAt, state.EndedAt, state.ParentInstanceId);
        return new InstanceDetail(
            row,
            definition.Name,
            definition.Xml,
            history.Where(h => h.Type == HistoryEventType.NodeCompleted && h.ElementId is not null).Select(h => h.ElementId!).Distinct(StringComparer.Ordinal).ToList(),
            state.Tokens.Where(t => t.Status != TokenStatus.Incident).Select(t => t.ElementId).Distinct(StringComparer.Ordinal).ToList(),
            incidents.Where(i => i.ResolvedAt is null).Select(i => i.ElementId).Distinct(StringComparer.Ordinal).ToList(),
            Variables(state),
            history,
            await queries.GetTasksAsync(instanceId, cancellationToken),
            incidents);
    }

    public async Task<IReadOnlyList<IncidentItem>> IncidentsAsync(bool resolved, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var query = db.Incidents.AsNoTracking();
        query = resolved ? query.Where(i => i.ResolvedAt != null) : query.Where(i => i.ResolvedAt == null);
        var incidents = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(MaxPageSize).ToListAsync(cancellationToken);
        var instances = (await db.FindInstancesAsync(incidents.ConvertAll(i => i.InstanceId), cancellationToken)).ToDictionary(i => i.Id);
        return incidents
            .Where(i => instances.ContainsKey(i.InstanceId))
            .Select(i => new IncidentItem(i, instances[i.InstanceId].ProcessKey, instances[i.InstanceId].Version, instances[i.InstanceId].BusinessKey))
            .ToList();
    }

    public Task RetryIncidentAsync(Guid incidentId, IReadOnlyDictionary<string, JsonNode?>? variables, string userName, CancellationToken cancellationToken) =>
        engine.RetryIncidentAsync(incidentId, variables, userName, cancellationToken);

    public async Task CancelAsync(Guid instanceId, string reason, string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await engine.CancelAsync(instanceId, userName, reason, cancellationToken);
        logger.InstanceCanceledByOperator(instanceId, userName, reason);
    }

    public async Task<Guid> StartAsync(
        string processKey,
        int? version,
        string? businessKey,
        IReadOnlyDictionary<string, JsonNode?>? variables,
        string userName,
        CancellationToken cancellationToken)
    {
        var started = await engine.StartAsync(
            new StartProcessRequest(processKey) { Version = version, BusinessKey = businessKey, Variables = variables, Initiator = userName },
            cancellationToken);
        logger.InstanceStartedByAnalyst(started.InstanceId, started.ProcessKey, started.Version, userName);
        return started.InstanceId;
    }

    public Task<IReadOnlyList<InstanceMigrationCheck>> ValidateMigrationAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken) =>
        engine.ValidateMigrationAsync(plan, instanceIds, cancellationToken);

    public async Task<MigrationReport> MigrateAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, string userName, CancellationToken cancellationToken)
    {
        var report = await engine.MigrateAsync(plan, instanceIds, userName, cancellationToken);
        if (report.Ran)
        {
            logger.InstancesMigrated(report.MigratedCount, instanceIds.Count, plan.ProcessKey, plan.TargetVersion, userName);
        }
        else
        {
            logger.MigrationRefused(instanceIds.Count, plan.ProcessKey, plan.TargetVersion, userName, report.Checks.Count(c => !c.CanMigrate));
        }

        return report;
    }

    // Names starting with '$' are the engine's own bookkeeping (a multi-instance body's items).
    private static List<VariableItem> Variables(InstanceState state) =>
        state.Scopes[0].Variables
            .Where(v => !v.Key.StartsWith('$'))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new VariableItem(v.Key, v.Value?.ToJsonString() ?? "null"))
            .ToList();
}
