using System.Collections.Immutable;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A node of the process graph: an event, activity or gateway.</summary>
public abstract class FlowNode : BpmnElement
{
    private protected FlowNode(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope)
        : base(source)
    {
        Kind = kind;
        Scope = scope;
        IsAsync = string.Equals(Extension("async"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Which BPMN element this is.</summary>
    public FlowNodeKind Kind { get; }

    /// <summary>The process or subprocess containing the node.</summary>
    public FlowScope Scope { get; }

    /// <summary>Incoming sequence flows.</summary>
    public ImmutableArray<SequenceFlow> Incoming { get; internal set; } = [];

    /// <summary>Outgoing sequence flows.</summary>
    public ImmutableArray<SequenceFlow> Outgoing { get; internal set; } = [];

    /// <summary><c>ah:async="true"</c>: the engine commits before executing the node (an async continuation).</summary>
    public bool IsAsync { get; }
}
