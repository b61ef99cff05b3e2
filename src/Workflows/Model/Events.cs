using System.Collections.Immutable;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A start, end, intermediate or boundary event.</summary>
public sealed class BpmnEvent : FlowNode
{
    internal BpmnEvent(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope, ImmutableArray<EventDefinition> definitions)
        : base(source, kind, scope)
    {
        Definitions = definitions;
        AttachedToRef = source.Attribute("attachedToRef");
        // BPMN: cancelActivity defaults to true; isInterrupting on start events defaults to true.
        CancelActivity = !string.Equals(source.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        IsInterrupting = !string.Equals(source.Attribute("isInterrupting"), "false", StringComparison.OrdinalIgnoreCase);
        CorrelationKey = Extension("correlationKey");
    }

    /// <summary>All event definitions; empty for a none event.</summary>
    public ImmutableArray<EventDefinition> Definitions { get; }

    /// <summary>The single event definition, <see cref="EventDefinition.None"/> for a none event.</summary>
    public EventDefinition Definition => Definitions.IsEmpty ? EventDefinition.None : Definitions[0];

    /// <summary>The trigger kind, <see cref="EventDefinitionKind.None"/> when there is none.</summary>
    public EventDefinitionKind Trigger => Definition.Kind;

    /// <summary>For boundary events: the id of the activity it is attached to.</summary>
    public string? AttachedToRef { get; }

    /// <summary>For boundary events: the activity it is attached to.</summary>
    public Activity? AttachedTo { get; internal set; }

    /// <summary>For boundary events: whether triggering cancels the activity (BPMN default true).</summary>
    public bool CancelActivity { get; }

    /// <summary>For start events of event subprocesses: whether triggering interrupts the parent.</summary>
    public bool IsInterrupting { get; }

    /// <summary><c>ah:correlationKey</c>: expression giving the key a message is matched on.</summary>
    public string? CorrelationKey { get; }
}
