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

    /// <summary>A job kept failing outside any handler (database, node) until its runs were used up.</summary>
    JobFailure,
}

/// <summary>What a retry of the incident does with the token.</summary>
public enum IncidentResume
{
    /// <summary>Run the element again (with variables fixed by the operator).</summary>
    Execute,

    /// <summary>The element had finished and choosing its outgoing flows failed: choose again.</summary>
    Leave,
}

/// <summary>A failure an operator can see, fix and retry.</summary>
public sealed class IncidentRecord
{
    public required Guid Id { get; init; }

    public required Guid InstanceId { get; init; }

    public required string TokenId { get; init; }

    /// <summary>What a retry does: run the element again, or only choose its outgoing flows again.</summary>
    public IncidentResume Resume { get; init; }

    /// <summary>How many times the step was tried before the incident (handler attempts, or job runs).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>For a <see cref="IncidentKind.JobFailure"/>: the job that stopped.</summary>
    public Guid? JobId { get; init; }

    public required string ElementId { get; init; }

    public required IncidentKind Kind { get; init; }

    public required string Message { get; init; }

    /// <summary>Stack trace or other detail for engineers.</summary>
    public string? Details { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who retried it.</summary>
    public string? ResolvedBy { get; set; }

    public IncidentRecord Clone() => (IncidentRecord)MemberwiseClone();
}
