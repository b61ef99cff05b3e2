using System.Collections.Immutable;

namespace ApprovalHub.Workflows.Model.Xml;

/// <summary>An element of the lossless XML tree, immutable once read.</summary>
public sealed class BpmnXmlElement : BpmnXmlNode
{
    internal BpmnXmlElement(
        string namespaceUri,
        string localName,
        string prefix,
        ImmutableArray<BpmnXmlAttribute> attributes,
        ImmutableArray<BpmnXmlNode> children,
        int line,
        int column)
        : base(line, column)
    {
        NamespaceUri = namespaceUri;
        LocalName = localName;
        Prefix = prefix;
        Attributes = attributes;
        Children = children;
    }

    /// <summary>The namespace URI of the element.</summary>
    public string NamespaceUri { get; }

    /// <summary>The local name, such as <c>userTask</c>.</summary>
    public string LocalName { get; }

    /// <summary>The prefix as written (<c>bpmn</c>, <c>bpmn2</c>, <c>semantic</c> or empty).</summary>
    public string Prefix { get; }

    /// <summary>Attributes in document order, namespace declarations included.</summary>
    public ImmutableArray<BpmnXmlAttribute> Attributes { get; }

    /// <summary>Child elements and character data in document order.</summary>
    public ImmutableArray<BpmnXmlNode> Children { get; }

    /// <summary>The <c>id</c> attribute, when present.</summary>
    public string? Id => Attribute("id");

    /// <summary>True when the element is in the BPMN 2.0 model namespace.</summary>
    public bool IsBpmn => NamespaceUri == BpmnNamespaces.Model;

    /// <summary>The value of an attribute, or null.</summary>
    /// <param name="localName">Local name of the attribute.</param>
    /// <param name="namespaceUri">Its namespace; empty (the default) for unqualified attributes.</param>
    public string? Attribute(string localName, string namespaceUri = "")
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.LocalName == localName && attribute.NamespaceUri == namespaceUri)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The attribute node itself (for its position), or null.</summary>
    public BpmnXmlAttribute? AttributeNode(string localName, string namespaceUri = "")
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.LocalName == localName && attribute.NamespaceUri == namespaceUri)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Child elements only.</summary>
    public IEnumerable<BpmnXmlElement> Elements() => Children.OfType<BpmnXmlElement>();

    /// <summary>Child elements with the given name.</summary>
    public IEnumerable<BpmnXmlElement> Elements(string namespaceUri, string localName) =>
        Elements().Where(e => e.LocalName == localName && e.NamespaceUri == namespaceUri);

    /// <summary>The first BPMN child element with the given local name, or null.</summary>
    public BpmnXmlElement? BpmnElement(string localName) =>
        Elements(BpmnNamespaces.Model, localName).FirstOrDefault();

    /// <summary>This element and all its descendants, depth first.</summary>
    public IEnumerable<BpmnXmlElement> DescendantsAndSelf()
    {
        var stack = new Stack<BpmnXmlElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            for (var i = current.Children.Length - 1; i >= 0; i--)
            {
                if (current.Children[i] is BpmnXmlElement child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>The concatenated text and CDATA content, trimmed; empty when none.</summary>
    public string Text
    {
        get
        {
            var parts = Children.OfType<BpmnXmlText>()
                .Where(t => t.Kind is BpmnXmlTextKind.Text or BpmnXmlTextKind.CData or BpmnXmlTextKind.Whitespace)
                .Select(t => t.Value);
            return string.Concat(parts).Trim();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Id is null ? $"<{Prefix}{(Prefix.Length > 0 ? ":" : "")}{LocalName}>" : $"<{LocalName} id=\"{Id}\">";
}
