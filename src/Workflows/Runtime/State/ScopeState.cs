using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Runtime.State;

/// <summary>
/// A scope instance: the process, an embedded subprocess, a multi-instance body or one of its
/// items. Scopes hold variables; lookups go from the innermost scope outwards.
/// </summary>
public sealed class ScopeState
{
    /// <summary>Id unique within the instance ("s0" is the process scope).</summary>
    public required string Id { get; init; }

    /// <summary>The process id, or the id of the subprocess or multi-instance activity.</summary>
    public required string ElementId { get; init; }

    /// <summary>What kind of scope this is.</summary>
    public required ScopeKind Kind { get; init; }

    /// <summary>The enclosing scope; null for the process scope.</summary>
    public string? ParentId { get; init; }

    /// <summary>The token in the parent scope that waits for this scope to finish.</summary>
    public string? ParentTokenId { get; init; }

    /// <summary>
    /// Variables defined in this scope. Values are treated as immutable: a change replaces the node,
    /// so snapshots can share them.
    /// </summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A copy with its own variable table (values shared, see <see cref="Variables"/>).</summary>
    public ScopeState Clone() => new()
    {
        Id = Id,
        ElementId = ElementId,
        Kind = Kind,
        ParentId = ParentId,
        ParentTokenId = ParentTokenId,
        Variables = new Dictionary<string, JsonNode?>(Variables, StringComparer.Ordinal),
    };
}
