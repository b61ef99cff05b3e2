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
}
