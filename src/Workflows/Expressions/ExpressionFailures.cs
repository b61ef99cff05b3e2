using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Turns whatever stopped an evaluation into an <see cref="ExpressionError"/> an analyst can act on.
/// Translation reads only data the engine already holds — never a getter, a <c>toString</c> or a proxy
/// trap of the thrown value — because running more of the failing code here would escape the limits.
/// </summary>
internal static partial class ExpressionFailures
{
    // Names that a script written for a CLR-enabled Jint would use to reach .NET.
    private static readonly HashSet<string> ClrNames = new(StringComparer.Ordinal) { "System", "importNamespace", "clrHelper" };

    public static ExpressionError Translate(Exception exception, string text, ExpressionLimits limits)
    {
        var (kind, message) = exception switch
        {
            SandboxViolationException violation => (violation.Kind, violation.Message),
            JavaScriptException script => FromJavaScript(script, limits),
            StatementsCountOverflowException =>
                (ExpressionErrorKind.StatementLimit, $"It ran more than {limits.MaxStatements:N0} statements and was stopped; is there an endless loop?"),
            TimeoutException or RegexMatchTimeoutException =>
                (ExpressionErrorKind.Timeout, $"It ran longer than {limits.Timeout.TotalMilliseconds:N0} ms and was stopped."),
            MemoryLimitExceededException =>
                (ExpressionErrorKind.MemoryLimit, $"It used more than {limits.MemoryBytes / (1024 * 1024)} MB of memory and was stopped."),
            OutOfMemoryException =>
                (ExpressionErrorKind.MemoryLimit, "It tried to allocate more memory than the server can give and was stopped."),
            RecursionDepthOverflowException or InsufficientExecutionStackException => Recursion(limits),
            _ => (ExpressionErrorKind.Runtime, $"It failed unexpectedly: {exception.Message}"),
        };
        return new ExpressionError(kind, message, text);
    }

    private static (ExpressionErrorKind, string) Recursion(ExpressionLimits limits) =>
        (ExpressionErrorKind.Recursion, $"Functions called each other more than {limits.MaxRecursion} deep and were stopped; is there an endless recursion?");

    private static (ExpressionErrorKind, string) FromJavaScript(JavaScriptException exception, ExpressionLimits limits)
    {
        var name = ErrorName(exception.Error);
        var message = exception.Message;
        if (name is null)
        {
            return (ExpressionErrorKind.Runtime, $"It threw {Thrown(exception.Error)}.");
        }

        if (message.Contains("String compilation has been disabled", StringComparison.Ordinal))
        {
            return (ExpressionErrorKind.Forbidden, "Building code from text (eval, Function, new Function) is not allowed.");
        }

        if (name == "RangeError" && message.Contains("call stack size", StringComparison.Ordinal))
        {
            return Recursion(limits);
        }

        if (name == "ReferenceError" && NotDefined().Match(message) is { Success: true } match)
        {
            var variable = match.Groups["name"].Value;
            return ClrNames.Contains(variable)
                ? (ExpressionErrorKind.Forbidden, $"Expressions cannot reach .NET: '{variable}' is not available.")
                : (ExpressionErrorKind.Runtime, $"There is no variable named '{variable}'.");
        }

        return (ExpressionErrorKind.Runtime, $"{name}: {message}");
    }

    /// <summary>
    /// The error's class name (<c>TypeError</c>) from the nearest own data property <c>name</c> on its
    /// prototype chain, or null when the thrown value is not an object.
    /// </summary>
    /// <remarks>
    /// Getters are not called. A proxy on the chain would run its trap; that code is still under the
    /// engine's limits (they are re-armed when an evaluation ends), and whatever it throws only costs
    /// the name.
    /// </remarks>
    private static string? ErrorName(JsValue thrown)
    {
        if (thrown is not ObjectInstance error)
        {
            return null;
        }

        try
        {
            var current = error;
            for (var depth = 0; current is not null && depth < 3; depth++)
            {
                if (current.GetOwnProperty("name") is { } descriptor && descriptor.IsDataDescriptor() && descriptor.Value is JsString name)
                {
                    return name.ToString();
                }

                current = current.Prototype;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fall through to the generic name.
        }

        return "Error";
    }

    private static string Thrown(JsValue value) => value switch
    {
        JsString text => $"'{ExpressionText.Shorten(text.ToString())}'",
        JsNumber or JsBoolean => value.ToString(),
        _ when value.IsNull() || value.IsUndefined() => value.ToString(),
        _ => "a value that is not an error",
    };

    [GeneratedRegex("^(?<name>\\S+) is not defined$")]
    private static partial Regex NotDefined();
}
