using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>Variables visible to an expression.</summary>
public interface IVariableScope
{
    bool TryGet(string name, out JsonNode? value);

    IEnumerable<string> Names { get; }
}

/// <summary>Evaluates expressions and scripts in a sandbox.</summary>
public interface IExpressionEvaluator
{
    ExpressionResult Evaluate(string expression, IVariableScope variables);

    ScriptResult RunScript(string script, IVariableScope variables);
}

public sealed record ExpressionError(string Message);

public sealed record ExpressionResult(bool Success, JsonNode? Value, ExpressionError? Error);

public sealed record ScriptResult(bool Success, JsonNode? Value, IReadOnlyDictionary<string, JsonNode?> Variables, ExpressionError? Error);
