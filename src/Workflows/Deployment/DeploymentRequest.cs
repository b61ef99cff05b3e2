namespace ApprovalHub.Workflows.Deployment;

/// <summary>A BPMN file to deploy.</summary>
/// <param name="Xml">The BPMN 2.0 XML.</param>
/// <param name="DeployedBy">Who deploys it: a user name, or a system actor such as <c>demo</c>.</param>
/// <param name="SourceFile">Where the XML came from, e.g. <c>units/use-registration.bpmn</c>; null for uploads.</param>
public sealed record DeploymentRequest(string Xml, string DeployedBy, string? SourceFile = null);
