using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>BPMN errors and incidents.</summary>
internal sealed partial class InstanceRun
{
    /// <summary>
    /// Propagates a BPMN error from a token outwards: the activity it is at (a failing service task),
    /// then each enclosing subprocess or multi-instance activity, then the calling instance. The
    /// nearest error boundary event whose code matches (or that catches all) takes it; nothing
    /// catching it is an incident.
    /// </summary>
    private void ThrowError(TokenState origin, string errorCode, string message)
    {
        Record(HistoryEventType.ErrorThrown, origin.ElementId, detail: errorCode);
        var current = origin;
        while (true)
        {
            if (Definition.Node(current.ElementId) is Activity activity)
            {
                if (IsMultiInstanceItem(current, activity))
                {
                    // Boundary events sit on the multi-instance activity as a whole.
                    current = FindToken(FindScope(ScopeOf(current).ParentId)!.ParentTokenId)!;
                    continue;
                }

                if (FindErrorBoundary(activity, errorCode) is { } boundary)
                {
                    if (!ReferenceEquals(current, origin))
                    {
                        State.Tokens.Remove(origin);
                    }

                    FireBoundary(current, boundary);
                    return;
                }
            }

            var scope = ScopeOf(current);
            if (scope.Kind == ScopeKind.Process)
            {
                if (State.ParentInstanceId is { } parent && State.ParentTokenId is { } parentToken)
                {
                    // The caller's call activity may catch it; this instance ends either way.
                    State.Tokens.Remove(origin);
                    FinishInstance(InstanceStatus.Terminated, reportToCaller: false);
                    _command.Enqueue(new AgendaItem.ThrowInParent(parent, parentToken, errorCode, message));
                    return;
                }

                RaiseIncident(origin, IncidentKind.UnhandledError,
                    $"BPMN error '{errorCode}' ({message}) was not caught by any error boundary event.");
                return;
            }

            var owner = FindToken(scope.ParentTokenId) ?? FindToken(FindScope(scope.ParentId)?.ParentTokenId);
            if (owner is null)
            {
                RaiseIncident(origin, IncidentKind.UnhandledError, $"BPMN error '{errorCode}' ({message}) has no enclosing activity.");
                return;
            }

            current = owner;
        }
    }

    /// <summary>An error from a called instance arrives at the call activity's token.</summary>
    public void ThrowFromChild(string tokenId, string errorCode, string message)
    {
        var token = FindToken(tokenId);
        if (token is null)
        {
            return;
        }

        token.ChildInstanceId = null;
        Changed = true;
        ThrowError(token, errorCode, message);
    }

    private static BpmnEvent? FindErrorBoundary(Activity activity, string errorCode)
    {
        BpmnEvent? catchAll = null;
        foreach (var boundary in activity.BoundaryEvents)
        {
            if (boundary.Definition is not ErrorEventDefinition definition)
            {
                continue;
            }

            if (definition.ErrorCode is null)
            {
                catchAll ??= boundary;
            }
            else if (definition.ErrorCode == errorCode)
            {
                return boundary;
            }
        }

        return catchAll;
    }

    /// <summary>Stops a token with an incident an operator can see and fix.</summary>
    private void RaiseIncident(TokenState token, IncidentKind kind, string message, string? details = null, int attempts = 1)
    {
        token.Status = TokenStatus.Incident;
        Changed = true;
        _command.Changes.NewIncidents.Add(new IncidentRecord
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = State.Id,
            TokenId = token.Id,
            ElementId = token.ElementId,
            Kind = kind,
            Resume = ReferenceEquals(_leaving, token) ? IncidentResume.Leave : IncidentResume.Execute,
            Attempts = attempts,
            Message = message,
            Details = details,
            CreatedAt = Now,
        });
        Record(HistoryEventType.IncidentRaised, token.ElementId, detail: message);
    }
}
