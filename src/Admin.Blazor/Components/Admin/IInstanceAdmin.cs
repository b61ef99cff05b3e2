using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Migration;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>
/// The analysts' view of running processes: search, the instance viewer, incidents, cancel, start a
/// test instance, and migration between versions. Implemented by the host over the engine; callers
/// are analysts or administrators, whose scope is the whole platform.
/// </summary>
public interface IInstanceAdmin
{
    /// <summary>A page of instances, newest first.</summary>
    Task<InstancePage> SearchAsync(InstanceFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Everything the instance viewer shows, or null for an unknown id.</summary>
    Task<InstanceDetail?> GetAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Incidents, newest first: open ones, or resolved ones.</summary>
    Task<IReadOnlyList<IncidentItem>> IncidentsAsync(bool resolved, CancellationToken cancellationToken);

    /// <summary>Retries an incident after setting the given variables (engine errors surface as <c>WorkflowException</c>).</summary>
    Task RetryIncidentAsync(Guid incidentId, IReadOnlyDictionary<string, JsonNode?>? variables, string userName, CancellationToken cancellationToken);

    /// <summary>Cancels a running instance with a reason.</summary>
    Task CancelAsync(Guid instanceId, string reason, string userName, CancellationToken cancellationToken);

    /// <summary>Starts an instance of a key (the latest version unless one is given), e.g. to try a new version.</summary>
    Task<Guid> StartAsync(string processKey, int? version, string? businessKey, IReadOnlyDictionary<string, JsonNode?>? variables, string userName, CancellationToken cancellationToken);

    /// <summary>Checks a migration plan against instances without changing anything.</summary>
    Task<IReadOnlyList<InstanceMigrationCheck>> ValidateMigrationAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken);

    /// <summary>Validates, then migrates each instance in its own transaction.</summary>
    Task<MigrationReport> MigrateAsync(MigrationPlan plan, IReadOnlyCollection<Guid> instanceIds, string userName, CancellationToken cancellationToken);
}
