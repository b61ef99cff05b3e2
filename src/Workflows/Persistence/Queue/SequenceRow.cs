namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>
/// A named counter (<c>wf_sequences</c>), taken with one atomic upsert
/// (<see cref="SequenceNumbers.NextAsync"/>): readable business keys number applications per unit and day.
/// </summary>
public sealed class SequenceRow
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 100;

    public required string Name { get; init; }

    public long Value { get; set; }
}
