namespace ApprovalHub.Workflows.Parsing;

/// <summary>Limits that keep a hostile or broken file from exhausting the host.</summary>
public sealed record BpmnParserOptions
{
    /// <summary>The default limits: 10 MB and 256 levels of nesting.</summary>
    public static BpmnParserOptions Default { get; } = new();

    /// <summary>Largest accepted file, in characters (and bytes for streams). Default 10 MB.</summary>
    public long MaxCharacters { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest accepted element nesting. Real models stay under 30; default 256.</summary>
    public int MaxDepth { get; init; } = 256;
}
