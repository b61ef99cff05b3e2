namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Every diagnostic code the parser and validator emit. Codes are stable: tooling, tests and the
/// designer match on them. Each is explained, with an example, in docs/bpmn-diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    // 001–009: the file itself
    /// <summary>Not well-formed XML, empty, or unreadable.</summary>
    public const string MalformedXml = "BPMN001";

    /// <summary>Well-formed XML whose root is not <c>bpmn:definitions</c>.</summary>
    public const string NotBpmn = "BPMN002";

    /// <summary>Larger than the size limit.</summary>
    public const string FileTooLarge = "BPMN003";

    /// <summary>Declares a DTD.</summary>
    public const string DtdProhibited = "BPMN004";

    /// <summary>Nested deeper than the limit.</summary>
    public const string NestingTooDeep = "BPMN005";

    // 010–019: identity and references
    /// <summary>Two elements share an id.</summary>
    public const string DuplicateId = "BPMN010";

    /// <summary>A reference (sourceRef, targetRef, default, attachedToRef, messageRef, errorRef, …) names no element.</summary>
    public const string DanglingReference = "BPMN011";

    /// <summary>A flow element or sequence flow has no id.</summary>
    public const string MissingId = "BPMN012";

    /// <summary>The definitions hold no process.</summary>
    public const string NoProcess = "BPMN013";

    /// <summary>A reference points at an element of the wrong kind (a flow to a lane, a boundary event on a gateway).</summary>
    public const string WrongReferenceKind = "BPMN014";

    // 020–029: flow structure
    /// <summary>A process or subprocess has no (none) start event.</summary>
    public const string NoStartEvent = "BPMN020";

    /// <summary>No path from a start event reaches the element.</summary>
    public const string Unreachable = "BPMN021";

    /// <summary>An exclusive or inclusive gateway has an outgoing flow with no condition that is not its default.</summary>
    public const string UnconditionalGatewayFlow = "BPMN022";

    /// <summary>The default flow of a gateway or activity is not one of its outgoing flows.</summary>
    public const string DefaultNotOutgoing = "BPMN023";

    /// <summary>A sequence flow joins elements in different scopes (into or out of a subprocess).</summary>
    public const string FlowCrossesScope = "BPMN024";

    /// <summary>A start event with incoming flows, an end event with outgoing flows, or a boundary event with incoming flows.</summary>
    public const string IllegalFlowDirection = "BPMN025";

    /// <summary>A gateway that has no outgoing flow, so tokens reaching it are stuck.</summary>
    public const string DeadEndGateway = "BPMN026";

    /// <summary>An event-based gateway whose target is not a catch event or receive task.</summary>
    public const string EventGatewayTarget = "BPMN027";

    /// <summary>The default flow carries a condition, which is ignored.</summary>
    public const string DefaultFlowWithCondition = "BPMN028";

    // 030–039: executable details
    /// <summary>A service (or send, business-rule) task names no handler with <c>ah:type</c>.</summary>
    public const string ServiceTaskWithoutType = "BPMN030";

    /// <summary>An expression does not parse as JavaScript.</summary>
    public const string MalformedExpression = "BPMN031";

    /// <summary>A timer definition is missing or malformed.</summary>
    public const string MalformedTimer = "BPMN032";

    /// <summary>A message event or receive task has no message name.</summary>
    public const string MessageWithoutName = "BPMN033";

    /// <summary>A call activity has no <c>calledElement</c>, or a malformed version binding.</summary>
    public const string CallActivityTarget = "BPMN034";

    /// <summary>Multi-instance with neither cardinality nor collection.</summary>
    public const string MultiInstanceSource = "BPMN035";

    /// <summary>A script task with no script or a language other than JavaScript.</summary>
    public const string ScriptTask = "BPMN036";

    /// <summary>An <c>ah:</c> attribute with a malformed value, or one the engine does not know.</summary>
    public const string ExtensionAttribute = "BPMN037";

    // 040–049: coverage
    /// <summary>An element the engine does not execute.</summary>
    public const string Unsupported = "BPMN040";

    /// <summary>The process is not executable and is validated as documentation only.</summary>
    public const string NotExecutable = "BPMN041";

    /// <summary>All codes, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MalformedXml, NotBpmn, FileTooLarge, DtdProhibited, NestingTooDeep,
        DuplicateId, DanglingReference, MissingId, NoProcess, WrongReferenceKind,
        NoStartEvent, Unreachable, UnconditionalGatewayFlow, DefaultNotOutgoing, FlowCrossesScope,
        IllegalFlowDirection, DeadEndGateway, EventGatewayTarget, DefaultFlowWithCondition,
        ServiceTaskWithoutType, MalformedExpression, MalformedTimer, MessageWithoutName, CallActivityTarget,
        MultiInstanceSource, ScriptTask, ExtensionAttribute,
        Unsupported, NotExecutable,
    ];
}
