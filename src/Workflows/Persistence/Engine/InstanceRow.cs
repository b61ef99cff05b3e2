using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// One row of <c>wf_instances</c>: the columns people search and filter by, plus the rest of the
/// <see cref="InstanceState"/> (scopes, tokens, variables) as one JSON document in <see cref="State"/>.
/// </summary>
internal sealed class InstanceRow
{
    public required Guid Id { get; init; }

    public required Guid DefinitionId { get; init; }

    public required string ProcessKey { get; init; }

    public required int Version { get; init; }

    public string? BusinessKey { get; init; }

    public InstanceStatus Status { get; init; }

    public Guid? ParentInstanceId { get; init; }

    public string? ParentTokenId { get; init; }

    /// <summary>Who started it; indexed with <see cref="StartedAt"/> for "cases I started".</summary>
    public string? StartedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The optimistic concurrency token: an update must name the revision it read.</summary>
    public long Revision { get; init; }

    /// <summary>Scopes, tokens, variables and the id counter (<see cref="InstanceStateJson"/>).</summary>
    public required string State { get; init; }
}
