using System.Xml;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Reads XML into the lossless <see cref="BpmnXmlElement"/> tree with a hardened
/// <see cref="XmlReader"/>: DTDs prohibited (no entity expansion, no billion laughs), no resolver
/// (no external fetches), a size limit and a nesting limit. Every failure becomes a diagnostic;
/// nothing throws out of here.
/// </summary>
internal static class BpmnXmlReader
{
    public static BpmnXmlElement? Read(TextReader text, BpmnParserOptions options, List<BpmnDiagnostic> diagnostics)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreWhitespace = false,
            IgnoreComments = false,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        XmlReader? reader = null;
        try
        {
            reader = XmlReader.Create(text, settings);
            return ReadDocument(reader, options, diagnostics);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.DtdProhibited,
                DiagnosticSeverity.Error,
                "The file declares a DTD (<!DOCTYPE …>). DTDs are refused for safety; BPMN files never need one.",
                null,
                LineOf(ex, reader),
                ColumnOf(ex, reader)));
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal)
                                      || ex.Message.Contains("maximum allowed", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(TooLarge(options, LineOf(ex, reader), ColumnOf(ex, reader)));
        }
        catch (XmlException ex)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.MalformedXml,
                DiagnosticSeverity.Error,
                $"The file is not well-formed XML: {ex.Message}",
                null,
                LineOf(ex, reader),
                ColumnOf(ex, reader)));
        }
        catch (DepthExceededException ex)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.NestingTooDeep,
                DiagnosticSeverity.Error,
                $"Elements are nested more than {options.MaxDepth} levels deep; real process models never are. The file was not read further.",
                null,
                ex.Line,
                ex.Column));
        }
        catch (Exception ex) when (ex is IOException or System.Text.DecoderFallbackException)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.MalformedXml,
                DiagnosticSeverity.Error,
                $"The file could not be read: {ex.Message}",
                null,
                0,
                0));
        }
        finally
        {
            reader?.Dispose();
        }

        return null;
    }

    // Some XmlExceptions (the DTD refusal among them) carry no position; the reader still knows where it stopped.
    private static int LineOf(XmlException ex, XmlReader? reader) =>
        ex.LineNumber > 0 ? ex.LineNumber : Math.Max(1, (reader as IXmlLineInfo)?.LineNumber ?? 1);

    private static int ColumnOf(XmlException ex, XmlReader? reader) =>
        ex.LineNumber > 0 ? ex.LinePosition : Math.Max(1, (reader as IXmlLineInfo)?.LinePosition ?? 1);

    internal static BpmnDiagnostic TooLarge(BpmnParserOptions options, int line, int column) => new(
        DiagnosticCodes.FileTooLarge,
        DiagnosticSeverity.Error,
        $"The file is larger than the {options.MaxCharacters / (1024 * 1024)} MB limit for a BPMN definition.",
        null,
        line,
        column);

    private static BpmnXmlElement? ReadDocument(XmlReader reader, BpmnParserOptions options, List<BpmnDiagnostic> diagnostics)
    {
        var lineInfo = (IXmlLineInfo)reader;
        var stack = new Stack<PendingElement>();
        BpmnXmlElement? root = null;

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    if (stack.Count >= options.MaxDepth)
                    {
                        throw new DepthExceededException(lineInfo.LineNumber, lineInfo.LinePosition);
                    }

                    var line = lineInfo.LineNumber;
                    var column = lineInfo.LinePosition;
                    var pending = new PendingElement(reader.NamespaceURI, reader.LocalName, reader.Prefix, line, column);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            pending.Attributes.Add(new BpmnXmlAttribute(
                                reader.NamespaceURI,
                                reader.LocalName,
                                reader.Prefix,
                                reader.Value,
                                lineInfo.LineNumber,
                                lineInfo.LinePosition));
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    if (reader.IsEmptyElement)
                    {
                        var element = pending.Build();
                        if (stack.Count == 0)
                        {
                            root = element;
                        }
                        else
                        {
                            stack.Peek().Children.Add(element);
                        }
                    }
                    else
                    {
                        stack.Push(pending);
                    }

                    break;
                }

                case XmlNodeType.EndElement:
                {
                    var element = stack.Pop().Build();
                    if (stack.Count == 0)
                    {
                        root = element;
                    }
                    else
                    {
                        stack.Peek().Children.Add(element);
                    }

                    break;
                }

                case XmlNodeType.Text:
                    AddText(stack, BpmnXmlTextKind.Text, reader.Value, lineInfo);
                    break;
                case XmlNodeType.CDATA:
                    AddText(stack, BpmnXmlTextKind.CData, reader.Value, lineInfo);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    AddText(stack, BpmnXmlTextKind.Whitespace, reader.Value, lineInfo);
                    break;
                case XmlNodeType.Comment:
                    AddText(stack, BpmnXmlTextKind.Comment, reader.Value, lineInfo);
                    break;
                default:
                    // XML declaration and processing instructions are written afresh; nothing else can occur
                    // because DTDs are prohibited.
                    break;
            }
        }

        if (root is null)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.MalformedXml,
                DiagnosticSeverity.Error,
                "The file is empty: it holds no XML element.",
                null,
                1,
                1));
        }

        return root;
    }

    private static void AddText(Stack<PendingElement> stack, BpmnXmlTextKind kind, string value, IXmlLineInfo lineInfo)
    {
        // Character data outside the root element (whitespace, comments) is not kept.
        if (stack.Count > 0)
        {
            stack.Peek().Children.Add(new BpmnXmlText(kind, value, lineInfo.LineNumber, lineInfo.LinePosition));
        }
    }

    private sealed class PendingElement(string namespaceUri, string localName, string prefix, int line, int column)
    {
        public List<BpmnXmlAttribute> Attributes { get; } = [];

        public List<BpmnXmlNode> Children { get; } = [];

        public BpmnXmlElement Build() =>
            new(namespaceUri, localName, prefix, [.. Attributes], [.. Children], line, column);
    }

    private sealed class DepthExceededException(int line, int column) : Exception
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
