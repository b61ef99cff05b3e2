using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Execution;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Workflows.Runtime;

// Instance migration: running instances move to another version of their process with an
// activity mapping. Validation first (nothing changes), then one transaction per instance.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Checks, without changing anything, whether each instance can move to the plan's target
    /// version: every element where it stands must map to an element of the same kind in the
    /// matching scope of the target (<see cref="MigrationProblemCodes"/>).
    /// </summary>
    /// <exception cref="WorkflowException">NotFound when the target version does not exist.</exception>
    public async Task<IReadOnlyList<InstanceMigrationCheck>> ValidateMigrationAsync(
        MigrationPlan plan,
        IReadOnlyCollection<Guid> instanceIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(instanceIds);
        var target = await TargetOfAsync(plan, cancellationToken);
        var checks = new List<InstanceMigrationCheck>(instanceIds.Count);
        foreach (var id in instanceIds.Distinct())
        {
            var state = await _services.Store.LoadInstanceAsync(id, cancellationToken);
            var source = state is null ? null : await _services.Definitions.GetAsync(state.DefinitionId, cancellationToken);
            checks.Add(MigrationValidator.Check(state, id, source, target, plan));
        }

        return checks;
    }

    /// <summary>
    /// Validates every instance; if any cannot move, nothing runs and the report says why. Otherwise
    /// each instance moves in a transaction of its own — state, task rows, timers, subscriptions and
    /// incidents together, with an <c>InstanceMigrated</c> history entry — after checking once more
    /// against its state at that moment (an instance that moved on meanwhile is reported, the others
    /// still migrate).
    /// </summary>
    /// <exception cref="WorkflowException">NotFound when the target version does not exist.</exception>
    public async Task<MigrationReport> MigrateAsync(
        MigrationPlan plan,
        IReadOnlyCollection<Guid> instanceIds,
        string? userId,
        CancellationToken cancellationToken)
    {
        var checks = await ValidateMigrationAsync(plan, instanceIds, cancellationToken);
        if (checks.Any(c => !c.CanMigrate))
        {
            return new MigrationReport(false, checks, []);
        }

        var target = await TargetOfAsync(plan, cancellationToken);
        var outcomes = new List<InstanceMigrationOutcome>(checks.Count);
        foreach (var check in checks)
        {
            try
            {
                await MigrateOneAsync(check.InstanceId, plan, target, userId, cancellationToken);
                outcomes.Add(new InstanceMigrationOutcome(check.InstanceId, true, []));
            }
            catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.Invalid or WorkflowErrorKind.NotFound)
            {
                outcomes.Add(new InstanceMigrationOutcome(check.InstanceId, false, [new MigrationProblem("changed", null, ex.Message)]));
            }
        }

        return new MigrationReport(true, checks, outcomes);
    }

    private Task MigrateOneAsync(Guid instanceId, MigrationPlan plan, DeployedProcess target, string? userId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "migrate",
            async (run, ct) =>
            {
                var loaded = await run.GetAsync(instanceId, ct)
                             ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Instance {instanceId} does not exist.");
                var check = MigrationValidator.Check(loaded.State, instanceId, loaded.Definition, target, plan);
                if (!check.CanMigrate)
                {
                    throw new WorkflowException(WorkflowErrorKind.Conflict,
                        "The instance moved on since it was validated: " + string.Join(" ", check.Problems.Select(p => p.Message)));
                }

                var queries = Queries();
                var listeners = new MigrationListeners(
                    await queries.GetJobsAsync(instanceId, ct),
                    await queries.GetSubscriptionsAsync(instanceId, ct),
                    await _services.Store.LoadTasksOfInstanceAsync(instanceId, ct),
                    await queries.GetIncidentsAsync(instanceId, ct));
                try
                {
                    run.Migrate(loaded, target, plan, userId, listeners);
                }
                catch (ExpressionFailedException ex)
                {
                    // A listener only the target has (a timer, a correlation key) could not be evaluated.
                    throw new WorkflowException(WorkflowErrorKind.Invalid, $"v{target.Version} cannot take the instance: {ex.Message}");
                }

                return true;
            },
            cancellationToken);

    private async Task<DeployedProcess> TargetOfAsync(MigrationPlan plan, CancellationToken cancellationToken) =>
        await _services.Definitions.GetVersionAsync(plan.ProcessKey, plan.TargetVersion, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, $"Process '{plan.ProcessKey}' has no version {plan.TargetVersion}.");

    // Migration moves an instance's timers and subscriptions, which only the query side lists.
    // Every store (in memory, SQLite, PostgreSQL) is both; one that is not cannot migrate.
    private IWorkflowQueries Queries() =>
        _services.Store as IWorkflowQueries
        ?? throw new WorkflowException(WorkflowErrorKind.Invalid, $"The store {_services.Store.GetType().Name} cannot list an instance's timers and subscriptions, so it cannot migrate instances.");
}
