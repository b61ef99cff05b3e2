using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>The outcome of <see cref="IExpressionEvaluator.Evaluate"/>: a JSON value, or an error.</summary>
public sealed class ExpressionResult
{
    private ExpressionResult(JsonNode? value, ExpressionError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>True when the expression produced a value; <see cref="Error"/> is then null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>
    /// The value, as the engine stores variables: null for JavaScript <c>null</c> and <c>undefined</c>,
    /// integral numbers as integers, dates as ISO-8601 strings. Always null when the evaluation failed.
    /// </summary>
    public JsonNode? Value { get; }

    /// <summary>Why the evaluation failed, or null when it succeeded.</summary>
    public ExpressionError? Error { get; }

    /// <summary>
    /// True only for a successful evaluation whose value is the JSON boolean <c>true</c>. Check
    /// <see cref="IsSuccess"/> first: a failed condition is an incident, not a "false".
    /// </summary>
    public bool IsTrue => Error is null && Value is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>A successful result.</summary>
    public static ExpressionResult Success(JsonNode? value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ExpressionResult Failure(ExpressionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ExpressionResult(null, error);
    }

    /// <inheritdoc/>
    public override string ToString() => Error?.ToString() ?? Value?.ToJsonString() ?? "null";
}
