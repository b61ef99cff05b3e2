namespace ApprovalHub.Host.Demo;

/// <summary>Configuration section <c>Definitions</c>.</summary>
public sealed class DefinitionsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Definitions";

    /// <summary>
    /// The folder of BPMN files, absolute or relative to the current directory. When unset, the
    /// <c>definitions</c> folder next to ApprovalHub.sln is found by walking up from the content root.
    /// </summary>
    public string? Path { get; set; }
}
