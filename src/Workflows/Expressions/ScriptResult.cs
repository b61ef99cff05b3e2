using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// The outcome of <see cref="IExpressionEvaluator.RunScript"/>: the variables the script set with
/// <c>execution.setVariable</c> and its completion value, or an error.
/// </summary>
public sealed class ScriptResult
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> None = new Dictionary<string, JsonNode?>();

    private ScriptResult(JsonNode? value, IReadOnlyDictionary<string, JsonNode?> variables, ExpressionError? error)
    {
        Value = value;
        Variables = variables;
        Error = error;
    }

    /// <summary>True when the script ran to completion; <see cref="Error"/> is then null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>
    /// The script's completion value (the value of its last expression statement, as <c>eval</c> would
    /// give it), which the engine stores in <c>ah:resultVariable</c>. Null when there is none.
    /// </summary>
    public JsonNode? Value { get; }

    /// <summary>
    /// The variables the script set, by name, each with the value it was last set to. Empty when the
    /// script failed: a failing script task is retried, so its partial assignments must not be kept.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    /// <summary>Why the script failed, or null when it succeeded.</summary>
    public ExpressionError? Error { get; }

    /// <summary>A successful result.</summary>
    public static ScriptResult Success(JsonNode? value, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new ScriptResult(value, variables, null);
    }

    /// <summary>A failed result; it carries no variables.</summary>
    public static ScriptResult Failure(ExpressionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ScriptResult(null, None, error);
    }

    /// <inheritdoc/>
    public override string ToString() => Error?.ToString() ?? Value?.ToJsonString() ?? "null";
}
