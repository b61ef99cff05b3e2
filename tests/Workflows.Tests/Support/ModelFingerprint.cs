using System.Text;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Tests.Support;

/// <summary>
/// Text renderings of a model used to compare two reads of "the same" file: one of the semantic
/// graph (what the engine executes), one of the whole XML tree with layout whitespace dropped
/// (what the designer needs: every element, attribute, extension and DI shape).
/// </summary>
internal static class ModelFingerprint
{
    public static string Semantic(BpmnDocument document)
    {
        var sb = new StringBuilder();
        foreach (var process in document.Processes)
        {
            sb.Append("process ").Append(process.Id).Append(' ').Append(process.IsExecutable).AppendLine();
            foreach (var node in process.NodesById.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                sb.Append("  node ").Append(node.Id).Append(' ').Append(node.Kind).Append(" in ").Append(node.Scope.Id)
                    .Append(" name=").Append(node.Name)
                    .Append(" in=").AppendJoin(',', node.Incoming.Select(f => f.Id))
                    .Append(" out=").AppendJoin(',', node.Outgoing.Select(f => f.Id))
                    .Append(" ext=").AppendJoin(',', node.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}"));
                if (node is BpmnEvent e)
                {
                    sb.Append(" trigger=").Append(e.Trigger).Append(" attached=").Append(e.AttachedTo?.Id);
                }

                if (node is Activity { MultiInstance: { } mi })
                {
                    sb.Append(" mi=").Append(mi.IsSequential).Append('/').Append(mi.Cardinality).Append('/').Append(mi.Collection);
                }

                sb.AppendLine();
            }

            foreach (var flow in process.FlowsById.Values.OrderBy(f => f.Id, StringComparer.Ordinal))
            {
                sb.Append("  flow ").Append(flow.Id).Append(' ').Append(flow.SourceNode?.Id).Append("->").Append(flow.TargetNode?.Id)
                    .Append(" cond=").Append(flow.Condition).Append(" default=").Append(flow.IsDefault).AppendLine();
            }
        }

        foreach (var message in document.Messages.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            sb.Append("message ").Append(message.Id).Append(' ').Append(message.MessageName).AppendLine();
        }

        return sb.ToString();
    }

    public static string Tree(BpmnXmlElement root)
    {
        var sb = new StringBuilder();
        Append(sb, root, 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, BpmnXmlElement element, int depth)
    {
        sb.Append(' ', depth * 2).Append('{').Append(element.NamespaceUri).Append('}').Append(element.LocalName);
        foreach (var attribute in element.Attributes.Where(a => !a.IsNamespaceDeclaration)
                     .OrderBy(a => a.NamespaceUri, StringComparer.Ordinal).ThenBy(a => a.LocalName, StringComparer.Ordinal))
        {
            sb.Append(" {").Append(attribute.NamespaceUri).Append('}').Append(attribute.LocalName).Append("=\"").Append(attribute.Value).Append('"');
        }

        sb.AppendLine();
        foreach (var child in element.Children)
        {
            switch (child)
            {
                case BpmnXmlElement nested:
                    Append(sb, nested, depth + 1);
                    break;
                case BpmnXmlText { Kind: not BpmnXmlTextKind.Whitespace } text:
                    sb.Append(' ', (depth + 1) * 2).Append(text.Kind).Append(": ").AppendLine(text.Value.Trim());
                    break;
            }
        }
    }
}
