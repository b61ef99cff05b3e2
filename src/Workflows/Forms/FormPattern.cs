using System.Text.RegularExpressions;

namespace ApprovalHub.Workflows.Forms;

/// <summary>
/// Compiles a form's <c>validate.pattern</c>. A pattern comes from a definition file that analysts
/// edit, and the text it is matched against comes from whoever submits the form, so a pattern with
/// catastrophic backtracking (<c>^(a+)+$</c>) must not let a submission hold a server thread. Two
/// defences: patterns are run by the non-backtracking engine (linear in the input) whenever it
/// supports them; the few it does not (back-references, look-arounds) run with a
/// <see cref="Timeout"/>, and a match that times out is a validation error, not a hang.
/// </summary>
public static class FormPattern
{
    /// <summary>The longest pattern accepted.</summary>
    public const int MaxPatternLength = 1000;

    /// <summary>How long one match may run, like the expression sandbox's limit.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="where"/> names the component for the error.</summary>
    /// <exception cref="FormSchemaException">The pattern is too long or not a valid regular expression.</exception>
    public static Regex Compile(string pattern, string where)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxPatternLength)
        {
            throw new FormSchemaException($"{where}: the pattern is longer than {MaxPatternLength} characters.");
        }

        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Timeout);
        }
        catch (NotSupportedException)
        {
            // Back-references and look-arounds need the backtracking engine; the timeout bounds it.
        }
        catch (ArgumentException e)
        {
            throw new FormSchemaException($"{where}: the pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            throw new FormSchemaException($"{where}: the pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
        }
    }
}
