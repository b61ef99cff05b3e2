using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// The variables visible from one scope: its own, then its parents' up to the process scope, the
/// way BPMN engines resolve names. Setting a variable writes where it is defined, else on the
/// process scope (or locally, when asked).
/// </summary>
internal readonly struct VariableView(InstanceState instance, ScopeState scope)
{
    public ScopeState Scope => scope;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var current = scope; current is not null; current = Parent(current))
        {
            if (current.Variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public JsonNode? Get(string name) => TryGet(name, out var value) ? value : null;

    public IEnumerable<string> Names
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = scope; current is not null; current = Parent(current))
            {
                foreach (var name in current.Variables.Keys)
                {
                    if (seen.Add(name))
                    {
                        yield return name;
                    }
                }
            }
        }
    }

    /// <summary>Sets where defined, else on the process scope.</summary>
    public void Set(string name, JsonNode? value)
    {
        for (var current = scope; current is not null; current = Parent(current))
        {
            if (current.Variables.ContainsKey(name))
            {
                current.Variables[name] = value;
                return;
            }
        }

        instance.Scopes[0].Variables[name] = value;
    }

    public void SetLocal(string name, JsonNode? value) => scope.Variables[name] = value;

    private ScopeState? Parent(ScopeState current)
    {
        if (current.ParentId is null)
        {
            return null;
        }

        foreach (var candidate in instance.Scopes)
        {
            if (candidate.Id == current.ParentId)
            {
                return candidate;
            }
        }

        return null;
    }
}
