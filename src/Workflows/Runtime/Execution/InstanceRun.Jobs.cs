using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

// Work that continues in a job of its own (ah:async elements, service-task retries) and the
// operator's retry of an incident.
internal sealed partial class InstanceRun
{
    /// <summary>
    /// Parks the token at its element in a continuation job: the command that brought it here
    /// commits first, and the element runs in a later transaction (on whichever node claims the job).
    /// </summary>
    private void ScheduleContinuation(TokenState token, int attempt, DateTimeOffset dueAt, string? lastError)
    {
        token.Status = TokenStatus.Waiting;
        token.Listening = true;
        Changed = true;
        _command.Changes.NewJobs.Add(new JobRecord
        {
            Id = Guid.CreateVersion7(Now),
            Kind = JobKind.Continuation,
            InstanceId = State.Id,
            TokenId = token.Id,
            ElementId = token.ElementId,
            DueAt = dueAt,
            Attempt = attempt,
            CreatedAt = Now,
            LastError = lastError,
        });
    }

    /// <summary>A continuation job fell due: run the element it parked, as attempt <see cref="JobRecord.Attempt"/>.</summary>
    /// <returns>False when the token moved on meanwhile (a boundary event interrupted it, or the instance ended).</returns>
    public bool Continue(JobRecord job)
    {
        var token = FindToken(job.TokenId);
        if (token is null || !State.IsActive || token.Status != TokenStatus.Waiting || token.ElementId != job.ElementId)
        {
            return false;
        }

        // The job itself is deleted by the firing; other jobs of the token (none today) would be stale.
        token.Listening = false;
        token.Attempt = job.Attempt;
        Schedule(token);
        return true;
    }

    /// <summary>
    /// A handler failed on attempt <paramref name="attempt"/>: try again after the back-off of
    /// <c>ah:retry</c>, or raise an incident with the error and the attempt count when none are left.
    /// </summary>
    private void RetryOrRaise(TokenState token, BpmnTask task, int attempt, Exception error)
    {
        var policy = RetryPolicy.For(task, Services.Options);
        var message = $"The handler {task.HandlerType} of '{task.DisplayName}' failed on attempt {attempt} of {policy.MaxAttempts}: {error.Message}";
        if (attempt < policy.MaxAttempts)
        {
            ScheduleContinuation(token, attempt + 1, policy.NextAttemptAt(attempt, Now, Services.Calendar), message);
            Record(HistoryEventType.ServiceTaskRetryScheduled, task.Id, detail: message);
            return;
        }

        RaiseIncident(token, IncidentKind.HandlerFailure, message, error.ToString(), attempt);
    }

    /// <summary>
    /// The operator fixed what was wrong (variables, a partner system) and retries the incident:
    /// the token runs its element again, or only chooses its outgoing flows again when that was
    /// what failed.
    /// </summary>
    public void RetryIncident(IncidentRecord incident, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId)
    {
        var token = FindToken(incident.TokenId);
        if (token is null || token.Status != TokenStatus.Incident)
        {
            throw new InvalidOperationException($"The token of incident {incident.Id} is no longer stopped at '{incident.ElementId}'.");
        }

        if (variables is { Count: > 0 })
        {
            SetVariables(token, variables, userId);
        }

        Record(HistoryEventType.IncidentResolved, incident.ElementId, userId, incident.Message);
        token.Status = TokenStatus.Ready;
        Changed = true;
        if (incident.Resume == IncidentResume.Leave)
        {
            Guard(token, () => TakeOutgoing(token, Definition.Node(token.ElementId)));
            return;
        }

        // A fresh cycle of attempts; an ah:async element does not defer itself a second time.
        token.Attempt = 1;
        Schedule(token);
    }

    /// <summary>True when an ah:async element must first be parked in a continuation job.</summary>
    private bool DefersToJob(TokenState token, FlowNode node) =>
        node.IsAsync && token.Attempt == 0
        && !(node is Activity { MultiInstance: not null } activity && IsMultiInstanceItem(token, activity));
}
