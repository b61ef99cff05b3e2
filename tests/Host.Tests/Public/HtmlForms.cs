using System.Net;
using System.Text.RegularExpressions;

namespace ApprovalHub.Host.Tests.Public;

/// <summary>Reads what a browser would post from a server-rendered form: its hidden fields (antiforgery token, form name).</summary>
internal static partial class HtmlForms
{
    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Value();

    /// <summary>Every hidden field of the page (the sign-in page has one form).</summary>
    public static Dictionary<string, string> HiddenInputs(string html) =>
        HiddenInput().Matches(html)
            .Select(m => (Name: Name().Match(m.Value).Groups[1].Value, Value: WebUtility.HtmlDecode(Value().Match(m.Value).Groups[1].Value)))
            .Where(f => f.Name.Length > 0)
            .ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    /// <summary>The hidden fields of the first form posting to <paramref name="formName"/> (Blazor's <c>_handler</c>).</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formName)
    {
        var start = html.IndexOf($"value=\"{formName}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No form named {formName} in the page.");
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var formEnd = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[formStart..formEnd];
        return HiddenInput().Matches(form)
            .Select(m => (Name: Name().Match(m.Value).Groups[1].Value, Value: WebUtility.HtmlDecode(Value().Match(m.Value).Groups[1].Value)))
            .ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
    }
}
