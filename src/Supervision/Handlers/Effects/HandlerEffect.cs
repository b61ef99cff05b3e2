namespace ApprovalHub.Supervision.Handlers.Effects;

/// <summary>
/// What one run of a service task did, stored in the same transaction as the registry change it
/// made: a repeated call of the same run (a job that ran again after a crash, a command retried
/// after losing a race) finds it and returns the stored outputs instead of acting twice.
/// </summary>
public sealed class HandlerEffect
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The process instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The service task's element id.</summary>
    public required string ElementId { get; set; }

    /// <summary>
    /// Which run of the element in the instance: 1 for the first, counting up each time the element
    /// completes (a reminder that fires three times, an inspection cycle that comes round again).
    /// </summary>
    public int Run { get; set; }

    /// <summary>The <c>ah:type</c> that ran.</summary>
    public required string HandlerType { get; set; }

    /// <summary>The engine's idempotency key of the call that did the work (instance:element:attempt).</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The variables the handler set, as a JSON object.</summary>
    public required string Outputs { get; set; }

    /// <summary>When the work was done (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
