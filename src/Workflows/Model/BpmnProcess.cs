using System.Collections.Frozen;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A <c>bpmn:process</c>: the unit that is deployed, versioned and started.</summary>
public sealed class BpmnProcess : BpmnElement
{
    internal BpmnProcess(BpmnXmlElement source)
        : base(source)
    {
        IsExecutable = string.Equals(source.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase);
        Root = new FlowScope(null, this);
    }

    /// <summary><c>isExecutable="true"</c>: the process is meant to run, and validated strictly.</summary>
    public bool IsExecutable { get; }

    /// <summary>The top-level scope.</summary>
    public FlowScope Root { get; }

    /// <summary>Every flow node of the process, nested ones included, by id.</summary>
    public FrozenDictionary<string, FlowNode> NodesById { get; internal set; } = FrozenDictionary<string, FlowNode>.Empty;

    /// <summary>Every sequence flow of the process, nested ones included, by id.</summary>
    public FrozenDictionary<string, SequenceFlow> FlowsById { get; internal set; } = FrozenDictionary<string, SequenceFlow>.Empty;

    /// <summary>The node with the given id, or null.</summary>
    public FlowNode? FindNode(string id) => NodesById.GetValueOrDefault(id);

    /// <summary>All scopes of the process: the root and each subprocess, outermost first.</summary>
    public IEnumerable<FlowScope> Scopes()
    {
        var queue = new Queue<FlowScope>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var scope = queue.Dequeue();
            yield return scope;
            foreach (var sub in scope.Nodes.OfType<SubProcess>())
            {
                queue.Enqueue(sub.Inner);
            }
        }
    }
}
