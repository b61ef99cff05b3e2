using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>
/// One evaluator for every expression test, as in the application: pooled engines are reused across
/// tests, which is what the isolation tests rely on to catch leaks.
/// </summary>
internal static class Evaluation
{
    public static JintExpressionEvaluator Evaluator { get; } = new();

    /// <summary>
    /// The default limits with a one-minute clock: on a loaded machine (or a cold JIT) the 100 ms limit
    /// can stop code before the limit a test is about; this evaluator lets that limit speak.
    /// </summary>
    public static JintExpressionEvaluator Untimed { get; } = new(new ExpressionLimits { Timeout = TimeSpan.FromMinutes(1) });

    public static IVariableScope Vars(params (string Name, JsonNode? Value)[] variables) =>
        new VariableScope(variables.Select(variable => KeyValuePair.Create(variable.Name, variable.Value)));

    public static ExpressionResult Evaluate(string expression, IVariableScope? variables = null) =>
        Evaluator.Evaluate(expression, variables ?? VariableScope.Empty, TestContext.Current.CancellationToken);

    public static ExpressionResult Condition(string expression, IVariableScope? variables = null) =>
        Evaluator.EvaluateBoolean(expression, variables ?? VariableScope.Empty, TestContext.Current.CancellationToken);

    public static ScriptResult Run(string script, IVariableScope? variables = null) =>
        Evaluator.RunScript(script, variables ?? VariableScope.Empty, TestContext.Current.CancellationToken);

    public static ExpressionResult EvaluateUntimed(string expression, IVariableScope? variables = null) =>
        Untimed.Evaluate(expression, variables ?? VariableScope.Empty, TestContext.Current.CancellationToken);

    public static ScriptResult RunUntimed(string script, IVariableScope? variables = null) =>
        Untimed.RunScript(script, variables ?? VariableScope.Empty, TestContext.Current.CancellationToken);

    /// <summary>The value of a successful evaluation; fails the test with the error otherwise.</summary>
    public static JsonNode? Value(ExpressionResult result)
    {
        Assert.True(result.IsSuccess, $"Expected a value, got {result.Error}");
        return result.Value;
    }

    /// <summary>The error of a failed evaluation; fails the test with the value otherwise.</summary>
    public static ExpressionError Error(ExpressionResult result)
    {
        Assert.False(result.IsSuccess, $"Expected an error, got {result.Value?.ToJsonString() ?? "null"}");
        return result.Error;
    }

    public static ExpressionError Error(ScriptResult result)
    {
        Assert.False(result.IsSuccess, $"Expected an error, got {result.Value?.ToJsonString() ?? "null"}");
        return result.Error;
    }

    /// <summary>Asserts success and returns the result, for reading its value and variables.</summary>
    public static ScriptResult Succeeded(ScriptResult result)
    {
        Assert.True(result.IsSuccess, $"Expected success, got {result.Error}");
        return result;
    }

    public static bool Json(JsonNode? expected, JsonNode? actual) => JsonNode.DeepEquals(expected, actual);
}
