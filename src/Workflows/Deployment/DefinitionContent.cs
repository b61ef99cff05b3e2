using System.Security.Cryptography;
using System.Text;

namespace ApprovalHub.Workflows.Deployment;

/// <summary>
/// What "the same content" means for a deployment. Editors and operating systems differ in
/// byte-order marks, line endings and trailing blank lines; none of that changes a process, so
/// none of it should create a new version. Everything else (attributes, whitespace inside
/// lines, the diagram) counts: the stored XML is what the designer shows.
/// </summary>
public static class DefinitionContent
{
    /// <summary>Drops a leading byte-order mark, turns CRLF and CR into LF, and trims trailing whitespace.</summary>
    public static string Normalize(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var text = xml.StartsWith('\uFEFF') ? xml[1..] : xml;
        text = text.ReplaceLineEndings("\n");
        return text.TrimEnd();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of already normalized XML.</summary>
    public static string Hash(string normalizedXml)
    {
        ArgumentNullException.ThrowIfNull(normalizedXml);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalizedXml));
        return Convert.ToHexStringLower(hash);
    }
}
