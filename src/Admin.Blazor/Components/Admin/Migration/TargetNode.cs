using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Admin.Blazor.Components.Admin.Migration;

/// <summary>An element of the target version that a source element can be mapped to.</summary>
/// <param name="Id">The element id.</param>
/// <param name="Label">Its name and kind, for the mapping list.</param>
public sealed record TargetNode(string Id, string Label)
{
    /// <summary>The flow nodes of the process <paramref name="processKey"/> in a version's XML, by id.</summary>
    public static List<TargetNode> Read(string xml, string processKey)
    {
        var process = BpmnParser.Parse(xml).Document?.FindProcess(processKey);
        return process is null
            ? []
            : [.. process.NodesById.Values
                .OrderBy(n => n.Id, StringComparer.Ordinal)
                .Select(n => new TargetNode(n.Id, $"{n.Name ?? string.Empty} ({n.Kind})".Trim()))];
    }
}

/// <summary>How many instances the migration page takes at once (the API's limit too).</summary>
public static class MigrationPlanLimits
{
    /// <summary>The largest selection.</summary>
    public const int MaxInstances = 500;
}
