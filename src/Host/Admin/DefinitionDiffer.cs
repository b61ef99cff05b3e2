using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Model.Xml;
using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Host.Admin;

/// <summary>
/// The element diff between two BPMN files, computed on the server from the parsed XML: elements
/// with an id in the BPMN model namespace are matched by id; each is compared by its type, its
/// attributes (ours, <c>ah:…</c>, and other vendors') and the texts and attributes of its nested
/// elements without an id (conditions, timers, multi-instance, <c>ah:in</c>/<c>ah:out</c>).
/// The diagram (BPMNDI) is not compared: moving a shape changes nothing that runs.
/// </summary>
internal static class DefinitionDiffer
{
    /// <summary>The changes from <paramref name="olderXml"/> to <paramref name="newerXml"/>, or null when either is not readable XML.</summary>
    public static IReadOnlyList<ElementChange>? Compare(string olderXml, string newerXml)
    {
        var older = Elements(olderXml);
        var newer = Elements(newerXml);
        if (older is null || newer is null)
        {
            return null;
        }

        var changes = new List<ElementChange>();
        foreach (var (id, element) in newer)
        {
            if (!older.TryGetValue(id, out var before))
            {
                changes.Add(new ElementChange(id, element.LocalName, element.Attribute("name"), ElementChangeKind.Added, []));
                continue;
            }

            var attributes = Differences(Fingerprint(before), Fingerprint(element));
            if (attributes.Count > 0)
            {
                changes.Add(new ElementChange(id, element.LocalName, element.Attribute("name") ?? before.Attribute("name"), ElementChangeKind.Changed, attributes));
            }
        }

        changes.AddRange(older
            .Where(pair => !newer.ContainsKey(pair.Key))
            .Select(pair => new ElementChange(pair.Key, pair.Value.LocalName, pair.Value.Attribute("name"), ElementChangeKind.Removed, [])));
        return [.. changes.OrderBy(c => c.ElementId, StringComparer.Ordinal)];
    }

    private static Dictionary<string, BpmnXmlElement>? Elements(string xml)
    {
        var document = BpmnParser.Parse(xml).Document;
        return document?.ElementsById
            .Where(pair => pair.Value.IsBpmn && pair.Value.LocalName != "definitions")
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    private static List<AttributeChange> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new AttributeChange(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
            .Where(change => change.Before != change.After)];

    /// <summary>Everything about the element that a change could touch, as path → value.</summary>
    private static Dictionary<string, string> Fingerprint(BpmnXmlElement element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = element.LocalName };
        Collect(element, prefix: string.Empty, values);
        return values;
    }

    private static void Collect(BpmnXmlElement element, string prefix, Dictionary<string, string> values)
    {
        foreach (var attribute in element.Attributes)
        {
            if (attribute.IsNamespaceDeclaration || (prefix.Length == 0 && attribute.NamespaceUri.Length == 0 && attribute.LocalName == "id"))
            {
                continue;
            }

            values[prefix + Name(attribute.NamespaceUri, attribute.Prefix, attribute.LocalName)] = attribute.Value;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            // Elements with an id are compared on their own; incoming/outgoing repeat the flows' sourceRef/targetRef.
            if (child.Id is not null || child.LocalName is "incoming" or "outgoing")
            {
                continue;
            }

            var name = Name(child.NamespaceUri, child.Prefix, child.LocalName);
            var index = seen[name] = seen.GetValueOrDefault(name) + 1;
            var path = prefix + name + (index > 1 ? $"[{index}]" : string.Empty);
            if (child.Text is { Length: > 0 } text)
            {
                values[path] = text;
            }

            Collect(child, path + "/", values);
        }
    }

    private static string Name(string namespaceUri, string prefix, string localName) => namespaceUri switch
    {
        "" or BpmnNamespaces.Model => localName,
        BpmnNamespaces.ApprovalHub => $"{BpmnNamespaces.ApprovalHubPrefix}:{localName}",
        _ => prefix.Length > 0 ? $"{prefix}:{localName}" : localName,
    };
}
