using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A sequence flow between two flow nodes of the same scope.</summary>
public sealed class SequenceFlow : BpmnElement
{
    internal SequenceFlow(BpmnXmlElement source, FlowScope scope)
        : base(source)
    {
        Scope = scope;
        SourceRef = source.Attribute("sourceRef") ?? string.Empty;
        TargetRef = source.Attribute("targetRef") ?? string.Empty;
        var condition = source.BpmnElement("conditionExpression");
        if (condition is not null)
        {
            Condition = condition.Text;
            ConditionSource = condition;
        }
    }

    /// <summary>The scope (process or subprocess) that contains the flow.</summary>
    public FlowScope Scope { get; }

    /// <summary>The id of the source node.</summary>
    public string SourceRef { get; }

    /// <summary>The id of the target node.</summary>
    public string TargetRef { get; }

    /// <summary>The source node; null only when the reference dangles (a diagnostic says so).</summary>
    public FlowNode? SourceNode { get; internal set; }

    /// <summary>The target node; null only when the reference dangles (a diagnostic says so).</summary>
    public FlowNode? TargetNode { get; internal set; }

    /// <summary>The condition as written (<c>${approved == true}</c> or bare JavaScript), or null.</summary>
    public string? Condition { get; }

    /// <summary>The <c>conditionExpression</c> element, for its position.</summary>
    public BpmnXmlElement? ConditionSource { get; }

    /// <summary>True when the source gateway or activity names this flow as its default.</summary>
    public bool IsDefault { get; internal set; }
}
