using Acornima;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// The two ways an expression is written in a definition: <c>${approved == true}</c> (a JavaScript
/// expression inside <c>${}</c>, the form analysts know from Camunda and Flowable) or bare
/// JavaScript. This type unwraps the first form and checks syntax without running anything.
/// </summary>
/// <remarks>
/// Syntax is checked in strict mode because <see cref="JintExpressionEvaluator"/> runs code in strict
/// mode: what validation accepts must also run.
/// </remarks>
public static class ExpressionText
{
    /// <summary>True when the text is wrapped as <c>${…}</c>.</summary>
    public static bool IsWrapped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        return trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith("}");
    }

    /// <summary>The JavaScript inside <c>${…}</c>, or the whole (trimmed) text when it is not wrapped.</summary>
    public static string Unwrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return IsWrapped(trimmed) ? trimmed[2..^1].Trim() : trimmed;
    }

    /// <summary>
    /// Checks that <paramref name="text"/> is one JavaScript expression. Returns null when it is,
    /// else a message saying what is wrong and where (1-based column inside the expression).
    /// </summary>
    public static string? CheckExpression(string text)
    {
        var js = Unwrap(text);
        if (js.Length == 0)
        {
            return "The expression is empty.";
        }

        try
        {
            new Parser().ParseExpression(js, strict: true);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return $"'{js}' is not a valid JavaScript expression: {ex.Error?.Description ?? ex.Message} (column {ex.Column}).";
        }
        catch (InsufficientExecutionStackException)
        {
            // The parser recurses per nesting level; thousands of '(' would otherwise end the process.
            return $"'{Shorten(js)}' is nested too deeply to be read.";
        }
    }

    /// <summary>Checks that <paramref name="script"/> is a valid JavaScript script (for script tasks).</summary>
    public static string? CheckScript(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            new Parser().ParseScript(script, strict: true);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return $"The script is not valid JavaScript: {ex.Error?.Description ?? ex.Message} (line {ex.LineNumber}, column {ex.Column}).";
        }
        catch (InsufficientExecutionStackException)
        {
            return "The script is nested too deeply to be read.";
        }
    }

    /// <summary>The start of a long text, for messages that quote it.</summary>
    internal static string Shorten(string text, int length = 80) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
