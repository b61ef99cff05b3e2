using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML into a <see cref="BpmnDocument"/> and validates it. Never throws for bad
/// input and never hangs: every problem is a <see cref="BpmnDiagnostic"/>.
/// </summary>
public static class BpmnParser
{
    /// <summary>Parses XML text.</summary>
    public static BpmnParseResult Parse(string xml, BpmnParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= BpmnParserOptions.Default;
        if (xml.Length > options.MaxCharacters)
        {
            return new BpmnParseResult(null, [BpmnXmlReader.TooLarge(options, 1, 1)]);
        }

        using var reader = new StringReader(xml);
        return Parse(reader, options);
    }

    /// <summary>Parses a stream (UTF-8 unless the XML declaration says otherwise).</summary>
    public static BpmnParseResult Parse(Stream stream, BpmnParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= BpmnParserOptions.Default;
        if (stream.CanSeek && stream.Length - stream.Position > options.MaxCharacters * 4)
        {
            return new BpmnParseResult(null, [BpmnXmlReader.TooLarge(options, 1, 1)]);
        }

        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader, options);
    }

    /// <summary>Parses a file; an unreadable file is a diagnostic too.</summary>
    public static BpmnParseResult ParseFile(string path, BpmnParserOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BpmnParseResult(null,
            [
                new BpmnDiagnostic(DiagnosticCodes.MalformedXml, DiagnosticSeverity.Error, $"The file could not be opened: {ex.Message}", null, 0, 0),
            ]);
        }
    }

    private static BpmnParseResult Parse(TextReader text, BpmnParserOptions options)
    {
        var diagnostics = new List<BpmnDiagnostic>();
        var root = BpmnXmlReader.Read(text, options, diagnostics);
        BpmnDocument? document = null;
        if (root is not null)
        {
            document = BpmnModelBuilder.Build(root, diagnostics);
            if (document is not null)
            {
                BpmnValidator.Validate(document, diagnostics);
            }
        }

        var ordered = diagnostics
            .OrderBy(d => d.Line == 0 ? int.MaxValue : d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        return new BpmnParseResult(document, ordered);
    }
}
