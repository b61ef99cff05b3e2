namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>Why a token stopped.</summary>
public enum IncidentKind
{
    /// <summary>A BPMN error reached the top of the instance and nothing caught it.</summary>
    UnhandledError,

    /// <summary>A service-task handler failed (or none is registered for its ah:type).</summary>
    HandlerFailure,

    /// <summary>An expression or script failed: syntax, runtime error, limits, wrong type.</summary>
    ExpressionFailure,

    /// <summary>An exclusive or inclusive gateway found no flow to take.</summary>
    NoFlowMatched,

    /// <summary>A call activity named a process that is not deployed.</summary>
    CalledProcessMissing,
}

/// <summary>A failure an operator can see, fix and retry.</summary>
public sealed class IncidentRecord
{
    public required Guid Id { get; init; }

    public required Guid InstanceId { get; init; }

    public required string TokenId { get; init; }

    public required string ElementId { get; init; }

    public required IncidentKind Kind { get; init; }

    public required string Message { get; init; }

    /// <summary>Stack trace or other detail for engineers.</summary>
    public string? Details { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public IncidentRecord Clone() => (IncidentRecord)MemberwiseClone();
}
