using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Migration;

/// <summary>
/// Decides whether an instance can move to a target version under a plan, without changing
/// anything: every element where a token stands (and every subprocess or multi-instance scope that
/// is open) must have an element in the target of the same kind, in the matching scope. Anything
/// else would leave a token at an element the engine cannot continue from.
/// </summary>
internal static class MigrationValidator
{
    public static InstanceMigrationCheck Check(InstanceState? state, Guid instanceId, DeployedProcess? source, DeployedProcess target, MigrationPlan plan)
    {
        if (state is null || source is null)
        {
            return Refused(instanceId, null, 0, new MigrationProblem(MigrationProblemCodes.NotFound, null, $"Instance {instanceId} does not exist."));
        }

        if (state.ProcessKey != plan.ProcessKey)
        {
            return Refused(state, new MigrationProblem(MigrationProblemCodes.OtherProcess, null,
                $"The instance runs process '{state.ProcessKey}', not '{plan.ProcessKey}'."));
        }

        if (!state.IsActive)
        {
            return Refused(state, new MigrationProblem(MigrationProblemCodes.NotActive, null,
                $"The instance is {state.Status.ToString().ToLowerInvariant()}; only running instances move to another version."));
        }

        if (state.Version == target.Version)
        {
            return Refused(state, new MigrationProblem(MigrationProblemCodes.SameVersion, null, $"The instance already runs on v{target.Version}."));
        }

        var problems = new List<MigrationProblem>();
        foreach (var token in state.Tokens)
        {
            CheckToken(state, token, source, target, plan, problems);
        }

        foreach (var scope in state.Scopes.Where(s => s.Kind != ScopeKind.Process))
        {
            CheckScope(scope, source, target, plan, problems);
        }

        var moves = state.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new ElementMove(id, plan.Map(id)))
            .ToList();
        return new InstanceMigrationCheck(state.Id, state.BusinessKey, state.Version, moves, Distinct(problems));
    }

    private static void CheckToken(InstanceState state, TokenState token, DeployedProcess source, DeployedProcess target, MigrationPlan plan, List<MigrationProblem> problems)
    {
        var sourceNode = source.Process.FindNode(token.ElementId);
        var targetId = plan.Map(token.ElementId);
        if (sourceNode is null || !Matches(sourceNode, target.Process.FindNode(targetId), targetId, problems, out var targetNode))
        {
            return;
        }

        var scope = state.Scopes.Find(s => s.Id == token.ScopeId);
        switch (scope?.Kind)
        {
            case ScopeKind.SubProcess when targetNode.Scope.Owner?.Id != plan.Map(scope.ElementId):
            case ScopeKind.Process when targetNode.Scope.Owner is not null:
                problems.Add(new MigrationProblem(MigrationProblemCodes.ScopeChanged, token.ElementId,
                    $"'{sourceNode.DisplayName}' is {Where(scope)} but its target '{targetNode.DisplayName}' is {Where(targetNode.Scope)} in v{target.Version}. Map the subprocess too, or pick an element in the same scope."));
                return;
            case ScopeKind.MultiInstanceItem when targetId != plan.Map(scope.ElementId):
                problems.Add(new MigrationProblem(MigrationProblemCodes.ScopeChanged, token.ElementId,
                    $"An instance of the multi-instance '{sourceNode.DisplayName}' must stay with its activity ('{plan.Map(scope.ElementId)}')."));
                return;
        }

        if (token.Status == TokenStatus.Joining && token.ArrivedVia is { } flow && !targetNode.Incoming.Any(f => f.Id == flow))
        {
            problems.Add(new MigrationProblem(MigrationProblemCodes.JoinChanged, token.ElementId,
                $"A token waits at the join '{sourceNode.DisplayName}' for having come along flow '{flow}', which does not lead into '{targetNode.DisplayName}' in v{target.Version}. Keep the flow's id, or migrate after the join has fired."));
        }
    }

    private static void CheckScope(ScopeState scope, DeployedProcess source, DeployedProcess target, MigrationPlan plan, List<MigrationProblem> problems)
    {
        var sourceNode = source.Process.FindNode(scope.ElementId);
        var targetId = plan.Map(scope.ElementId);
        if (sourceNode is null)
        {
            return;
        }

        _ = Matches(sourceNode, target.Process.FindNode(targetId), targetId, problems, out _);
    }

    private static bool Matches(FlowNode source, FlowNode? target, string targetId, List<MigrationProblem> problems, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FlowNode? matched)
    {
        matched = null;
        if (target is null)
        {
            problems.Add(new MigrationProblem(MigrationProblemCodes.Unmapped, source.Id,
                $"'{source.DisplayName}' is active, and the target version has no element '{targetId}'. Map it to an element of the same kind."));
            return false;
        }

        var reason = Incompatibility(source, target);
        if (reason is not null)
        {
            problems.Add(new MigrationProblem(MigrationProblemCodes.Incompatible, source.Id,
                $"'{source.DisplayName}' cannot become '{target.DisplayName}': {reason}."));
            return false;
        }

        matched = target;
        return true;
    }

    /// <summary>Why a token at <paramref name="source"/> could not continue at <paramref name="target"/>, or null.</summary>
    internal static string? Incompatibility(FlowNode source, FlowNode target)
    {
        if (source.Kind != target.Kind)
        {
            return $"a {Describe(source.Kind)} is not a {Describe(target.Kind)}";
        }

        if (source is BpmnEvent sourceEvent && target is BpmnEvent targetEvent && sourceEvent.Trigger != targetEvent.Trigger)
        {
            return $"it waits for a {sourceEvent.Trigger.ToString().ToLowerInvariant()} event, the target for a {targetEvent.Trigger.ToString().ToLowerInvariant()} event";
        }

        if (source is Activity sourceActivity && target is Activity targetActivity
            && (sourceActivity.MultiInstance is null) != (targetActivity.MultiInstance is null))
        {
            return sourceActivity.MultiInstance is null ? "the target is multi-instance" : "the target is not multi-instance";
        }

        return null;
    }

    private static string Describe(FlowNodeKind kind) => kind switch
    {
        FlowNodeKind.UserTask => "user task",
        FlowNodeKind.ServiceTask => "service task",
        FlowNodeKind.ScriptTask => "script task",
        FlowNodeKind.ReceiveTask => "receive task",
        FlowNodeKind.SendTask => "send task",
        FlowNodeKind.CallActivity => "call activity",
        FlowNodeKind.SubProcess => "subprocess",
        FlowNodeKind.IntermediateCatchEvent => "catch event",
        FlowNodeKind.ParallelGateway => "parallel gateway",
        FlowNodeKind.InclusiveGateway => "inclusive gateway",
        FlowNodeKind.EventBasedGateway => "event-based gateway",
        FlowNodeKind.ExclusiveGateway => "exclusive gateway",
        _ => kind.ToString(),
    };

    private static string Where(ScopeState? scope) => scope is null || scope.Kind == ScopeKind.Process ? "at the top level" : $"inside '{scope.ElementId}'";

    private static string Where(FlowScope scope) => scope.Owner is null ? "at the top level" : $"inside '{scope.Owner.DisplayName}'";

    private static List<MigrationProblem> Distinct(List<MigrationProblem> problems) =>
        problems.DistinctBy(p => (p.Code, p.ElementId)).ToList();

    private static InstanceMigrationCheck Refused(InstanceState state, MigrationProblem problem) =>
        Refused(state.Id, state.BusinessKey, state.Version, problem);

    private static InstanceMigrationCheck Refused(Guid id, string? businessKey, int version, MigrationProblem problem) =>
        new(id, businessKey, version, [], [problem]);
}
