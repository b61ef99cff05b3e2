namespace ApprovalHub.Admin.Blazor.Components.Diagrams;

/// <summary>
/// Where a case stands on its diagram, by BPMN element id: what it passed, where tokens wait,
/// where it failed, what the user picked, and optional counts (instances waiting per element).
/// </summary>
public sealed record DiagramState
{
    /// <summary>An empty state: the diagram alone.</summary>
    public static DiagramState None { get; } = new();

    /// <summary>Elements the case has completed (green).</summary>
    public IReadOnlyCollection<string> Completed { get; init; } = [];

    /// <summary>Elements where a token waits now (blue).</summary>
    public IReadOnlyCollection<string> Active { get; init; } = [];

    /// <summary>Elements with an open incident (red).</summary>
    public IReadOnlyCollection<string> Incident { get; init; } = [];

    /// <summary>Elements the user has selected (outlined), e.g. the step a case is returned to.</summary>
    public IReadOnlyCollection<string> Selected { get; init; } = [];

    /// <summary>A number shown on an element, e.g. running instances waiting there.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();
}
