namespace ApprovalHub.Workflows.Model;

/// <summary>The XML namespaces the engine understands.</summary>
public static class BpmnNamespaces
{
    /// <summary>BPMN 2.0 semantic model (MODEL).</summary>
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>BPMN 2.0 diagram interchange (BPMNDI).</summary>
    public const string Di = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>OMG DC (bounds, fonts).</summary>
    public const string Dc = "http://www.omg.org/spec/DD/20100524/DC";

    /// <summary>OMG DI (waypoints).</summary>
    public const string OmgDi = "http://www.omg.org/spec/DD/20100524/DI";

    /// <summary>XML Schema instance (xsi:type on expressions).</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The namespace of namespace declarations.</summary>
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    /// <summary>ApprovalHub's extension namespace, prefix <c>ah</c> (docs/bpmn-extensions.md).</summary>
    public const string ApprovalHub = "http://approvalhub.org/schema/1.0/bpmn";

    /// <summary>The prefix ApprovalHub writes for <see cref="ApprovalHub"/>.</summary>
    public const string ApprovalHubPrefix = "ah";
}
