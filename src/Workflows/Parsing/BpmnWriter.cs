using System.Text;
using System.Xml;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Writes a model back to BPMN 2.0 XML. The model keeps the lossless tree it was read from, so the
/// output keeps every element, attribute, prefix, namespace declaration, vendor extension and DI
/// shape of the input; re-reading it gives the same model (tests/Workflows.Tests/Conformance).
/// </summary>
public static class BpmnWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false, // the whitespace of the source is part of the tree and written as it was
        OmitXmlDeclaration = false,
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
        CloseOutput = false,
    };

    /// <summary>Writes the document as a UTF-8 string.</summary>
    public static string Write(BpmnDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        Write(document, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes the document to a stream as UTF-8 without a byte order mark.</summary>
    public static void Write(BpmnDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = XmlWriter.Create(output, Settings);
        writer.WriteStartDocument();
        WriteElement(writer, document.Root);
        writer.WriteEndDocument();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteElement(XmlWriter writer, BpmnXmlElement element)
    {
        writer.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceUri);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.IsNamespaceDeclaration)
            {
                // xmlns="…" arrives as local name "xmlns" without prefix; xmlns:p="…" as prefix xmlns, local name p.
                if (attribute.Prefix.Length == 0)
                {
                    writer.WriteAttributeString("xmlns", attribute.Value);
                }
                else
                {
                    writer.WriteAttributeString("xmlns", attribute.LocalName, BpmnNamespaces.Xmlns, attribute.Value);
                }
            }
            else
            {
                writer.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
            }
        }

        var hasChildren = false;
        foreach (var child in element.Children)
        {
            hasChildren = true;
            switch (child)
            {
                case BpmnXmlElement nested:
                    WriteElement(writer, nested);
                    break;
                case BpmnXmlText { Kind: BpmnXmlTextKind.CData } cdata:
                    writer.WriteCData(cdata.Value);
                    break;
                case BpmnXmlText { Kind: BpmnXmlTextKind.Comment } comment:
                    writer.WriteComment(comment.Value);
                    break;
                case BpmnXmlText { Kind: BpmnXmlTextKind.Whitespace } whitespace:
                    writer.WriteWhitespace(whitespace.Value);
                    break;
                case BpmnXmlText text:
                    writer.WriteString(text.Value);
                    break;
            }
        }

        if (hasChildren)
        {
            writer.WriteFullEndElement();
        }
        else
        {
            writer.WriteEndElement();
        }
    }
}
