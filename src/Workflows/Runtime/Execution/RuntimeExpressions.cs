using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// The engine's use of the expression sandbox: conditions must be booleans, counts integers,
/// collections arrays. Any failure becomes an <see cref="ExpressionFailedException"/>, which the
/// interpreter turns into an incident on the token.
/// </summary>
internal sealed class RuntimeExpressions(IExpressionEvaluator evaluator)
{
    public bool Condition(string text, VariableView view, string where)
    {
        var value = Value(text, view, where);
        return value is JsonValue v && v.TryGetValue<bool>(out var b)
            ? b
            : throw new ExpressionFailedException($"The condition {text} on '{where}' must be true or false, but gave {Describe(value)}.");
    }

    public JsonNode? Value(string text, VariableView view, string where)
    {
        var result = evaluator.Evaluate(text, new Scope(view));
        return result.IsSuccess
            ? result.Value
            : throw new ExpressionFailedException($"The expression {text} on '{where}' failed: {result.Error?.Message}");
    }

    public string? Text(string? text, VariableView view, string where)
    {
        if (text is null || !ExpressionText.IsWrapped(text))
        {
            return text;
        }

        var value = Value(text, view, where);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    public int Count(string text, VariableView view, string where)
    {
        var value = Value(text, view, where);
        if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d >= 0 && d == Math.Floor(d) && d <= 10_000)
        {
            // Numbers may be held as int, long, double or a JsonElement; their JSON text is the common form.
            return (int)d;
        }

        throw new ExpressionFailedException($"The loop cardinality {text} on '{where}' must be a whole number from 0 to 10000, but gave {Describe(value)}.");
    }

    public JsonArray Collection(string text, VariableView view, string where)
    {
        var value = Value(text, view, where);
        return value as JsonArray
               ?? throw new ExpressionFailedException($"The collection {text} on '{where}' must be a list, but gave {Describe(value)}.");
    }

    public (JsonNode? Result, IReadOnlyDictionary<string, JsonNode?> Assigned) Script(string script, VariableView view, string where)
    {
        var result = evaluator.RunScript(script, new Scope(view));
        return result.IsSuccess
            ? (result.Value, result.Variables)
            : throw new ExpressionFailedException($"The script of '{where}' failed: {result.Error?.Message}");
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : $"'{value.ToJsonString()}'";

    private sealed class Scope(VariableView view) : IVariableScope
    {
        public IEnumerable<string> Names => view.Names;

        public bool TryGet(string name, out JsonNode? value) => view.TryGet(name, out value);
    }
}

/// <summary>An expression or script failed; the token gets an incident with this message.</summary>
internal sealed class ExpressionFailedException(string message) : Exception(message);
