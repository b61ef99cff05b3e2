namespace ApprovalHub.Workflows.Model.Xml;

/// <summary>
/// A node of the lossless XML tree a BPMN file was read into. The typed model
/// (<see cref="BpmnDocument"/>) is built on top of this tree and keeps it, so that
/// BpmnWriter writes back every element, attribute, extension and DI shape,
/// including those of vendors we do not know (camunda:, zeebe:, signavio:, …).
/// </summary>
public abstract class BpmnXmlNode
{
    private protected BpmnXmlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line where the node starts.</summary>
    public int Line { get; }

    /// <summary>1-based column where the node starts.</summary>
    public int Column { get; }
}

/// <summary>What kind of character data a <see cref="BpmnXmlText"/> holds.</summary>
public enum BpmnXmlTextKind
{
    /// <summary>Ordinary text content.</summary>
    Text,

    /// <summary>A CDATA section (scripts and conditions are often written in one).</summary>
    CData,

    /// <summary>Whitespace between elements, kept so that a round trip keeps the layout.</summary>
    Whitespace,

    /// <summary>An XML comment.</summary>
    Comment,
}

/// <summary>Character data inside an element.</summary>
public sealed class BpmnXmlText : BpmnXmlNode
{
    internal BpmnXmlText(BpmnXmlTextKind kind, string value, int line, int column)
        : base(line, column)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Text, CDATA, whitespace or comment.</summary>
    public BpmnXmlTextKind Kind { get; }

    /// <summary>The characters, unescaped.</summary>
    public string Value { get; }
}

/// <summary>An attribute, including namespace declarations (kept so prefixes survive a round trip).</summary>
public sealed class BpmnXmlAttribute : BpmnXmlNode
{
    internal BpmnXmlAttribute(string namespaceUri, string localName, string prefix, string value, int line, int column)
        : base(line, column)
    {
        NamespaceUri = namespaceUri;
        LocalName = localName;
        Prefix = prefix;
        Value = value;
    }

    /// <summary>The namespace URI; empty for unqualified attributes such as <c>id</c>.</summary>
    public string NamespaceUri { get; }

    /// <summary>The local name.</summary>
    public string LocalName { get; }

    /// <summary>The prefix as written; empty when none.</summary>
    public string Prefix { get; }

    /// <summary>The value, unescaped.</summary>
    public string Value { get; }

    /// <summary>True for <c>xmlns</c> and <c>xmlns:p</c> declarations.</summary>
    public bool IsNamespaceDeclaration => NamespaceUri == BpmnNamespaces.Xmlns;
}
