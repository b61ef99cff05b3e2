using System.Collections.Frozen;
using System.Collections.Immutable;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Builds the typed, indexed model from the XML tree and reports what is structurally broken:
/// duplicate and missing ids, references that dangle, point at the wrong kind of element or cross
/// a scope. Semantic checks that need the finished graph live in <see cref="BpmnValidator"/>.
/// </summary>
internal sealed class BpmnModelBuilder
{
    private static readonly FrozenDictionary<string, FlowNodeKind> NodeKinds = new Dictionary<string, FlowNodeKind>
    {
        ["startEvent"] = FlowNodeKind.StartEvent,
        ["endEvent"] = FlowNodeKind.EndEvent,
        ["intermediateCatchEvent"] = FlowNodeKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = FlowNodeKind.IntermediateThrowEvent,
        ["boundaryEvent"] = FlowNodeKind.BoundaryEvent,
        ["task"] = FlowNodeKind.Task,
        ["userTask"] = FlowNodeKind.UserTask,
        ["serviceTask"] = FlowNodeKind.ServiceTask,
        ["scriptTask"] = FlowNodeKind.ScriptTask,
        ["sendTask"] = FlowNodeKind.SendTask,
        ["receiveTask"] = FlowNodeKind.ReceiveTask,
        ["manualTask"] = FlowNodeKind.ManualTask,
        ["businessRuleTask"] = FlowNodeKind.BusinessRuleTask,
        ["subProcess"] = FlowNodeKind.SubProcess,
        ["transaction"] = FlowNodeKind.Transaction,
        ["adHocSubProcess"] = FlowNodeKind.AdHocSubProcess,
        ["callActivity"] = FlowNodeKind.CallActivity,
        ["exclusiveGateway"] = FlowNodeKind.ExclusiveGateway,
        ["parallelGateway"] = FlowNodeKind.ParallelGateway,
        ["inclusiveGateway"] = FlowNodeKind.InclusiveGateway,
        ["eventBasedGateway"] = FlowNodeKind.EventBasedGateway,
        ["complexGateway"] = FlowNodeKind.ComplexGateway,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, EventDefinitionKind> DefinitionKinds = new Dictionary<string, EventDefinitionKind>
    {
        ["messageEventDefinition"] = EventDefinitionKind.Message,
        ["timerEventDefinition"] = EventDefinitionKind.Timer,
        ["errorEventDefinition"] = EventDefinitionKind.Error,
        ["signalEventDefinition"] = EventDefinitionKind.Signal,
        ["escalationEventDefinition"] = EventDefinitionKind.Escalation,
        ["compensateEventDefinition"] = EventDefinitionKind.Compensate,
        ["conditionalEventDefinition"] = EventDefinitionKind.Conditional,
        ["linkEventDefinition"] = EventDefinitionKind.Link,
        ["cancelEventDefinition"] = EventDefinitionKind.Cancel,
        ["terminateEventDefinition"] = EventDefinitionKind.Terminate,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly List<BpmnDiagnostic> _diagnostics;
    private readonly FrozenDictionary<string, BpmnXmlElement> _elementsById;
    private readonly FrozenDictionary<string, BpmnMessage> _messages;
    private readonly FrozenDictionary<string, BpmnError> _errors;

    private BpmnModelBuilder(
        List<BpmnDiagnostic> diagnostics,
        FrozenDictionary<string, BpmnXmlElement> elementsById,
        FrozenDictionary<string, BpmnMessage> messages,
        FrozenDictionary<string, BpmnError> errors)
    {
        _diagnostics = diagnostics;
        _elementsById = elementsById;
        _messages = messages;
        _errors = errors;
    }

    public static BpmnDocument? Build(BpmnXmlElement root, List<BpmnDiagnostic> diagnostics)
    {
        if (!root.IsBpmn || root.LocalName != "definitions")
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.NotBpmn,
                DiagnosticSeverity.Error,
                $"The root element is <{root.LocalName}> in namespace '{root.NamespaceUri}', not <definitions> in the BPMN 2.0 model namespace ({BpmnNamespaces.Model}). Is this a BPMN 2.0 file?",
                null,
                root.Line,
                root.Column));
            return null;
        }

        var elementsById = IndexIds(root, diagnostics);
        var messages = root.Elements(BpmnNamespaces.Model, "message")
            .Where(e => e.Id is not null)
            .Select(e => new BpmnMessage(e))
            .DistinctBy(m => m.Id)
            .ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        var errors = root.Elements(BpmnNamespaces.Model, "error")
            .Where(e => e.Id is not null)
            .Select(e => new BpmnError(e))
            .DistinctBy(m => m.Id)
            .ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

