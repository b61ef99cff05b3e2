using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// The variables an expression can see. The engine keeps variables as JSON so that they persist the
/// same way on SQLite and PostgreSQL; its scopes resolve a name locally first, then in the parent
/// scope (a multi-instance body, then its process, for example).
/// </summary>
public interface IVariableScope
{
    /// <summary>
    /// Looks a variable up by name. A variable that exists with the JSON value <c>null</c> returns true
    /// with a null <paramref name="value"/>; a variable that does not exist returns false.
    /// </summary>
    bool TryGet(string name, out JsonNode? value);

    /// <summary>The names of every visible variable (each once, nearest scope first).</summary>
    IEnumerable<string> Names { get; }
}
