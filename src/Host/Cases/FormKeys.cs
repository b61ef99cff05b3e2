using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Host.Cases;

/// <summary>The keys a form's submission has at its top level (flat groups lay their fields out at the parent's level).</summary>
internal static class FormKeys
{
    public static IEnumerable<string> TopLevel(FormSchema schema) => Level(schema.Components);

    /// <summary>True when the form has a top-level field <paramref name="key"/>.</summary>
    public static bool Has(FormSchema schema, string key) => TopLevel(schema).Contains(key, StringComparer.Ordinal);

    private static IEnumerable<string> Level(IEnumerable<FormComponent> components)
    {
        foreach (var c in components)
        {
            if (c.Type == "group" && c.Key is null)
            {
                foreach (var key in Level(c.Components))
                {
                    yield return key;
                }
            }
            else if (c.Key is not null)
            {
                yield return c.Key;
            }
        }
    }
}
