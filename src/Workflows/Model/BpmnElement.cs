using System.Collections.Immutable;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>
/// Base of every typed model element: its id, name and the XML element it was read from
/// (for line/column, vendor extensions and round trips).
/// </summary>
public abstract class BpmnElement
{
    private protected BpmnElement(BpmnXmlElement source)
    {
        Source = source;
        Id = source.Id ?? string.Empty;
        Name = source.Attribute("name");
        Extensions = ReadExtensions(source);
    }

    /// <summary>The element id (unique in the file).</summary>
    public string Id { get; }

    /// <summary>The display name, often Chinese (使用登记审核).</summary>
    public string? Name { get; }

    /// <summary>The XML element it was read from.</summary>
    public BpmnXmlElement Source { get; }

    /// <summary>ApprovalHub <c>ah:</c> attributes by local name (docs/bpmn-extensions.md).</summary>
    public ImmutableDictionary<string, string> Extensions { get; }

    /// <summary>The value of an <c>ah:</c> attribute, or null.</summary>
    public string? Extension(string localName) => Extensions.GetValueOrDefault(localName);

    /// <summary>The name if there is one, else the id: what a person should read.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    private static ImmutableDictionary<string, string> ReadExtensions(BpmnXmlElement source)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var attribute in source.Attributes)
        {
            if (attribute.NamespaceUri == BpmnNamespaces.ApprovalHub)
            {
                builder[attribute.LocalName] = attribute.Value;
            }
        }

        return builder.ToImmutable();
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {Id}";
}
