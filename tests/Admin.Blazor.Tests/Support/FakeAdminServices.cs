using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Migration;

namespace ApprovalHub.Admin.Blazor.Tests.Support;

/// <summary>A designer service with fixed definitions that records what the pages ask of it.</summary>
internal sealed class FakeDesignerService(params DefinitionOverview[] definitions) : IDesignerService
{
    public Dictionary<(string Key, int Version), string> Xml { get; } = [];

    public Task<IReadOnlyList<DefinitionOverview>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DefinitionOverview>>(definitions);

    public Task<DefinitionOverview?> FindAsync(string processKey, CancellationToken cancellationToken) =>
        Task.FromResult(definitions.FirstOrDefault(d => d.Key == processKey));

    public Task<DesignerDocument?> OpenAsync(string processKey, CancellationToken cancellationToken) =>
        Task.FromResult<DesignerDocument?>(null);

    public Task<string?> VersionXmlAsync(string processKey, int version, CancellationToken cancellationToken) =>
        Task.FromResult(Xml.GetValueOrDefault((processKey, version)));

    public IReadOnlyList<BpmnDiagnostic> Validate(string xml) => BpmnParser.Parse(xml).Diagnostics;

    public Task<DraftOutcome> SaveDraftAsync(string processKey, string xml, string savedBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The pages under test do not save drafts.");

    public Task<bool> DiscardDraftAsync(string processKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The pages under test do not discard drafts.");

    public Task<PublishOutcome> PublishAsync(string processKey, string publishedBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The pages under test do not publish.");

    public Task<DefinitionDiff?> DiffAsync(string processKey, int from, int? to, CancellationToken cancellationToken) =>
        Task.FromResult<DefinitionDiff?>(null);
}

/// <summary>An instance service with fixed answers that records the commands the pages send.</summary>
internal sealed class FakeInstanceAdmin : IInstanceAdmin
{
    public List<InstanceListItem> Instances { get; } = [];

    public List<IncidentItem> Incidents { get; } = [];

    public Func<MigrationPlan, IReadOnlyCollection<Guid>, IReadOnlyList<InstanceMigrationCheck>> Checks { get; set; } = (_, ids) =>
        ids.Select(id => new InstanceMigrationCheck(id, null, 1, [], [])).ToList();

    public List<MigrationPlan> Validated { get; } = [];

    public List<(MigrationPlan Plan, IReadOnlyCollection<Guid> Ids, string User)> Migrations { get; } = [];

    public List<(Guid Incident, IReadOnlyDictionary<string, JsonNode?>? Variables, string User)> Retries { get; } = [];

    public List<(Guid Instance, string Reason, string User)> Cancellations { get; } = [];

    public InstanceFilter? LastFilter { get; private set; }

    public Task<InstancePage> SearchAsync(InstanceFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        LastFilter = filter;
        var matching = Instances.Where(i => filter.ProcessKey is null || i.ProcessKey == filter.ProcessKey).ToList();
        return Task.FromResult(new InstancePage(matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize));
    }

    public Task<InstanceDetail?> GetAsync(Guid instanceId, CancellationToken cancellationToken) => Task.FromResult<InstanceDetail?>(null);

    public Task<IReadOnlyList<IncidentItem>> IncidentsAsync(bool resolved, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IncidentItem>>(Incidents.Where(i => (i.Incident.ResolvedAt is not null) == resolved).ToList());

    public Task RetryIncidentAsync(Guid incidentId, IReadOnlyDictionary<string, JsonNode?>? variables, string userName, CancellationToken cancellationToken)
    {
        Retries.Add((incidentId, variables, userName));
        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid instanceId, string reason, string userName, CancellationToken cancellationToken)
    {
        Cancellations.Add((instanceId, reason, userName));
        return Task.CompletedTask;
    }

    public Task<Guid> StartAsync(string processKey, int? version, string? businessKey, IReadOnlyDictionary<string, JsonNode?>? variables, string userName, CancellationToken cancellationToken) =>
        Task.FromResult(Guid.NewGuid());

    public Task<IReadOnlyList<InstanceMigrationCheck>> ValidateMigrationAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        Validated.Add(plan);
        return Task.FromResult(Checks(plan, instanceIds));
    }

    public Task<MigrationReport> MigrateAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, string userName, CancellationToken cancellationToken)
    {
        Migrations.Add((plan, instanceIds, userName));
        var checks = Checks(plan, instanceIds);
        return Task.FromResult(new MigrationReport(true, checks, checks.Select(c => new InstanceMigrationOutcome(c.InstanceId, true, [])).ToList()));
    }
}
