using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>An event definition (message, timer, error, …) inside an event.</summary>
public class EventDefinition
{
    internal EventDefinition(EventDefinitionKind kind, BpmnXmlElement? source)
    {
        Kind = kind;
        Source = source;
    }

    /// <summary>What kind of trigger or result this is.</summary>
    public EventDefinitionKind Kind { get; }

    /// <summary>The XML element, null for a none event.</summary>
    public BpmnXmlElement? Source { get; }

    internal static EventDefinition None { get; } = new(EventDefinitionKind.None, null);
}

/// <summary>A message trigger, resolved to the message's name (the correlation name).</summary>
public sealed class MessageEventDefinition : EventDefinition
{
    internal MessageEventDefinition(BpmnXmlElement source, string? messageRef, BpmnMessage? message)
        : base(EventDefinitionKind.Message, source)
    {
        MessageRef = messageRef;
        Message = message;
    }

    /// <summary>The <c>messageRef</c> attribute.</summary>
    public string? MessageRef { get; }

    /// <summary>The referenced message, or null when it dangles or is absent.</summary>
    public BpmnMessage? Message { get; }

    /// <summary>The name messages are correlated by, or null when none is known.</summary>
    public string? MessageName => Message?.MessageName;
}

/// <summary>A timer trigger: one of timeDate, timeDuration or timeCycle.</summary>
public sealed class TimerEventDefinition : EventDefinition
{
    internal TimerEventDefinition(BpmnXmlElement source, TimerKind? timerKind, string? expression, BpmnXmlElement? expressionSource)
        : base(EventDefinitionKind.Timer, source)
    {
        TimerKind = timerKind;
        Expression = expression;
        ExpressionSource = expressionSource;
    }

    /// <summary>Which form the timer uses; null when the definition is empty (a diagnostic says so).</summary>
    public TimerKind? TimerKind { get; }

    /// <summary>The timer text (<c>P15WD</c>, <c>R3/P1WD</c>, <c>2026-10-08T09:00:00+08:00</c>, cron, or <c>${…}</c>).</summary>
    public string? Expression { get; }

    /// <summary>The timeDate/timeDuration/timeCycle element.</summary>
    public BpmnXmlElement? ExpressionSource { get; }
}

/// <summary>An error trigger or result, resolved to the error's code.</summary>
public sealed class ErrorEventDefinition : EventDefinition
{
    internal ErrorEventDefinition(BpmnXmlElement source, string? errorRef, BpmnError? error)
        : base(EventDefinitionKind.Error, source)
    {
        ErrorRef = errorRef;
        Error = error;
    }

    /// <summary>The <c>errorRef</c> attribute; null on a catch-all error boundary.</summary>
    public string? ErrorRef { get; }

    /// <summary>The referenced error.</summary>
    public BpmnError? Error { get; }

    /// <summary>The error code matched when catching; null catches every error.</summary>
    public string? ErrorCode => Error?.ErrorCode;
}
