using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// What the engine executes, and the precise "unsupported" diagnostic for everything else. The
/// table here is the single source of truth; docs/conformance.md lists it for analysts.
/// </summary>
internal sealed partial class BpmnValidator
{
    /// <summary>The triggers each kind of event may carry. <see cref="EventDefinitionKind.None"/> means a none event.</summary>
    internal static IReadOnlyDictionary<FlowNodeKind, EventDefinitionKind[]> SupportedTriggers { get; } = new Dictionary<FlowNodeKind, EventDefinitionKind[]>
    {
        [FlowNodeKind.StartEvent] = [EventDefinitionKind.None, EventDefinitionKind.Message, EventDefinitionKind.Timer],
        [FlowNodeKind.EndEvent] = [EventDefinitionKind.None, EventDefinitionKind.Terminate, EventDefinitionKind.Error, EventDefinitionKind.Message],
        [FlowNodeKind.IntermediateCatchEvent] = [EventDefinitionKind.Message, EventDefinitionKind.Timer],
        [FlowNodeKind.IntermediateThrowEvent] = [EventDefinitionKind.None, EventDefinitionKind.Message],
        [FlowNodeKind.BoundaryEvent] = [EventDefinitionKind.Error, EventDefinitionKind.Message, EventDefinitionKind.Timer],
    };

    private static readonly Dictionary<FlowNodeKind, string> UnsupportedNodes = new()
    {
        [FlowNodeKind.BusinessRuleTask] = "business rule tasks (DMN) are not executed; use a service task with ah:type, or a script task",
        [FlowNodeKind.Transaction] = "transactions (with compensation and cancel) are not executed; use an embedded subprocess with error boundary events",
        [FlowNodeKind.AdHocSubProcess] = "ad-hoc subprocesses are not executed; model the optional steps with an inclusive gateway",
        [FlowNodeKind.ComplexGateway] = "complex gateways are not executed; use an inclusive gateway with conditions",
    };

    private static readonly HashSet<string> UnsupportedRootElements =
    [
        "choreography", "globalChoreographyTask", "globalConversation", "globalTask", "globalUserTask",
        "globalScriptTask", "globalManualTask", "globalBusinessRuleTask",
    ];

    private void CheckSupport(FlowNode node)
    {
        if (UnsupportedNodes.TryGetValue(node.Kind, out var why))
        {
            Report(DiagnosticCodes.Unsupported, _strict, $"Unsupported element <{node.Source.LocalName}> '{node.DisplayName}': {why}.", node.Source, node.Id);
            return;
        }

        if (node is SubProcess { TriggeredByEvent: true } eventSub)
        {
            Report(DiagnosticCodes.Unsupported, _strict,
                $"Unsupported element: event subprocess '{eventSub.DisplayName}' (triggeredByEvent=\"true\") is not executed; attach a boundary event to the activity instead.",
                node.Source, node.Id);
            return;
        }

        if (node is not BpmnEvent bpmnEvent || !SupportedTriggers.TryGetValue(node.Kind, out var allowed))
        {
            return;
        }

        if (bpmnEvent.Definitions.Length > 1)
        {
            Report(DiagnosticCodes.Unsupported, _strict,
                $"Unsupported: '{bpmnEvent.DisplayName}' has {bpmnEvent.Definitions.Length} event definitions (a multiple event); the engine executes events with one trigger.",
                node.Source, node.Id);
            return;
        }

        if (!allowed.Contains(bpmnEvent.Trigger))
        {
            var trigger = bpmnEvent.Trigger == EventDefinitionKind.None ? "none" : bpmnEvent.Trigger.ToString().ToLowerInvariant();
            var supported = string.Join(", ", allowed.Select(k => k == EventDefinitionKind.None ? "none" : k.ToString().ToLowerInvariant()));
            Report(DiagnosticCodes.Unsupported, _strict,
                $"Unsupported element: a {trigger} <{node.Source.LocalName}> ('{bpmnEvent.DisplayName}') is not executed. Supported here: {supported}.",
                bpmnEvent.Definition.Source ?? node.Source, node.Id);
        }
    }

    private void CheckRootElements(BpmnDocument document)
    {
        foreach (var element in document.Root.Elements().Where(e => e.IsBpmn && UnsupportedRootElements.Contains(e.LocalName)))
        {
            Report(DiagnosticCodes.Unsupported, DiagnosticSeverity.Warning,
                $"Unsupported element <{element.LocalName}>: choreographies and global tasks are kept in the file but not executed.",
                element, element.Id);
        }
    }
}
