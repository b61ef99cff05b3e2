namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// What went wrong when an expression or script ran. Errors are values, not exceptions: a broken
/// condition in a deployed definition is a business incident to show to whoever maintains the
/// definition, so <see cref="Message"/> is written for a business analyst rather than for a developer.
/// </summary>
/// <param name="Kind">The category of the failure; the engine decides from it whether retrying can help.</param>
/// <param name="Message">A sentence saying what went wrong, e.g. "There is no variable named 'amont'".</param>
/// <param name="Expression">The expression or script text as written in the definition.</param>
public sealed record ExpressionError(ExpressionErrorKind Kind, string Message, string Expression)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}
