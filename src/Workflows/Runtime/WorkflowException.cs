namespace ApprovalHub.Workflows.Runtime;

/// <summary>What kind of refusal a <see cref="WorkflowException"/> is, so the API can answer 404, 409 or 400.</summary>
public enum WorkflowErrorKind
{
    /// <summary>The instance, task, definition or job does not exist.</summary>
    NotFound,

    /// <summary>The thing exists but is not in a state that allows the command (a completed task, an ended instance).</summary>
    Conflict,

    /// <summary>The command itself is wrong (no start event, bad variables).</summary>
    Invalid,

    /// <summary>The user may not do this to the task (not a candidate, not the assignee).</summary>
    Forbidden,
}

/// <summary>
/// The one exception the engine's commands throw for a refused command. <see cref="IsTransient"/>
/// tells callers whether trying again can help (it can after a concurrency conflict that outlasted
/// the retries); misuse of the API raises the usual argument exceptions instead.
/// </summary>
public sealed class WorkflowException : Exception
{
    public WorkflowException(WorkflowErrorKind kind, string message, bool isTransient = false)
        : base(message)
    {
        Kind = kind;
        IsTransient = isTransient;
    }

    public WorkflowException()
        : this(WorkflowErrorKind.Invalid, "The workflow command was refused.")
    {
    }

    public WorkflowException(string message)
        : this(WorkflowErrorKind.Invalid, message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = WorkflowErrorKind.Invalid;
    }

    /// <summary>Not found, conflict or invalid.</summary>
    public WorkflowErrorKind Kind { get; }

    /// <summary>True when the same command may succeed if sent again.</summary>
    public bool IsTransient { get; }
}
