namespace ApprovalHub.Workflows.Runtime;

/// <summary>Engine settings.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>
    /// What a service task does when no handler is registered for its <c>ah:type</c>: raise an
    /// incident (the platform's behaviour) or complete as a no-op (the <c>bpmn run</c> CLI's).
    /// </summary>
    public bool UnknownHandlersAreNoOps { get; set; }

    /// <summary>How many times a command is retried when another command changed the same instance first.</summary>
    public int MaxConcurrencyRetries { get; set; } = 8;

    /// <summary>How long a message waits in the inbox for a subscription before it is dropped.</summary>
    public TimeSpan InboxTimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Write history events (the audit trail). Only benchmarks measuring the difference turn it off.</summary>
    public bool History { get; set; } = true;

    /// <summary>Attempts a service task without <c>ah:retry</c> gets before it raises an incident. Default 3.</summary>
    public int ServiceTaskAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry of a failed service task without <c>ah:retry</c>; each later wait is six times longer.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Working days before the deadline at which a user task turns yellow. Default 1: the last working day.</summary>
    public int SlaWarningWorkingDays { get; set; } = 1;

    /// <summary>Process variables copied onto every new task row, so work queues filter and search without reading instance state.</summary>
    public TaskProjection TaskProjection { get; set; } = new();
}

/// <summary>
/// Which process variables a new user task row copies (besides <c>regionCode</c> and
/// <c>organisationId</c>, which every case carries). The engine knows them only by these names; the
/// application decides what they mean. A null name copies nothing.
/// </summary>
public sealed class TaskProjection
{
    /// <summary>A text variable the queue searches by prefix (a device code): <see cref="Records.UserTaskRecord.SubjectCode"/>.</summary>
    public string? SubjectCodeVariable { get; set; }

    /// <summary>A text variable the queue searches by content (the applicant's name): <see cref="Records.UserTaskRecord.SubjectName"/>.</summary>
    public string? SubjectNameVariable { get; set; }

    /// <summary>An array of organisation ids that may see the case's tasks: <see cref="Records.UserTaskRecord.PartyOrganisationIds"/>.</summary>
    public string? PartiesVariable { get; set; }
}
