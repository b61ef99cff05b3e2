using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A <c>bpmn:message</c> root element.</summary>
public sealed class BpmnMessage : BpmnElement
{
    internal BpmnMessage(BpmnXmlElement source)
        : base(source)
    {
    }

    /// <summary>The name used for correlation: the <c>name</c> attribute, else the id.</summary>
    public string MessageName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

/// <summary>A <c>bpmn:error</c> root element.</summary>
public sealed class BpmnError : BpmnElement
{
    internal BpmnError(BpmnXmlElement source)
        : base(source)
    {
        ErrorCode = source.Attribute("errorCode") is { Length: > 0 } code ? code : Id;
    }

    /// <summary>The code matched by catching events: <c>errorCode</c>, else the id.</summary>
    public string ErrorCode { get; }
}
