namespace ApprovalHub.Admin.Blazor.Components.Definitions;

/// <summary>One row of the 流程定义 list.</summary>
/// <param name="Key">The BPMN process id, e.g. <c>use_registration</c>.</param>
/// <param name="Name">The process name, e.g. 使用登记.</param>
/// <param name="LatestVersion">The highest version number.</param>
/// <param name="DeployedAt">When the latest version was deployed (UTC).</param>
/// <param name="VersionCount">How many versions exist.</param>
public sealed record DefinitionListItem(string Key, string? Name, int LatestVersion, DateTimeOffset DeployedAt, int VersionCount);
