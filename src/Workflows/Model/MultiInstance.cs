using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>
/// Multi-instance loop characteristics: how 会签 (all sign), 或签 (any signs) and 依次审批
/// (one after another) are expressed. Instances come from a cardinality or a collection.
/// </summary>
public sealed class MultiInstance
{
    internal MultiInstance(BpmnXmlElement source)
    {
        Source = source;
        IsSequential = string.Equals(source.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase);
        Cardinality = source.BpmnElement("loopCardinality")?.Text is { Length: > 0 } c ? c : null;
        CompletionCondition = source.BpmnElement("completionCondition")?.Text is { Length: > 0 } cc ? cc : null;
        Collection = source.Attribute("collection", BpmnNamespaces.ApprovalHub)
                     ?? (source.BpmnElement("loopDataInputRef")?.Text is { Length: > 0 } input ? input : null);
        ElementVariable = source.Attribute("elementVariable", BpmnNamespaces.ApprovalHub)
                          ?? source.BpmnElement("inputDataItem")?.Attribute("name");
    }

    /// <summary>The <c>multiInstanceLoopCharacteristics</c> element.</summary>
    public BpmnXmlElement Source { get; }

    /// <summary>True for sequential (依次审批), false for parallel (会签/或签).</summary>
    public bool IsSequential { get; }

    /// <summary>An expression giving the number of instances, or null.</summary>
    public string? Cardinality { get; }

    /// <summary><c>ah:collection</c> (or <c>loopDataInputRef</c>): an expression giving the items, or null.</summary>
    public string? Collection { get; }

    /// <summary><c>ah:elementVariable</c>: the variable each instance sees its item in.</summary>
    public string? ElementVariable { get; }

    /// <summary>Ends the loop early when true (or-sign: <c>${nrOfCompletedInstances >= 1}</c>).</summary>
    public string? CompletionCondition { get; }
}
