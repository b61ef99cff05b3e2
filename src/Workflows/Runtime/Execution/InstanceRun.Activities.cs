using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>Tasks, call activities and leaving an activity.</summary>
internal sealed partial class InstanceRun
{
    private async ValueTask ExecuteTaskAsync(TokenState token, BpmnTask task, CancellationToken cancellationToken)
    {
        switch (task.Kind)
        {
            case FlowNodeKind.UserTask:
                CreateUserTask(token, task);
                break;
            case FlowNodeKind.ServiceTask:
            case FlowNodeKind.SendTask:
                await CallHandlerAsync(token, task, cancellationToken);
                break;
            case FlowNodeKind.ScriptTask:
                RunScript(token, task);
                break;
            case FlowNodeKind.ReceiveTask:
                token.Status = TokenStatus.Waiting;
                SubscribeMessage(token, task.Id, task.Message?.MessageName, task.CorrelationKey);
                ActivateBoundaries(token, task);
                break;
            default:
                // task and manualTask: nothing for the engine to do.
                LeaveActivity(token, task);
                break;
        }
    }

    private void CreateUserTask(TokenState token, BpmnTask task)
    {
        var view = ViewOf(token);
        var scope = ScopeOf(token);
        var dueAt = DueAt(task, view);
        var warnAt = dueAt is { } due ? SlaClock.WarnAt(due, Services.Calendar, Services.Options.SlaWarningWorkingDays) : (DateTimeOffset?)null;
        var projection = Services.Options.TaskProjection;
        var subjectCode = Projected(view, projection.SubjectCodeVariable);
        var subjectName = Projected(view, projection.SubjectNameVariable);
        var record = new UserTaskRecord
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = State.Id,
            DefinitionId = Definition.Id,
            ProcessKey = Definition.Key,
            ProcessVersion = Definition.Version,
            BusinessKey = State.BusinessKey,
            TokenId = token.Id,
            ElementId = task.Id,
            Name = task.Name,
            Assignee = Services.Expressions.Text(task.Assignee, view, task.Id),
            CandidateUsers = Resolve(task.CandidateUsers, view, task.Id),
            CandidateGroups = Resolve(task.CandidateGroups, view, task.Id),
            FormKey = task.FormKey,
            Priority = int.TryParse(task.Extension("priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority : 0,
            CreatedAt = Now,
            DueAt = dueAt,
            WarnAt = warnAt,
            SlaState = SlaClock.StateAt(Now, dueAt, warnAt),
            RegionCode = view.Get("regionCode") is JsonValue region && region.TryGetValue(out string? regionCode) ? regionCode : null,
            OrganisationId = view.Get("organisationId") is JsonValue organisation && organisation.TryGetValue(out long organisationId) ? organisationId : null,
            SubjectCode = subjectCode is { Length: <= UserTaskRecord.SubjectCodeMaxLength } ? subjectCode : null,
            SubjectName = subjectName is { Length: > UserTaskRecord.SubjectNameMaxLength } ? subjectName[..UserTaskRecord.SubjectNameMaxLength] : subjectName,
            PartyOrganisationIds = Parties(view, projection.PartiesVariable),
            LoopCounter = scope.Kind == ScopeKind.MultiInstanceItem && scope.Variables.TryGetValue("loopCounter", out var counter)
                ? counter?.GetValue<int>()
                : null,
        };
        _command.Changes.NewTasks.Add(record);
        token.TaskId = record.Id;
        token.Status = TokenStatus.Waiting;
        Record(HistoryEventType.TaskCreated, task.Id, detail: record.Id.ToString());
        ActivateBoundaries(token, task);
    }

    // A projected variable is only a search aid (a code longer than a code is dropped, a long name cut): a missing or odd value leaves the column empty
    // instead of stopping the case.
    private static string? Projected(VariableView view, string? variable) =>
        variable is not null && view.Get(variable) is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static IReadOnlyList<long> Parties(VariableView view, string? variable)
    {
        if (variable is null || view.Get(variable) is not JsonArray array)
        {
            return [];
        }

        var ids = new List<long>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.TryGetValue(out long id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private IReadOnlyList<string> Resolve(IReadOnlyList<string> values, VariableView view, string where)
    {
        if (!values.Any(ExpressionText.IsWrapped))
        {
            return values;
        }

        var resolved = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (!ExpressionText.IsWrapped(value))
            {
                resolved.Add(value);
                continue;
            }

            switch (Services.Expressions.Value(value, view, where))
            {
                case JsonArray array:
                    resolved.AddRange(array.Select(item => item?.ToString() ?? string.Empty).Where(s => s.Length > 0));
                    break;
                case { } single:
                    resolved.Add(single is JsonValue v && v.TryGetValue<string>(out var s) ? s : single.ToJsonString());
                    break;
            }
        }

        return resolved;
    }

    private DateTimeOffset? DueAt(BpmnTask task, VariableView view)
    {
        if (task.DueIn is not { } dueIn)
        {
            return null;
        }

        var text = Services.Expressions.Text(dueIn, view, task.Id);
        if (text is null)
        {
            return null;
        }

        if (!BpmnDuration.TryParse(text, out var duration, out var error))
        {
            throw new ExpressionFailedException($"The due date of '{task.DisplayName}' is not a duration: {error}");
        }

        try
        {
            return duration.AddTo(Now, Services.Calendar);
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionFailedException(ex.Message);
        }
    }

    /// <summary>A person completed a user task: its variables go into the instance and the token moves on.</summary>
    public void CompleteTask(UserTaskRecord task, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId, string? comment = null)
    {
        var token = FindToken(task.TokenId);
        if (token is null || token.TaskId != task.Id || token.Status != TokenStatus.Waiting)
        {
            throw new InvalidOperationException($"Task {task.Id} ('{task.Name ?? task.ElementId}') is not waiting any more.");
        }

        task.Status = UserTaskStatus.Completed;
        task.EndedAt = Now;
        task.CompletedBy = userId;
        _command.TaskChanged(task);
        token.TaskId = null;
        Changed = true;
        Record(HistoryEventType.TaskCompleted, task.ElementId, userId, task.Id.ToString());
        if (!string.IsNullOrWhiteSpace(comment))
        {
            Record(HistoryEventType.TaskCommented, task.ElementId, userId, comment);
        }

        SetVariables(token, variables, userId);
        Guard(token, () => LeaveActivity(token, (Activity)Definition.Node(task.ElementId)));
    }

    private void SetVariables(TokenState token, IReadOnlyDictionary<string, JsonNode?>? variables, string? userId)
    {
        if (variables is null || variables.Count == 0)
        {
            return;
        }

        var view = ViewOf(token);
        foreach (var (name, value) in variables)
        {
            view.Set(name, value);
        }

        Record(HistoryEventType.VariablesChanged, token.ElementId, userId, string.Join(',', variables.Keys));
    }

    /// <summary>Sets variables on the process scope (the set-variables command).</summary>
    public void SetProcessVariables(IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        foreach (var (name, value) in variables)
        {
            State.Scopes[0].Variables[name] = value;
        }

        Changed = true;
        Record(HistoryEventType.VariablesChanged, null, userId, string.Join(',', variables.Keys));
    }

    private async ValueTask CallHandlerAsync(TokenState token, BpmnTask task, CancellationToken cancellationToken)
    {
        var type = task.HandlerType ?? string.Empty;
        if (!Services.Handlers.TryGet(type, out var handler))
        {
            if (Services.Options.UnknownHandlersAreNoOps)
            {
                LeaveActivity(token, task);
                return;
            }

            RaiseIncident(token, IncidentKind.HandlerFailure, $"No handler is registered for ah:type=\"{type}\" of '{task.DisplayName}'.");
            return;
        }

        var view = ViewOf(token);
        var attempt = Math.Max(1, token.Attempt);
        var context = new ServiceTaskContext(State.Id, Definition.Key, State.BusinessKey, task.Id, type, attempt, view.Get);
        try
        {
            await handler.ExecuteAsync(context, cancellationToken);
        }
        catch (BpmnErrorException error)
        {
            ThrowError(token, error.ErrorCode, error.Message);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The handler's output is dropped: a retry starts from the variables as they were.
            RetryOrRaise(token, task, attempt, ex);
            return;
        }

        foreach (var (name, value) in context.Output)
        {
            view.Set(name, value);
        }

        if (task.ResultVariable is { Length: > 0 } resultVariable)
        {
            view.Set(resultVariable, context.Result);
        }

        LeaveActivity(token, task);
    }

    private void RunScript(TokenState token, BpmnTask task)
    {
        var view = ViewOf(token);
        var (result, assigned) = Services.Expressions.Script(task.Script ?? string.Empty, view, task.Id);
        foreach (var (name, value) in assigned)
        {
            view.Set(name, value);
        }

        if (task.ResultVariable is { Length: > 0 } resultVariable)
        {
            view.Set(resultVariable, result);
        }

        LeaveActivity(token, task);
    }

    /// <summary>
    /// An activity finished its work: stop its boundary events, then either report to its
    /// multi-instance body or leave along the outgoing flows.
    /// </summary>
    private void LeaveActivity(TokenState token, Activity activity)
    {
        Unsubscribe(token);
        token.Status = TokenStatus.Ready;
        Completed(activity);
        if (IsMultiInstanceItem(token, activity))
        {
            CompleteMultiInstanceItem(token, activity);
            return;
        }

        TakeOutgoing(token, activity);
    }

    private async ValueTask EnterCallActivityAsync(TokenState token, CallActivity call, CancellationToken cancellationToken)
    {
        var key = call.CalledElement ?? string.Empty;
        var version = call.Version;
        var called = version is null || version.Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? await Services.Definitions.GetLatestAsync(key, cancellationToken)
            : await Services.Definitions.GetVersionAsync(key, int.Parse(version, CultureInfo.InvariantCulture), cancellationToken);
        if (called?.NoneStart is null)
        {
            RaiseIncident(token, IncidentKind.CalledProcessMissing,
                called is null
                    ? $"'{call.DisplayName}' calls process '{key}' (version {version ?? "latest"}), which is not deployed."
                    : $"'{call.DisplayName}' calls process '{key}', which has no none start event.");
            return;
        }

        var view = ViewOf(token);
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var mapping in call.InMappings)
        {
            input[mapping.Target] = Services.Expressions.Value(mapping.Source, view, call.Id)?.DeepClone();
        }

        var childId = Guid.CreateVersion7(Now);
        token.ChildInstanceId = childId;
        token.Status = TokenStatus.Waiting;
        ActivateBoundaries(token, call);
        _command.Enqueue(new AgendaItem.StartChild(called, childId, input, State.Id, token.Id));
    }

    /// <summary>A called instance completed: copy its outputs back and leave the call activity.</summary>
    public void ResumeFromChild(string tokenId, IReadOnlyDictionary<string, JsonNode?> childVariables)
    {
        var token = FindToken(tokenId);
        if (token is null || token.ChildInstanceId is null)
        {
            return;
        }

        var call = (CallActivity)Definition.Node(token.ElementId);
        token.ChildInstanceId = null;
        Changed = true;
        Guard(token, () =>
        {
            var childScope = new ScopeState { Id = "child", ElementId = call.CalledElement ?? string.Empty, Kind = ScopeKind.Process };
            foreach (var (name, value) in childVariables)
            {
                childScope.Variables[name] = value;
            }

            var childView = new VariableView(new InstanceState
            {
                Id = Guid.Empty,
                DefinitionId = Guid.Empty,
                ProcessKey = childScope.ElementId,
                Version = 0,
                StartedAt = Now,
                Scopes = [childScope],
            }, childScope);
            var view = ViewOf(token);
            foreach (var mapping in call.OutMappings)
            {
                view.Set(mapping.Target, Services.Expressions.Value(mapping.Source, childView, call.Id)?.DeepClone());
            }

            LeaveActivity(token, call);
        });
    }

    /// <summary>Runs a step for a token, turning expression failures into an incident on it.</summary>
    private void Guard(TokenState token, Action step)
    {
        try
        {
            step();
        }
        catch (ExpressionFailedException ex)
        {
            RaiseIncident(token, IncidentKind.ExpressionFailure, ex.Message);
        }
    }
}
