namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Runs the JavaScript in a definition — gateway conditions, multi-instance cardinality, collection and
/// completion condition, assignees, call-activity mappings, correlation keys, script tasks — against
/// process variables, in a sandbox: a hostile or broken expression becomes an <see cref="ExpressionError"/>,
/// never a hang, a crash or access to .NET. Implementations are safe to call from many threads at once.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Evaluates one expression, written <c>${approved == true}</c> or bare (<c>approved == true</c>).
    /// Variables are read as globals by name, or with <c>execution.getVariable(name)</c>.
    /// </summary>
    /// <param name="expression">The expression text as written in the definition.</param>
    /// <param name="variables">The variables the expression can read.</param>
    /// <param name="cancellationToken">Stops a running evaluation; cancellation throws <see cref="OperationCanceledException"/>.</param>
    ExpressionResult Evaluate(string expression, IVariableScope variables, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a script task's script. Besides reading variables it may set them with
    /// <c>execution.setVariable(name, value)</c>; the result lists them and the script's completion value.
    /// </summary>
    /// <param name="script">The script text (JavaScript statements).</param>
    /// <param name="variables">The variables the script can read.</param>
    /// <param name="cancellationToken">Stops a running script; cancellation throws <see cref="OperationCanceledException"/>.</param>
    ScriptResult RunScript(string script, IVariableScope variables, CancellationToken cancellationToken = default);
}
