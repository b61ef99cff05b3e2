namespace ApprovalHub.Workflows.Runtime.State;

/// <summary>The life of a process instance. Moves only forward: Active → Completed | Terminated | Canceled.</summary>
public enum InstanceStatus
{
    /// <summary>Tokens are waiting (user tasks, messages, timers) or stuck on an incident.</summary>
    Active,

    /// <summary>Every token reached an end event.</summary>
    Completed,

    /// <summary>A terminate end event ended the instance.</summary>
    Terminated,

    /// <summary>Someone canceled the instance (or its parent was canceled).</summary>
    Canceled,
}

/// <summary>Where a token stands.</summary>
public enum TokenStatus
{
    /// <summary>About to execute its element; never persisted (a command runs until no token is ready).</summary>
    Ready,

    /// <summary>Waiting at a wait state (user task, receive task, message or timer catch, event gateway, call activity, subprocess).</summary>
    Waiting,

    /// <summary>Arrived at a joining gateway and waiting for the join to fire.</summary>
    Joining,

    /// <summary>Stopped by a failure nobody caught; an incident names it.</summary>
    Incident,
}

/// <summary>What kind of scope a <see cref="ScopeState"/> is.</summary>
public enum ScopeKind
{
    /// <summary>The process instance itself.</summary>
    Process,

    /// <summary>An embedded subprocess instance.</summary>
    SubProcess,

    /// <summary>The body of a multi-instance activity: holds nrOfInstances and the other counters.</summary>
    MultiInstanceBody,

    /// <summary>One instance of a multi-instance activity: holds loopCounter and the element variable.</summary>
    MultiInstanceItem,
}
