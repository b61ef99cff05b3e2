using System.Collections.Frozen;
using System.Globalization;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Model.Xml;
using ApprovalHub.Workflows.Timers;

namespace ApprovalHub.Workflows.Parsing;

/// <summary>
/// Semantic checks on a built <see cref="BpmnDocument"/>. Executable processes are held to the
/// engine's rules (errors block deployment); non-executable ones are documentation, so the same
/// findings are warnings there.
/// </summary>
internal sealed partial class BpmnValidator
{
    /// <summary>The <c>ah:</c> attributes the engine reads; any other is a typo worth a warning.</summary>
    private static readonly FrozenSet<string> KnownExtensionAttributes = new[]
    {
        "type", "assignee", "candidateUsers", "candidateGroups", "formKey", "dueIn", "priority", "async", "retry", "escalates",
        "resultVariable", "correlationKey", "version", "collection", "elementVariable", "initiator",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<BpmnDiagnostic> _diagnostics;
    private DiagnosticSeverity _strict;
    private string? _expressionLanguage;

    private BpmnValidator(List<BpmnDiagnostic> diagnostics) => _diagnostics = diagnostics;

    public static void Validate(BpmnDocument document, List<BpmnDiagnostic> diagnostics)
    {
        var validator = new BpmnValidator(diagnostics)
        {
            // Only an explicit non-XPath default counts: tools write the spec's XPath default without meaning it.
            _expressionLanguage = document.Root.Attribute("expressionLanguage") is { } l
                                  && !l.Contains("xpath", StringComparison.OrdinalIgnoreCase) ? l : null,
        };
        validator.CheckRootElements(document);
        validator.CheckExtensionAttributes(document);
        foreach (var process in document.Processes)
        {
            validator.CheckProcess(process);
        }
    }

    private void CheckProcess(BpmnProcess process)
    {
        _strict = process.IsExecutable ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        if (!process.IsExecutable)
        {
            Report(DiagnosticCodes.NotExecutable, DiagnosticSeverity.Info,
                $"Process '{process.DisplayName}' is not executable (isExecutable is not \"true\"), so it is checked as documentation: findings are warnings and it will not be deployed.",
                process.Source, process.Id);
        }

        foreach (var scope in process.Scopes())
        {
            CheckStartEvents(scope);
            CheckReachability(scope);
            foreach (var node in scope.Nodes)
            {
                CheckFlowDirection(node);
                CheckSupport(node);
                switch (node)
                {
                    case Gateway gateway:
                        CheckGateway(gateway);
                        break;
                    case BpmnTask task:
                        CheckTask(task);
                        break;
                    case CallActivity call:
                        CheckCallActivity(call);
                        break;
                    case BpmnEvent bpmnEvent:
                        CheckEventDefinitions(bpmnEvent);
                        break;
                }

                if (node is Activity activity)
                {
                    CheckActivity(activity);
                }
            }

            foreach (var flow in scope.Flows)
            {
                if (flow.Condition is { Length: > 0 } condition && flow.ConditionSource is { } source)
                {
                    CheckExpression(condition, source, flow.Id, "condition");
                }
            }
        }
    }

    private void CheckStartEvents(FlowScope scope)
    {
        if (scope.Owner is { TriggeredByEvent: true })
        {
            return;
        }

        if (!scope.StartEvents.Any())
        {
            var where = scope.Owner is null ? $"Process '{scope.Process.DisplayName}'" : $"Subprocess '{scope.Owner.DisplayName}'";
            var at = (BpmnElement?)scope.Owner ?? scope.Process;
            Report(DiagnosticCodes.NoStartEvent, _strict,
                $"{where} has no start event, so nothing can start it. Add a start event and connect it to the first step.",
                at.Source, at.Id);
        }
        else if (scope.Owner is not null)
        {
            foreach (var start in scope.StartEvents.Where(s => s.Trigger != EventDefinitionKind.None))
            {
                Report(DiagnosticCodes.Unsupported, _strict,
                    $"The start event '{start.DisplayName}' inside subprocess '{scope.Owner.DisplayName}' has a {start.Trigger} trigger; a start event of an embedded subprocess must be a none start event.",
                    start.Source, start.Id);
            }
        }
    }

    private void CheckReachability(FlowScope scope)
    {
        if (scope.Owner is { TriggeredByEvent: true } || !scope.StartEvents.Any())
        {
            return;
        }

        var reached = new HashSet<FlowNode>();
        var queue = new Queue<FlowNode>();
        foreach (var start in scope.StartEvents)
        {
            queue.Enqueue(start);
        }

        // Event subprocesses are started by their own trigger, not by flows.
        foreach (var sub in scope.Nodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent))
        {
            queue.Enqueue(sub);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!reached.Add(node))
            {
                continue;
            }

            foreach (var flow in node.Outgoing)
            {
                if (flow.TargetNode is { } target)
                {
                    queue.Enqueue(target);
                }
            }

            if (node is Activity activity)
            {
                foreach (var boundary in activity.BoundaryEvents)
                {
                    queue.Enqueue(boundary);
                }
            }
        }

