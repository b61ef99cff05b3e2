using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>Variables typed as a JSON object (start an instance, retry an incident).</summary>
public static class VariablesJson
{
    /// <summary>
    /// Reads <c>{"name": value, …}</c>. Blank text is no variables (true, null); anything that is not
    /// a JSON object is refused (false).
    /// </summary>
    public static bool TryParse(string? text, out IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        variables = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject json)
            {
                variables = json.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
                return true;
            }
        }
        catch (JsonException)
        {
            // Reported below like any other non-object.
        }

        return false;
    }
}
