using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>Converts between an <see cref="InstanceState"/> and its <c>wf_instances</c> row.</summary>
internal static class InstanceStateJson
{
    /// <summary>The row to write for a state; its <see cref="InstanceRow.Revision"/> is the state's (new) revision.</summary>
    public static InstanceRow ToRow(InstanceState state) => new()
    {
        Id = state.Id,
        DefinitionId = state.DefinitionId,
        ProcessKey = state.ProcessKey,
        Version = state.Version,
        BusinessKey = state.BusinessKey,
        Status = state.Status,
        ParentInstanceId = state.ParentInstanceId,
        ParentTokenId = state.ParentTokenId,
        StartedBy = state.StartedBy,
        StartedAt = state.StartedAt,
        EndedAt = state.EndedAt,
        Revision = state.Revision,
        State = Serialize(state),
    };

    /// <summary>The state a row holds; nothing is shared with the row or with other loads.</summary>
    public static InstanceState ToState(InstanceRow row)
    {
        var stored = JsonSerializer.Deserialize(row.State, PersistenceJsonContext.Compact.StoredInstanceState)
                     ?? throw new InvalidOperationException($"Instance {row.Id} has an empty state document.");
        return new InstanceState
        {
            Id = row.Id,
            DefinitionId = row.DefinitionId,
            ProcessKey = row.ProcessKey,
            Version = row.Version,
            BusinessKey = row.BusinessKey,
            Status = row.Status,
            ParentInstanceId = row.ParentInstanceId,
            ParentTokenId = row.ParentTokenId,
            StartedBy = row.StartedBy,
            StartedAt = row.StartedAt,
            EndedAt = row.EndedAt,
            Revision = row.Revision,
            NextId = stored.NextId,
            Scopes = stored.Scopes.ConvertAll(s => new ScopeState
            {
                Id = s.Id,
                ElementId = s.ElementId,
                Kind = s.Kind,
                ParentId = s.ParentId,
                ParentTokenId = s.ParentTokenId,
                // The deserialized dictionary is fresh and compares ordinally, as the runtime's does.
                Variables = s.Variables ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal),
            }),
            Tokens = stored.Tokens.ConvertAll(t => new TokenState
            {
                Id = t.Id,
                ScopeId = t.ScopeId,
                ElementId = t.ElementId,
                Status = t.Status,
                ArrivedVia = t.ArrivedVia,
                TaskId = t.TaskId,
                ChildInstanceId = t.ChildInstanceId,
                ChildScopeId = t.ChildScopeId,
                Listening = t.Listening,
                Attempt = t.Attempt,
            }),
        };
    }

    /// <summary>The JSON document of the scopes, tokens, variables and id counter.</summary>
    public static string Serialize(InstanceState state)
    {
        var stored = new StoredInstanceState
        {
            NextId = state.NextId,
            Scopes = state.Scopes.ConvertAll(s => new StoredScope
            {
                Id = s.Id,
                ElementId = s.ElementId,
                Kind = s.Kind,
                ParentId = s.ParentId,
                ParentTokenId = s.ParentTokenId,
                Variables = s.Variables.Count == 0 ? null : s.Variables,
            }),
            Tokens = state.Tokens.ConvertAll(t => new StoredToken
            {
                Id = t.Id,
                ScopeId = t.ScopeId,
                ElementId = t.ElementId,
                Status = t.Status,
                ArrivedVia = t.ArrivedVia,
                TaskId = t.TaskId,
                ChildInstanceId = t.ChildInstanceId,
                ChildScopeId = t.ChildScopeId,
                Listening = t.Listening,
                Attempt = t.Attempt,
            }),
        };
        return JsonSerializer.Serialize(stored, PersistenceJsonContext.Compact.StoredInstanceState);
    }
}
