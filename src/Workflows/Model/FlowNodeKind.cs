namespace ApprovalHub.Workflows.Model;

/// <summary>The BPMN element a <see cref="FlowNode"/> was read from.</summary>
public enum FlowNodeKind
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    UserTask,
    ServiceTask,
    ScriptTask,
    SendTask,
    ReceiveTask,
    ManualTask,
    BusinessRuleTask,
    SubProcess,
    Transaction,
    AdHocSubProcess,
    CallActivity,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    ComplexGateway,
}

/// <summary>The kind of an event definition (the symbol inside an event's circle).</summary>
public enum EventDefinitionKind
{
    /// <summary>No event definition: a none event.</summary>
    None,
    Message,
    Timer,
    Error,
    Signal,
    Escalation,
    Compensate,
    Conditional,
    Link,
    Cancel,
    Terminate,
}

/// <summary>Which of the three BPMN timer forms a <see cref="TimerEventDefinition"/> uses.</summary>
public enum TimerKind
{
    /// <summary><c>timeDate</c>: an instant.</summary>
    Date,

    /// <summary><c>timeDuration</c>: a delay such as <c>PT30M</c> or <c>P15WD</c>.</summary>
    Duration,

    /// <summary><c>timeCycle</c>: a repetition such as <c>R3/P1WD</c> or a cron expression.</summary>
    Cycle,
}
