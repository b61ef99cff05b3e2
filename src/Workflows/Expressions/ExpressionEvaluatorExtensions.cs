using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>Evaluation helpers shared by every <see cref="IExpressionEvaluator"/>.</summary>
public static class ExpressionEvaluatorExtensions
{
    private const int MaxShownLength = 60;

    // Messages are read by people: show 张三, not \u5F20\u4E09.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Evaluates a condition (a sequence flow's condition, a completion condition). The value must be
    /// the boolean <c>true</c> or <c>false</c>; anything else is an <see cref="ExpressionErrorKind.Type"/>
    /// error rather than being converted with JavaScript truthiness.
    /// </summary>
    /// <remarks>
    /// Truthiness would make <c>${approved}</c> take the "yes" branch when <c>approved</c> holds the
    /// string <c>"false"</c> (a form posting text), and the "no" branch when a typo yields
    /// <c>undefined</c>. Both are silent wrong routings of a legal case; a clear error that an analyst
    /// can fix is better. Write <c>${approved == true}</c> or <c>${amount &gt; 0}</c> to be explicit.
    /// </remarks>
    public static ExpressionResult EvaluateBoolean(
        this IExpressionEvaluator evaluator, string expression, IVariableScope variables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var result = evaluator.Evaluate(expression, variables, cancellationToken);
        if (!result.IsSuccess || result.Value is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return result;
        }

        return ExpressionResult.Failure(new ExpressionError(
            ExpressionErrorKind.Type, $"The condition must be true or false, got {Describe(result.Value)}.", expression));
    }

    /// <summary>A value as an analyst would recognise it: strings in quotes, the rest as JSON, shortened.</summary>
    internal static string Describe(JsonNode? value)
    {
        var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var s)
            ? $"'{s}'"
            : value?.ToJsonString(Readable) ?? "null";
        return text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");
    }
}
