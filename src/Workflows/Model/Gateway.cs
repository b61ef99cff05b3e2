using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>An exclusive, parallel, inclusive, event-based or complex gateway.</summary>
public sealed class Gateway : FlowNode
{
    internal Gateway(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope)
        : base(source, kind, scope)
    {
        DefaultRef = source.Attribute("default");
    }

    /// <summary>The id of the default flow, taken when no condition holds.</summary>
    public string? DefaultRef { get; }

    /// <summary>The default flow, when set and resolvable.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    /// <summary>True when more than one flow comes in: the gateway joins.</summary>
    public bool IsJoin => Incoming.Length > 1;

    /// <summary>True when more than one flow goes out: the gateway splits.</summary>
    public bool IsSplit => Outgoing.Length > 1;
}
