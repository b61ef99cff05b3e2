using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>Everything stored about one case, loaded for a detail page.</summary>
internal sealed record CaseRecord(
    InstanceState State,
    DeployedProcess? Definition,
    string? Xml,
    IReadOnlyList<UserTaskRecord> Tasks,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<IncidentRecord> Incidents)
{
    /// <summary>The user who started the case.</summary>
    public string? StartedBy => State.StartedBy;

    public string? RegionCode => CaseVariables.Text(State, CaseVariables.RegionCode);

    public long? OrganisationId => CaseVariables.Number(State, CaseVariables.OrganisationId);

    public IReadOnlyList<long> Parties => CaseVariables.Ids(State, CaseVariables.Parties);

    /// <summary>True when the caller started the case or its region or one of its organisations lies in their scope.</summary>
    public bool IsVisibleTo(CaseCaller caller) =>
        (caller.UserName is { } me && StartedBy == me)
        || caller.Scope.Covers(RegionCode, [OrganisationId, .. Parties.Select(id => (long?)id)]);
}

/// <summary>Loads <see cref="CaseRecord"/>s and describes their parts for the contracts.</summary>
internal sealed class CaseRecords(
    IWorkflowQueries queries,
    IProcessDefinitionSource definitions,
    Func<WorkflowDbContext> createContext,
    IUnitCatalog catalog,
    WorkingDays workingDays)
{
    /// <summary>The case, or null when the instance does not exist.</summary>
    public async Task<CaseRecord?> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var state = await queries.GetInstanceAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var definition = await definitions.GetVersionAsync(state.ProcessKey, state.Version, cancellationToken);
        string? xml;
        await using (var db = createContext())
        {
            xml = await db.ProcessDefinitions.AsNoTracking()
                .Where(d => d.ProcessKey == state.ProcessKey && d.Version == state.Version)
                .Select(d => d.Xml)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var tasks = await queries.GetTasksAsync(instanceId, cancellationToken);
        var history = await queries.GetHistoryAsync([instanceId], cancellationToken);
        var incidents = await queries.GetIncidentsAsync(instanceId, cancellationToken);
        return new CaseRecord(state, definition, xml, tasks, history, incidents);
    }

    public CaseSummary Summary(CaseRecord record)
    {
        var state = record.State;
        var unit = catalog.FindByProcessKey(state.ProcessKey);
        return new CaseSummary
        {
            InstanceId = state.Id,
            BusinessKey = state.BusinessKey,
            ProcessKey = state.ProcessKey,
            Version = state.Version,
            UnitCode = unit?.Code,
            UnitName = UnitName(state.ProcessKey, record.Definition?.Process.Name),
            StepName = catalog.FindStepByProcessKey(state.ProcessKey)?.NameZh,
            Status = state.Status.ToString().ToLowerInvariant(),
            StartedBy = state.StartedBy,
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            RegionCode = record.RegionCode,
            OrganisationId = record.OrganisationId,
            SubjectCode = CaseVariables.Text(state, CaseVariables.EquipmentCode),
            SubjectName = CaseVariables.Text(state, CaseVariables.OrganisationName),
        };
    }

    /// <summary>"11 使用登记（首次）" for a unit, the definition's name, or the process key.</summary>
    public string UnitName(string processKey, string? definitionName = null) =>
        catalog.FindByProcessKey(processKey)?.Title ?? (string.IsNullOrWhiteSpace(definitionName) ? processKey : definitionName);

    public TaskSummary Summary(UserTaskRecord task) => new()
    {
        Id = task.Id,
        ElementId = task.ElementId,
        Name = task.Name ?? task.ElementId,
        Status = task.Status,
        Assignee = task.Assignee,
        Owner = task.Owner,
        DelegationState = task.DelegationState,
        CandidateUsers = task.CandidateUsers,
        CandidateGroups = task.CandidateGroups,
        FormKey = task.FormKey,
        CreatedAt = task.CreatedAt,
        DueAt = task.DueAt,
        SlaState = task.SlaState,
        WorkingDaysLeft = task.Status == UserTaskStatus.Open ? workingDays.Left(task.DueAt) : null,
        UrgeCount = task.UrgeCount,
        EndedAt = task.EndedAt,
        CompletedBy = task.CompletedBy,
    };

    /// <summary>The applicant's form of a unit's case, with the values the case holds.</summary>
    public FormView? ApplicantForm(CaseRecord record) =>
        catalog.FindByProcessKey(record.State.ProcessKey) is { } unit ? Form(unit.FormKey, record.State) : null;

    /// <summary>A form with the case's values of its fields (top-level keys), or null for an unknown form.</summary>
    public FormView? Form(string? formKey, InstanceState state)
    {
        if (formKey is null || catalog.FormJson(formKey) is not { } json || catalog.FindForm(formKey) is not { } schema)
        {
            return null;
        }

        var variables = CaseVariables.Of(state);
        var data = new System.Text.Json.Nodes.JsonObject();
        foreach (var key in FormKeys.TopLevel(schema))
        {
            if (variables.TryGetValue(key, out var value) && value is not null)
            {
                data[key] = value.DeepClone();
            }
        }

        return new FormView(formKey, json, data);
    }

    public DiagramView Diagram(CaseRecord record)
    {
        var completed = record.History
            .Where(h => h.ElementId is not null && h.Type is HistoryEventType.NodeCompleted or HistoryEventType.TaskCompleted)
            .Select(h => h.ElementId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var active = record.State.IsActive
            ? record.State.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var incidents = record.Incidents.Where(i => i.ResolvedAt is null).Select(i => i.ElementId).Distinct(StringComparer.Ordinal).ToList();
        return new DiagramView(record.State.ProcessKey, record.State.Version, record.Xml ?? string.Empty, completed, active, incidents);
    }

    public IReadOnlyList<HistoryItem> History(CaseRecord record) => CaseHistory.Describe(record.History, record.Definition);
}
