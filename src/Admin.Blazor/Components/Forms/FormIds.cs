using System.Text;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>Element ids of a rendered form's inputs, derived from the field paths.</summary>
public static class FormIds
{
    /// <summary>The id of the input at <paramref name="path"/>, e.g. <c>f1-items-2-serialNo</c> for <c>items[2].serialNo</c>.</summary>
    public static string For(string prefix, string path)
    {
        var id = new StringBuilder(prefix.Length + path.Length + 1).Append(prefix).Append('-');
        foreach (var c in path)
        {
            id.Append(c is '.' or '[' or ']' || char.IsWhiteSpace(c) ? '-' : c);
        }

        return id.ToString().TrimEnd('-');
    }
}
