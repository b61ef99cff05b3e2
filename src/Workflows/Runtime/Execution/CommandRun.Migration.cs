using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

// Moving a loaded instance to another version of its process (WorkflowEngine.MigrateAsync).
internal sealed partial class CommandRun
{
    /// <summary>
    /// Replaces a loaded instance by the same instance on <paramref name="target"/>: tokens and
    /// scopes stand at the mapped elements, and its task rows, timers, subscriptions and open
    /// incidents follow (<see cref="InstanceRun.AdoptMigration"/>). The caller has validated the plan
    /// against this very state (<see cref="MigrationValidator"/>).
    /// </summary>
    public InstanceRun Migrate(InstanceRun loaded, DeployedProcess target, MigrationPlan plan, string? userId, MigrationListeners listeners)
    {
        var state = loaded.State;
        var migrated = new InstanceState
        {
            Id = state.Id,
            DefinitionId = target.Id,
            ProcessKey = state.ProcessKey,
            Version = target.Version,
            BusinessKey = state.BusinessKey,
            Status = state.Status,
            ParentInstanceId = state.ParentInstanceId,
            ParentTokenId = state.ParentTokenId,
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            Revision = state.Revision,
            NextId = state.NextId,
            Scopes = state.Scopes.ConvertAll(scope => scope.Kind == ScopeKind.Process ? scope : new ScopeState
            {
                Id = scope.Id,
                ElementId = plan.Map(scope.ElementId),
                Kind = scope.Kind,
                ParentId = scope.ParentId,
                ParentTokenId = scope.ParentTokenId,
                Variables = scope.Variables,
            }),
            Tokens = state.Tokens.ConvertAll(token =>
            {
                var copy = token.Clone();
                copy.ElementId = plan.Map(token.ElementId);
                return copy;
            }),
        };

        var run = new InstanceRun(this, migrated, target, loaded.LoadedRevision);
        _runs[state.Id] = run;
        run.AdoptMigration(plan, listeners);
        Record(new HistoryEvent(state.Id, Now, HistoryEventType.InstanceMigrated, null, userId, Describe(state.Version, target.Version, plan, state)));
        return run;
    }

    // "v1 → v2: review → check" (only the elements that change their id are listed).
    private static string Describe(int from, int to, MigrationPlan plan, InstanceState state)
    {
        var renamed = state.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal)
            .Where(id => plan.Map(id) != id)
            .Select(id => $"{id} → {plan.Map(id)}")
            .ToList();
        return renamed.Count == 0 ? $"v{from} → v{to}" : $"v{from} → v{to}: {string.Join(", ", renamed)}";
    }
}

/// <summary>The rows hanging off an instance that a migration moves along with it.</summary>
/// <param name="Jobs">Its timers and continuations.</param>
/// <param name="Subscriptions">Its message subscriptions.</param>
/// <param name="Tasks">Its task rows (only open ones move).</param>
/// <param name="Incidents">Its incidents (only unresolved ones move).</param>
internal sealed record MigrationListeners(
    IReadOnlyList<JobRecord> Jobs,
    IReadOnlyList<MessageSubscriptionRecord> Subscriptions,
    IReadOnlyList<UserTaskRecord> Tasks,
    IReadOnlyList<IncidentRecord> Incidents);