        // A boundary event that is attached to nothing already has its own error; "unreachable" would only repeat it.
        // Neither does a second element with a duplicate id, which flows cannot address.
        foreach (var node in scope.Nodes.Where(n => !reached.Contains(n)
                                                    && n is not BpmnEvent { Kind: FlowNodeKind.BoundaryEvent, AttachedTo: null }
                                                    && ReferenceEquals(scope.Process.FindNode(n.Id), n)))
        {
            Report(DiagnosticCodes.Unreachable, _strict,
                $"'{node.DisplayName}' cannot be reached from any start event, so it will never run. Connect it, or delete it.",
                node.Source, node.Id);
        }
    }

    private void CheckFlowDirection(FlowNode node)
    {
        var problem = node.Kind switch
        {
            FlowNodeKind.StartEvent when node.Incoming.Length > 0 => "A start event cannot have incoming sequence flows; route them to the next step instead.",
            FlowNodeKind.EndEvent when node.Outgoing.Length > 0 => "An end event cannot have outgoing sequence flows; use an intermediate event to continue.",
            FlowNodeKind.BoundaryEvent when node.Incoming.Length > 0 => "A boundary event cannot have incoming sequence flows; it is triggered, not reached.",
            _ => null,
        };
        if (problem is not null)
        {
            Report(DiagnosticCodes.IllegalFlowDirection, DiagnosticSeverity.Error, $"'{node.DisplayName}': {problem}", node.Source, node.Id);
        }
    }

    private void CheckGateway(Gateway gateway)
    {
        if (gateway.Outgoing.IsEmpty)
        {
            Report(DiagnosticCodes.DeadEndGateway, _strict,
                $"Gateway '{gateway.DisplayName}' has no outgoing sequence flow; tokens reaching it would be stuck.",
                gateway.Source, gateway.Id);
        }

        if (gateway.Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway && gateway.Outgoing.Length > 1)
        {
            foreach (var flow in gateway.Outgoing.Where(f => string.IsNullOrWhiteSpace(f.Condition) && !f.IsDefault))
            {
                Report(DiagnosticCodes.UnconditionalGatewayFlow, _strict,
                    $"The flow '{flow.DisplayName}' leaving {(gateway.Kind == FlowNodeKind.ExclusiveGateway ? "exclusive" : "inclusive")} gateway '{gateway.DisplayName}' has no condition and is not the gateway's default. Give it a condition such as ${{approved == true}}, or make it the default flow.",
                    flow.Source, flow.Id);
            }
        }

        if (gateway.DefaultFlow is { Condition.Length: > 0 } conditioned)
        {
            Report(DiagnosticCodes.DefaultFlowWithCondition, DiagnosticSeverity.Warning,
                $"The default flow '{conditioned.DisplayName}' of '{gateway.DisplayName}' has a condition, which is never evaluated: the default is taken exactly when no other condition holds.",
                conditioned.Source, conditioned.Id);
        }

        if (gateway.Kind == FlowNodeKind.EventBasedGateway)
        {
            foreach (var flow in gateway.Outgoing)
            {
                if (flow.TargetNode is BpmnEvent { Kind: FlowNodeKind.IntermediateCatchEvent } or BpmnTask { Kind: FlowNodeKind.ReceiveTask } or null)
                {
                    continue;
                }

                Report(DiagnosticCodes.EventGatewayTarget, DiagnosticSeverity.Error,
                    $"Event-based gateway '{gateway.DisplayName}' leads to '{flow.TargetNode.DisplayName}', a {flow.TargetNode.Kind}; it may only lead to intermediate catch events (message, timer) or receive tasks.",
                    flow.Source, flow.Id);
            }
        }
    }

    private void CheckTask(BpmnTask task)
    {
        if (task.Kind is FlowNodeKind.ServiceTask or FlowNodeKind.SendTask && string.IsNullOrWhiteSpace(task.HandlerType))
        {
            Report(DiagnosticCodes.ServiceTaskWithoutType, _strict,
                $"{(task.Kind == FlowNodeKind.ServiceTask ? "Service" : "Send")} task '{task.DisplayName}' names no handler{VendorHandlerHint(task)}. Add ah:type=\"…\" with the handler to call (for example registry.issueUseCertificate).",
                task.Source, task.Id);
        }

        if (task.Kind == FlowNodeKind.ScriptTask)
        {
            if (task.ScriptFormat is { } format
                && !format.Equals("javascript", StringComparison.OrdinalIgnoreCase)
                && !format.Equals("js", StringComparison.OrdinalIgnoreCase)
                && !format.Equals("ecmascript", StringComparison.OrdinalIgnoreCase)
                && !format.Equals("text/javascript", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCodes.ScriptTask, _strict,
                    $"Script task '{task.DisplayName}' is written in '{format}'; the engine runs JavaScript only (scriptFormat=\"javascript\").",
                    task.Source, task.Id);
            }
            else if (string.IsNullOrWhiteSpace(task.Script))
            {
                Report(DiagnosticCodes.ScriptTask, _strict,
                    $"Script task '{task.DisplayName}' has no script. Add a <script> element with JavaScript.",
                    task.Source, task.Id);
            }
            else if (ExpressionText.CheckScript(task.Script) is { } error)
            {
                var at = task.Source.BpmnElement("script") ?? task.Source;
                Report(DiagnosticCodes.MalformedExpression, _strict, $"Script task '{task.DisplayName}': {error}", at, task.Id);
            }
        }

        if (task.Kind == FlowNodeKind.ReceiveTask && task.MessageRef is null)
        {
            Report(DiagnosticCodes.MessageWithoutName, _strict,
                $"Receive task '{task.DisplayName}' waits for no message. Set messageRef to a <message> with a name.",
                task.Source, task.Id);
        }

        if (task.Kind == FlowNodeKind.UserTask)
        {
            CheckOptionalExpression(task.Assignee, task, "assignee");
            if (task.DueIn is { } due)
            {
                var error = ExpressionText.IsWrapped(due) ? ExpressionText.CheckExpression(due) : TimerSyntax.Check(TimerKind.Duration, due);
                if (error is not null)
                {
                    Report(DiagnosticCodes.MalformedTimer, _strict, $"The due date of '{task.DisplayName}' (ah:dueIn) is malformed: {error}",
                        (BpmnXmlNode?)task.Source.AttributeNode("dueIn", BpmnNamespaces.ApprovalHub) ?? task.Source, task.Id);
                }
            }
        }

        CheckOptionalExpression(task.CorrelationKey, task, "correlationKey");
    }

    /// <summary>Files from Camunda or Zeebe name their handler in their own namespace; say so rather than only "missing".</summary>
    private static string VendorHandlerHint(BpmnTask task)
    {
        var vendorAttribute = task.Source.Attributes.FirstOrDefault(a =>
            a.LocalName is "class" or "delegateExpression" or "expression" or "type" or "topic"
            && a.NamespaceUri.Contains("camunda", StringComparison.OrdinalIgnoreCase));
        if (vendorAttribute is not null)
        {
            return $" ApprovalHub can call (it has {vendorAttribute.Prefix}:{vendorAttribute.LocalName}=\"{vendorAttribute.Value}\", which is Camunda's)";
        }

        var zeebe = task.Source.BpmnElement("extensionElements")?.Elements()
            .FirstOrDefault(e => e.LocalName == "taskDefinition");
        return zeebe is null ? string.Empty : $" ApprovalHub can call (its zeebe:taskDefinition type=\"{zeebe.Attribute("type")}\" is Zeebe's)";
    }

    private void CheckActivity(Activity activity)
    {
        if (activity.MultiInstance is { } loop)
        {
            if (loop.Cardinality is null && loop.Collection is null)
            {
                Report(DiagnosticCodes.MultiInstanceSource, _strict,
                    $"Multi-instance activity '{activity.DisplayName}' says neither how many instances to create (loopCardinality) nor over which collection (ah:collection).",
                    loop.Source, activity.Id);
            }

            if (loop.Cardinality is { } cardinality)
            {
                CheckExpression(cardinality, loop.Source.BpmnElement("loopCardinality")!, activity.Id, "loop cardinality");
            }

            if (loop.CompletionCondition is { } completion)
            {
                CheckExpression(completion, loop.Source.BpmnElement("completionCondition")!, activity.Id, "completion condition");
            }

            if (loop.Source.Attribute("collection", BpmnNamespaces.ApprovalHub) is { } collection)
            {
                CheckExpression(collection, loop.Source, activity.Id, "collection");
            }
        }

        if (activity.Source.BpmnElement("standardLoopCharacteristics") is { } standardLoop)
        {
            Report(DiagnosticCodes.Unsupported, _strict,
                $"Unsupported loop: '{activity.DisplayName}' has a standard loop (standardLoopCharacteristics), which the engine does not execute. Use multi-instance, or model the loop with a gateway.",
                standardLoop, activity.Id);
        }

        foreach (var association in activity.Source.Elements().Where(e => e.IsBpmn && e.LocalName is "dataInputAssociation" or "dataOutputAssociation"))
        {
            Report(DiagnosticCodes.Unsupported, DiagnosticSeverity.Warning,
                $"Unsupported data flow: '{activity.DisplayName}' has a {association.LocalName}; data associations are kept in the file but not executed. Pass data through process variables.",
                association, activity.Id);
        }
    }

    private void CheckCallActivity(CallActivity call)
    {
        if (string.IsNullOrWhiteSpace(call.CalledElement))
        {
            Report(DiagnosticCodes.CallActivityTarget, _strict,
                $"Call activity '{call.DisplayName}' calls no process. Set calledElement to the key of the process to start.",
                call.Source, call.Id);
        }

        if (call.Version is { } version
            && !version.Equals("latest", StringComparison.OrdinalIgnoreCase)
            && !(int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var pinned) && pinned > 0))
        {
            Report(DiagnosticCodes.CallActivityTarget, _strict,
                $"Call activity '{call.DisplayName}' has ah:version=\"{version}\"; use \"latest\" or a version number such as \"3\".",
                (BpmnXmlNode?)call.Source.AttributeNode("version", BpmnNamespaces.ApprovalHub) ?? call.Source, call.Id);
        }

        foreach (var mapping in call.InMappings.Concat(call.OutMappings).Where(m => m.Source.Length == 0 || m.Target.Length == 0))
        {
            Report(DiagnosticCodes.CallActivityTarget, _strict,
                $"Call activity '{call.DisplayName}' has a variable mapping without source or target; write <ah:in source=\"deviceCode\" target=\"deviceCode\"/>.",
                call.Source.BpmnElement("extensionElements") ?? call.Source, call.Id);
        }
    }

    private void CheckEventDefinitions(BpmnEvent bpmnEvent)
    {
        CheckOptionalExpression(bpmnEvent.CorrelationKey, bpmnEvent, "correlationKey");
        foreach (var definition in bpmnEvent.Definitions)
        {
            switch (definition)
            {
                case TimerEventDefinition timer:
                    var error = timer.TimerKind is not { } kind
                        ? "The timer has no timeDate, timeDuration or timeCycle. Say when it fires, for example <timeDuration>P15WD</timeDuration>."
                        : bpmnEvent.Kind == FlowNodeKind.StartEvent && ExpressionText.IsWrapped(timer.Expression ?? string.Empty)
                            ? "A timer start event fires before any instance exists, so it cannot read variables. Write a literal date, duration or cycle, for example <timeCycle>0 0 9 ? * MON-FRI</timeCycle>."
                            : TimerSyntax.Check(kind, timer.Expression);
                    if (error is not null)
                    {
                        Report(DiagnosticCodes.MalformedTimer, _strict, $"Timer '{bpmnEvent.DisplayName}': {error}",
                            timer.ExpressionSource ?? timer.Source!, bpmnEvent.Id);
                    }

                    break;
                case MessageEventDefinition { MessageRef: null } message:
                    Report(DiagnosticCodes.MessageWithoutName, _strict,
                        $"Message event '{bpmnEvent.DisplayName}' names no message. Set messageRef to a <message> whose name is what senders correlate on.",
                        message.Source!, bpmnEvent.Id);
                    break;
            }
        }
    }

    private void CheckOptionalExpression(string? text, FlowNode node, string attribute)
    {
        if (text is not null && ExpressionText.IsWrapped(text))
        {
            CheckExpression(text, (BpmnXmlNode?)node.Source.AttributeNode(attribute, BpmnNamespaces.ApprovalHub) ?? node.Source, node.Id, $"ah:{attribute}");
        }
    }

    private void CheckExpression(string text, BpmnXmlNode at, string elementId, string what)
    {
        if (ForeignLanguage(text, at as BpmnXmlElement) is { } language)
        {
            Report(DiagnosticCodes.Unsupported, _strict,
                $"Unsupported expression language: the {what} of '{elementId}' is written in {language}; the engine evaluates JavaScript (${{approved == true}}).",
                at, elementId);
            return;
        }

        if (ExpressionText.CheckExpression(text) is { } error)
        {
            Report(DiagnosticCodes.MalformedExpression, _strict, $"The {what} of '{elementId}' is malformed: {error}", at, elementId);
        }
    }

    /// <summary>
    /// Names the language of an expression written for another engine, or null when it is ours.
    /// BPMN's default language is XPath, but ApprovalHub files are JavaScript unless they say otherwise.
    /// </summary>
    private string? ForeignLanguage(string text, BpmnXmlElement? element)
    {
        var language = element?.Attribute("language") ?? _expressionLanguage;
        if (language is not null)
        {
            var lower = language.ToLowerInvariant();
            if (lower.Contains("feel", StringComparison.Ordinal))
            {
                return $"FEEL ({language})";
            }

            if (lower.Contains("xpath", StringComparison.Ordinal))
            {
                return $"XPath ({language})";
            }

            if (lower.Contains("juel", StringComparison.Ordinal) || lower.Contains("groovy", StringComparison.Ordinal)
                || lower.Contains("python", StringComparison.Ordinal))
            {
                return language;
            }
        }

        // BPMN's own XPath functions (bpmn:getDataObject) mark XPath written without a language attribute.
        if (text.Contains("bpmn:get", StringComparison.Ordinal))
        {
            return "XPath (BPMN's default language, bpmn:get… functions)";
        }

        // Zeebe writes FEEL expressions with a leading '=' and no language attribute.
        return text.TrimStart().StartsWith('=') ? "FEEL (Zeebe's '=' form)" : null;
    }

    private void CheckExtensionAttributes(BpmnDocument document)
    {
        foreach (var element in document.Root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes.Where(a => a.NamespaceUri == BpmnNamespaces.ApprovalHub))
            {
                if (!KnownExtensionAttributes.Contains(attribute.LocalName))
                {
                    Report(DiagnosticCodes.ExtensionAttribute, DiagnosticSeverity.Warning,
                        $"ah:{attribute.LocalName} is not an ApprovalHub attribute and is ignored. Known attributes are listed in docs/bpmn-extensions.md.",
                        attribute, element.Id);
                }
                else if (attribute.LocalName == "async" && attribute.Value is not ("true" or "false"))
                {
                    Report(DiagnosticCodes.ExtensionAttribute, DiagnosticSeverity.Error,
                        $"ah:async must be \"true\" or \"false\", not \"{attribute.Value}\".", attribute, element.Id);
                }
                else if (attribute.LocalName == "retry" && TimerSyntax.Check(TimerKind.Cycle, attribute.Value) is { } retryError)
                {
                    Report(DiagnosticCodes.ExtensionAttribute, DiagnosticSeverity.Error,
                        $"ah:retry must be a repeating interval such as R3/PT1M (three attempts a minute apart): {retryError}", attribute, element.Id);
                }
            }
        }
    }

    private void Report(string code, DiagnosticSeverity severity, string message, BpmnXmlNode at, string? elementId) =>
        _diagnostics.Add(new BpmnDiagnostic(code, severity, message, elementId, at.Line, at.Column));
}
