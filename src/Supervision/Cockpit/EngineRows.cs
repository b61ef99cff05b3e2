namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// The two columns of the engine's <c>wf_instances</c> the warnings read (is a warning's case still
/// running?). Mapped read-only and excluded from this context's migrations: the engine owns the table.
/// </summary>
public sealed class EngineInstanceRow
{
    /// <summary>Instance id.</summary>
    public Guid Id { get; init; }

    /// <summary>The engine's InstanceStatus number (0 active).</summary>
    public int Status { get; init; }
}

/// <summary>
/// Columns of the engine's <c>wf_tasks</c> the inspection-due rule reads (has the device's use unit
/// applied for inspection?). Read-only, excluded from migrations.
/// </summary>
public sealed class EngineTaskRow
{
    /// <summary>Task id.</summary>
    public Guid Id { get; init; }

    /// <summary>The process key.</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The case's business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>What the case is about: the 设备代码 of a device case (the queue's subject column).</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The engine's UserTaskStatus number (0 open, 1 completed, 2 canceled).</summary>
    public int Status { get; init; }

    /// <summary>When the task was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