        var builder = new BpmnModelBuilder(diagnostics, elementsById, messages, errors);
        var processes = ImmutableArray.CreateBuilder<BpmnProcess>();
        foreach (var element in root.Elements(BpmnNamespaces.Model, "process"))
        {
            if (element.Id is null)
            {
                diagnostics.Add(MissingId(element));
                continue;
            }

            processes.Add(builder.BuildProcess(element));
        }

        if (processes.Count == 0)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.NoProcess,
                DiagnosticSeverity.Error,
                "The file defines no <process>. Add a process (pools in a collaboration need one each) before it can be deployed.",
                null,
                root.Line,
                root.Column));
        }

        return new BpmnDocument(root, processes.ToImmutable(), messages, errors, elementsById);
    }

    private static FrozenDictionary<string, BpmnXmlElement> IndexIds(BpmnXmlElement root, List<BpmnDiagnostic> diagnostics)
    {
        var byId = new Dictionary<string, BpmnXmlElement>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            // Only BPMN, DI and our own elements have XML ids; vendor extension elements may reuse
            // "id" for their own purposes (camunda:property id, for instance).
            if (element.NamespaceUri is not (BpmnNamespaces.Model or BpmnNamespaces.Di) || element.Id is not { } id)
            {
                continue;
            }

            if (!byId.TryAdd(id, element))
            {
                var first = byId[id];
                var at = element.AttributeNode("id")!;
                diagnostics.Add(new BpmnDiagnostic(
                    DiagnosticCodes.DuplicateId,
                    DiagnosticSeverity.Error,
                    $"The id '{id}' is used again by <{element.LocalName}>; it was first used by <{first.LocalName}> at line {first.Line}. Every id must be unique in the file.",
                    id,
                    at.Line,
                    at.Column));
            }
        }

        return byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private BpmnProcess BuildProcess(BpmnXmlElement element)
    {
        var process = new BpmnProcess(element);
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        BuildScope(element, process.Root, nodes, flows);
        foreach (var scope in process.Scopes())
        {
            ResolveScope(scope, nodes);
        }

        process.NodesById = nodes.ToFrozenDictionary(StringComparer.Ordinal);
        process.FlowsById = flows.ToFrozenDictionary(StringComparer.Ordinal);
        return process;
    }

    private void BuildScope(
        BpmnXmlElement container,
        FlowScope scope,
        Dictionary<string, FlowNode> allNodes,
        Dictionary<string, SequenceFlow> allFlows)
    {
        var nodes = ImmutableArray.CreateBuilder<FlowNode>();
        var flows = ImmutableArray.CreateBuilder<SequenceFlow>();
        foreach (var child in container.Elements())
        {
            if (!child.IsBpmn)
            {
                continue;
            }

            if (child.LocalName == "sequenceFlow")
            {
                if (child.Id is null)
                {
                    _diagnostics.Add(MissingId(child));
                    continue;
                }

                var flow = new SequenceFlow(child, scope);
                flows.Add(flow);
                allFlows.TryAdd(flow.Id, flow);
                continue;
            }

            if (!NodeKinds.TryGetValue(child.LocalName, out var kind))
            {
                continue;
            }

            if (child.Id is null)
            {
                _diagnostics.Add(MissingId(child));
                continue;
            }

            var node = CreateNode(child, kind, scope);
            nodes.Add(node);
            allNodes.TryAdd(node.Id, node);
            if (node is SubProcess sub)
            {
                BuildScope(child, sub.Inner, allNodes, allFlows);
            }
        }

        scope.Nodes = nodes.ToImmutable();
        scope.Flows = flows.ToImmutable();
    }

    private FlowNode CreateNode(BpmnXmlElement element, FlowNodeKind kind, FlowScope scope)
    {
        switch (kind)
        {
            case FlowNodeKind.StartEvent:
            case FlowNodeKind.EndEvent:
            case FlowNodeKind.IntermediateCatchEvent:
            case FlowNodeKind.IntermediateThrowEvent:
            case FlowNodeKind.BoundaryEvent:
                return new BpmnEvent(element, kind, scope, ReadEventDefinitions(element));
            case FlowNodeKind.SubProcess:
            case FlowNodeKind.Transaction:
            case FlowNodeKind.AdHocSubProcess:
                return new SubProcess(element, kind, scope);
            case FlowNodeKind.CallActivity:
                return new CallActivity(element, scope);
            case FlowNodeKind.ExclusiveGateway:
            case FlowNodeKind.ParallelGateway:
            case FlowNodeKind.InclusiveGateway:
            case FlowNodeKind.EventBasedGateway:
            case FlowNodeKind.ComplexGateway:
                return new Gateway(element, kind, scope);
            default:
                var task = new BpmnTask(element, kind, scope);
                if (task.MessageRef is { } messageRef)
                {
                    task.Message = ResolveRoot(element, "messageRef", messageRef, _messages, "message");
                }

                return task;
        }
    }

    private ImmutableArray<EventDefinition> ReadEventDefinitions(BpmnXmlElement element)
    {
        var definitions = ImmutableArray.CreateBuilder<EventDefinition>();
        foreach (var child in element.Elements())
        {
            if (!child.IsBpmn || !DefinitionKinds.TryGetValue(child.LocalName, out var kind))
            {
                continue;
            }

            switch (kind)
            {
                case EventDefinitionKind.Message:
                {
                    var messageRef = child.Attribute("messageRef");
                    var message = messageRef is null ? null : ResolveRoot(child, "messageRef", messageRef, _messages, "message");
                    definitions.Add(new MessageEventDefinition(child, messageRef, message));
                    break;
                }

                case EventDefinitionKind.Error:
                {
                    var errorRef = child.Attribute("errorRef");
                    var error = errorRef is null ? null : ResolveRoot(child, "errorRef", errorRef, _errors, "error");
                    definitions.Add(new ErrorEventDefinition(child, errorRef, error));
                    break;
                }

                case EventDefinitionKind.Timer:
                {
                    var (timerKind, source) = child.BpmnElement("timeDate") is { } date ? (TimerKind.Date, date)
                        : child.BpmnElement("timeDuration") is { } duration ? (TimerKind.Duration, duration)
                        : child.BpmnElement("timeCycle") is { } cycle ? (TimerKind.Cycle, cycle)
                        : ((TimerKind?)null, (BpmnXmlElement?)null);
                    definitions.Add(new TimerEventDefinition(child, timerKind, source?.Text, source));
                    break;
                }

                default:
                    definitions.Add(new EventDefinition(kind, child));
                    break;
            }
        }

        return definitions.ToImmutable();
    }

    private T? ResolveRoot<T>(BpmnXmlElement element, string attribute, string reference, FrozenDictionary<string, T> table, string what)
        where T : class
    {
        if (table.TryGetValue(reference, out var found))
        {
            return found;
        }

        var at = (BpmnXmlNode?)element.AttributeNode(attribute) ?? element;
        if (_elementsById.TryGetValue(reference, out var other))
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.WrongReferenceKind,
                DiagnosticSeverity.Error,
                $"{attribute}=\"{reference}\" points at a <{other.LocalName}>, but must name a <{what}>.",
                OwnerId(element),
                at.Line,
                at.Column));
        }
        else
        {
            _diagnostics.Add(Dangling(attribute, reference, what, OwnerId(element), at));
        }

        return null;
    }

    private void ResolveScope(FlowScope scope, Dictionary<string, FlowNode> processNodes)
    {
        var incoming = new Dictionary<string, List<SequenceFlow>>(StringComparer.Ordinal);
        var outgoing = new Dictionary<string, List<SequenceFlow>>(StringComparer.Ordinal);
        // Duplicate ids are already reported; the first element with an id wins, as in the document index.
        var local = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in scope.Nodes)
        {
            local.TryAdd(node.Id, node);
        }

        foreach (var flow in scope.Flows)
        {
            flow.SourceNode = ResolveFlowEnd(flow, "sourceRef", flow.SourceRef, local, processNodes);
            flow.TargetNode = ResolveFlowEnd(flow, "targetRef", flow.TargetRef, local, processNodes);
            if (flow.SourceNode is not null)
            {
                Add(outgoing, flow.SourceNode.Id, flow);
            }

            if (flow.TargetNode is not null)
            {
                Add(incoming, flow.TargetNode.Id, flow);
            }
        }

        var boundaries = new Dictionary<string, List<BpmnEvent>>(StringComparer.Ordinal);
        foreach (var node in scope.Nodes)
        {
            node.Incoming = incoming.TryGetValue(node.Id, out var inFlows) ? [.. inFlows] : [];
            node.Outgoing = outgoing.TryGetValue(node.Id, out var outFlows) ? [.. outFlows] : [];
            if (node is BpmnEvent { Kind: FlowNodeKind.BoundaryEvent } boundary)
            {
                ResolveAttachment(boundary, local, processNodes, boundaries);
            }
        }

        foreach (var node in scope.Nodes)
        {
            switch (node)
            {
                case Gateway gateway when gateway.DefaultRef is { } defaultRef:
                    gateway.DefaultFlow = ResolveDefault(gateway, defaultRef);
                    break;
                case Activity activity when activity.DefaultRef is { } defaultRef:
                    activity.DefaultFlow = ResolveDefault(activity, defaultRef);
                    break;
            }

            if (node is Activity owner && boundaries.TryGetValue(owner.Id, out var attached))
            {
                owner.BoundaryEvents = [.. attached];
            }
        }
    }

    private FlowNode? ResolveFlowEnd(
        SequenceFlow flow,
        string attribute,
        string reference,
        Dictionary<string, FlowNode> local,
        Dictionary<string, FlowNode> processNodes)
    {
        var at = (BpmnXmlNode?)flow.Source.AttributeNode(attribute) ?? flow.Source;
        if (reference.Length == 0)
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.DanglingReference,
                DiagnosticSeverity.Error,
                $"The sequence flow has no {attribute}; connect both of its ends.",
                flow.Id,
                at.Line,
                at.Column));
            return null;
        }

        if (local.TryGetValue(reference, out var node))
        {
            return node;
        }

        if (processNodes.TryGetValue(reference, out var elsewhere))
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.FlowCrossesScope,
                DiagnosticSeverity.Error,
                $"The sequence flow connects '{flow.Scope.Id}' with '{elsewhere.DisplayName}' inside '{elsewhere.Scope.Id}'. A sequence flow cannot cross a subprocess boundary; connect to the subprocess itself, or to a start or end event inside it.",
                flow.Id,
                at.Line,
                at.Column));
            return null;
        }

        if (_elementsById.TryGetValue(reference, out var other))
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.WrongReferenceKind,
                DiagnosticSeverity.Error,
                $"{attribute}=\"{reference}\" points at a <{other.LocalName}>, which is not a flow node of this process. A sequence flow must connect events, activities and gateways.",
                flow.Id,
                at.Line,
                at.Column));
            return null;
        }

        _diagnostics.Add(Dangling(attribute, reference, "flow node", flow.Id, at));
        return null;
    }

    private void ResolveAttachment(
        BpmnEvent boundary,
        Dictionary<string, FlowNode> local,
        Dictionary<string, FlowNode> processNodes,
        Dictionary<string, List<BpmnEvent>> boundaries)
    {
        var at = (BpmnXmlNode?)boundary.Source.AttributeNode("attachedToRef") ?? boundary.Source;
        if (boundary.AttachedToRef is not { Length: > 0 } reference)
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.DanglingReference,
                DiagnosticSeverity.Error,
                "The boundary event is not attached to any activity (attachedToRef is missing).",
                boundary.Id,
                at.Line,
                at.Column));
            return;
        }

        if (local.TryGetValue(reference, out var target) && target is Activity activity)
        {
            boundary.AttachedTo = activity;
            Add(boundaries, activity.Id, boundary);
            return;
        }

        if (target is not null || processNodes.ContainsKey(reference) || _elementsById.ContainsKey(reference))
        {
            var what = target?.Kind.ToString() ?? (processNodes.TryGetValue(reference, out var n) ? $"{n.Kind} in another scope" : _elementsById[reference].LocalName);
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.WrongReferenceKind,
                DiagnosticSeverity.Error,
                $"attachedToRef=\"{reference}\" points at a {what}; a boundary event must sit on an activity (task, subprocess or call activity) of its own scope.",
                boundary.Id,
                at.Line,
                at.Column));
            return;
        }

        _diagnostics.Add(Dangling("attachedToRef", reference, "activity", boundary.Id, at));
    }

    private SequenceFlow? ResolveDefault(FlowNode node, string reference)
    {
        var at = (BpmnXmlNode?)node.Source.AttributeNode("default") ?? node.Source;
        var flow = node.Outgoing.FirstOrDefault(f => f.Id == reference);
        if (flow is not null)
        {
            flow.IsDefault = true;
            return flow;
        }

        if (_elementsById.ContainsKey(reference))
        {
            _diagnostics.Add(new BpmnDiagnostic(
                DiagnosticCodes.DefaultNotOutgoing,
                DiagnosticSeverity.Error,
                $"default=\"{reference}\" is not one of the outgoing sequence flows of '{node.DisplayName}'. Choose one of its own outgoing flows as the default.",
                node.Id,
                at.Line,
                at.Column));
        }
        else
        {
            _diagnostics.Add(Dangling("default", reference, "sequence flow", node.Id, at));
        }

        return null;
    }

    private static BpmnDiagnostic Dangling(string attribute, string reference, string what, string? elementId, BpmnXmlNode at) => new(
        DiagnosticCodes.DanglingReference,
        DiagnosticSeverity.Error,
        $"{attribute}=\"{reference}\" names no {what} in this file. Was it deleted or renamed?",
        elementId,
        at.Line,
        at.Column);

    private static BpmnDiagnostic MissingId(BpmnXmlElement element) => new(
        DiagnosticCodes.MissingId,
        DiagnosticSeverity.Error,
        $"This <{element.LocalName}> has no id. Every process, flow node and sequence flow needs one so that flows, tasks and history can refer to it.",
        null,
        element.Line,
        element.Column);

    private static string? OwnerId(BpmnXmlElement element) => element.Id;

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
