using System.Collections.Immutable;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>A task, subprocess or call activity: something that does work and can carry boundary events.</summary>
public abstract class Activity : FlowNode
{
    private protected Activity(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope)
        : base(source, kind, scope)
    {
        DefaultRef = source.Attribute("default");
        var loop = source.BpmnElement("multiInstanceLoopCharacteristics");
        MultiInstance = loop is null ? null : new MultiInstance(loop);
    }

    /// <summary>Boundary events attached to this activity.</summary>
    public ImmutableArray<BpmnEvent> BoundaryEvents { get; internal set; } = [];

    /// <summary>Multi-instance characteristics, or null for a single instance.</summary>
    public MultiInstance? MultiInstance { get; }

    /// <summary>The id of the default outgoing flow, when conditional flows leave the activity.</summary>
    public string? DefaultRef { get; }

    /// <summary>The default outgoing flow.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }
}

/// <summary>
/// A task of any kind. User tasks carry assignment (<c>ah:assignee</c>, <c>ah:candidateGroups</c>),
/// service tasks their handler (<c>ah:type</c>), script tasks their script.
/// </summary>
public sealed class BpmnTask : Activity
{
    internal BpmnTask(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope)
        : base(source, kind, scope)
    {
        HandlerType = Extension("type");
        Assignee = Extension("assignee");
        CandidateUsers = SplitList(Extension("candidateUsers"));
        CandidateGroups = SplitList(Extension("candidateGroups"));
        FormKey = Extension("formKey");
        DueIn = Extension("dueIn");
        ResultVariable = Extension("resultVariable");
        if (kind == FlowNodeKind.ScriptTask)
        {
            ScriptFormat = source.Attribute("scriptFormat");
            Script = source.BpmnElement("script")?.Text;
        }

        MessageRef = source.Attribute("messageRef");
        CorrelationKey = Extension("correlationKey");
    }

    /// <summary>Service, send and business-rule tasks: the handler type (<c>ah:type</c>).</summary>
    public string? HandlerType { get; }

    /// <summary>User tasks: the assignee expression.</summary>
    public string? Assignee { get; }

    /// <summary>User tasks: candidate users (comma-separated in the file).</summary>
    public ImmutableArray<string> CandidateUsers { get; }

    /// <summary>User tasks: candidate groups (comma-separated in the file).</summary>
    public ImmutableArray<string> CandidateGroups { get; }

    /// <summary>User tasks: the form shown to the person doing the task.</summary>
    public string? FormKey { get; }

    /// <summary>User tasks: due date as a duration (<c>P15WD</c>) or expression.</summary>
    public string? DueIn { get; }

    /// <summary>Script and service tasks: the variable the result is stored in.</summary>
    public string? ResultVariable { get; }

    /// <summary>Script tasks: the language as written (javascript expected).</summary>
    public string? ScriptFormat { get; }

    /// <summary>Script tasks: the script text.</summary>
    public string? Script { get; }

    /// <summary>Receive and send tasks: the <c>messageRef</c> attribute.</summary>
    public string? MessageRef { get; }

    /// <summary>Receive and send tasks: the resolved message.</summary>
    public BpmnMessage? Message { get; internal set; }

    /// <summary>Receive tasks: <c>ah:correlationKey</c>.</summary>
    public string? CorrelationKey { get; }

    private static ImmutableArray<string> SplitList(string? value) =>
        value is null
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>An embedded subprocess (or transaction, ad-hoc or event subprocess): an activity with its own scope.</summary>
public sealed class SubProcess : Activity
{
    internal SubProcess(BpmnXmlElement source, FlowNodeKind kind, FlowScope scope)
        : base(source, kind, scope)
    {
        TriggeredByEvent = string.Equals(source.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase);
        Inner = new FlowScope(this, scope.Process);
    }

    /// <summary>True for an event subprocess.</summary>
    public bool TriggeredByEvent { get; }

    /// <summary>The nodes and flows inside.</summary>
    public FlowScope Inner { get; }
}

/// <summary>A variable mapping of a call activity: <c>&lt;ah:in source="…" target="…"/&gt;</c>.</summary>
/// <param name="Source">An expression evaluated in the calling scope (in) or the called scope (out).</param>
/// <param name="Target">The variable set on the other side.</param>
public sealed record VariableMapping(string Source, string Target);

/// <summary>A call activity: starts another process by key and waits for it.</summary>
public sealed class CallActivity : Activity
{
    internal CallActivity(BpmnXmlElement source, FlowScope scope)
        : base(source, FlowNodeKind.CallActivity, scope)
    {
        CalledElement = source.Attribute("calledElement");
        Version = Extension("version");
        var extensions = source.BpmnElement("extensionElements");
        InMappings = ReadMappings(extensions, "in");
        OutMappings = ReadMappings(extensions, "out");
    }

    /// <summary>The process key called.</summary>
    public string? CalledElement { get; }

    /// <summary><c>ah:version</c>: <c>latest</c> (default) or a pinned version number.</summary>
    public string? Version { get; }

    /// <summary>Variables passed to the called process.</summary>
    public ImmutableArray<VariableMapping> InMappings { get; }

    /// <summary>Variables copied back when the called process completes.</summary>
    public ImmutableArray<VariableMapping> OutMappings { get; }

    private static ImmutableArray<VariableMapping> ReadMappings(BpmnXmlElement? extensions, string localName)
    {
        if (extensions is null)
        {
            return [];
        }

        return
        [
            .. extensions.Elements(BpmnNamespaces.ApprovalHub, localName)
                .Select(e => new VariableMapping(e.Attribute("source") ?? string.Empty, e.Attribute("target") ?? string.Empty)),
        ];
    }
}
