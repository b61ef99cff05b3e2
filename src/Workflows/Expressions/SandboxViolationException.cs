namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Thrown by the evaluator's own host functions and guards to stop an evaluation with a known error.
/// It is a .NET exception, not a JavaScript one, so a script's <c>try/catch</c> cannot swallow it.
/// </summary>
internal sealed class SandboxViolationException(ExpressionErrorKind kind, string message) : Exception(message)
{
    public ExpressionErrorKind Kind { get; } = kind;
}

/// <summary>
/// Carries an exception thrown by an <see cref="IVariableScope"/> out through the engine. A scope that
/// fails (storage unavailable) is the caller's problem, not the expression's: the evaluator rethrows
/// the original instead of reporting an expression error.
/// </summary>
internal sealed class VariableScopeException(Exception inner) : Exception(inner.Message, inner);
