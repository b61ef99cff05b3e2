using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Admin.Blazor.Components.Admin.Forms;

/// <summary>
/// What the server makes of a schema the form editor sends: the parsed form (which the preview
/// shows) or why it cannot be used (the same parser the engine's server-side validation uses).
/// </summary>
public sealed record FormPreview(FormSchema? Schema, string? Error)
{
    /// <summary>Parses a form-js schema.</summary>
    public static FormPreview Of(string json)
    {
        try
        {
            return new FormPreview(FormSchema.Parse(json), null);
        }
        catch (FormSchemaException ex)
        {
            return new FormPreview(null, ex.Message);
        }
    }
}
