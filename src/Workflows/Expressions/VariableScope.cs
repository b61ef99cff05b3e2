using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// A plain <see cref="IVariableScope"/> over a dictionary, optionally nested in a parent scope whose
/// variables it shadows. The engine's persistent scopes implement the interface themselves; this one
/// serves callers that only have a handful of values (tests, the CLI, previews in the designer).
/// </summary>
public sealed class VariableScope : IVariableScope
{
    private readonly Dictionary<string, JsonNode?> _variables;
    private readonly IVariableScope? _parent;

    /// <summary>A scope with no variables.</summary>
    public static IVariableScope Empty { get; } = new VariableScope([]);

    /// <summary>Creates a scope holding <paramref name="variables"/>, in front of <paramref name="parent"/>.</summary>
    /// <remarks>The values are kept as given, not copied: evaluation never changes them.</remarks>
    public VariableScope(IEnumerable<KeyValuePair<string, JsonNode?>> variables, IVariableScope? parent = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
        _parent = parent;
    }

    /// <inheritdoc/>
    public bool TryGet(string name, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_variables.TryGetValue(name, out value))
        {
            return true;
        }

        if (_parent is not null)
        {
            return _parent.TryGet(name, out value);
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerable<string> Names =>
        _parent is null ? _variables.Keys : _variables.Keys.Concat(_parent.Names.Where(name => !_variables.ContainsKey(name)));
}
