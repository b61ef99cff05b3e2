namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>The HTML <c>accept</c> rule of a filepicker (<c>.pdf,.jpg</c>, <c>image/*</c>), checked before a file is uploaded.</summary>
public static class FileAccept
{
    /// <summary>True when <paramref name="accept"/> is empty or names the file's extension or content type.</summary>
    public static bool Allows(string? accept, string fileName, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        var extension = Path.GetExtension(fileName);
        foreach (var token in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var allowed = token.StartsWith('.')
                ? string.Equals(token, extension, StringComparison.OrdinalIgnoreCase)
                : token.EndsWith("/*", StringComparison.Ordinal)
                    ? contentType?.StartsWith(token[..^1], StringComparison.OrdinalIgnoreCase) == true
                    : string.Equals(token, contentType, StringComparison.OrdinalIgnoreCase);
            if (allowed)
            {
                return true;
            }
        }

        return false;
    }
}
