using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Persistence.Engine;

// The JSON format of wf_instances.state. These types, not the runtime's, are the storage contract:
// renaming a runtime property must not make stored instances unreadable. Names are one or two
// letters because the document is written on every command and most of its size is names; values
// equal to their default are left out (see PersistenceJsonContext).

/// <summary>The part of an instance that is not a column.</summary>
internal sealed class StoredInstanceState
{
    [JsonPropertyName("n")]
    public int NextId { get; set; }

    [JsonPropertyName("s")]
    public List<StoredScope> Scopes { get; set; } = [];

    [JsonPropertyName("t")]
    public List<StoredToken> Tokens { get; set; } = [];
}

/// <summary>A <see cref="ScopeState"/>.</summary>
internal sealed class StoredScope
{
    [JsonPropertyName("i")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("e")]
    public string ElementId { get; set; } = string.Empty;

    [JsonPropertyName("k")]
    public ScopeKind Kind { get; set; }

    [JsonPropertyName("p")]
    public string? ParentId { get; set; }

    [JsonPropertyName("pt")]
    public string? ParentTokenId { get; set; }

    [JsonPropertyName("v")]
    public Dictionary<string, JsonNode?>? Variables { get; set; }
}

/// <summary>A <see cref="TokenState"/>.</summary>
internal sealed class StoredToken
{
    [JsonPropertyName("i")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("s")]
    public string ScopeId { get; set; } = string.Empty;

    [JsonPropertyName("e")]
    public string ElementId { get; set; } = string.Empty;

    [JsonPropertyName("st")]
    public TokenStatus Status { get; set; }

    [JsonPropertyName("a")]
    public string? ArrivedVia { get; set; }

    [JsonPropertyName("tk")]
    public Guid? TaskId { get; set; }

    [JsonPropertyName("ci")]
    public Guid? ChildInstanceId { get; set; }

    [JsonPropertyName("cs")]
    public string? ChildScopeId { get; set; }

    [JsonPropertyName("l")]
    public bool Listening { get; set; }

    [JsonPropertyName("at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Attempt { get; set; }
}
