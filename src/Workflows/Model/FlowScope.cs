using System.Collections.Immutable;

namespace ApprovalHub.Workflows.Model;

/// <summary>
/// A scope of the flow graph: a process, or the inside of a subprocess. Tokens never cross a
/// scope boundary along a sequence flow; they enter and leave through the subprocess activity.
/// </summary>
public sealed class FlowScope
{
    internal FlowScope(SubProcess? owner, BpmnProcess process)
    {
        Owner = owner;
        Process = process;
    }

    /// <summary>The subprocess whose inside this is; null for the process itself.</summary>
    public SubProcess? Owner { get; }

    /// <summary>The process the scope belongs to.</summary>
    public BpmnProcess Process { get; }

    /// <summary>Flow nodes directly in this scope (not in nested subprocesses).</summary>
    public ImmutableArray<FlowNode> Nodes { get; internal set; } = [];

    /// <summary>Sequence flows directly in this scope.</summary>
    public ImmutableArray<SequenceFlow> Flows { get; internal set; } = [];

    /// <summary>Start events directly in this scope.</summary>
    public IEnumerable<BpmnEvent> StartEvents =>
        Nodes.OfType<BpmnEvent>().Where(e => e.Kind == FlowNodeKind.StartEvent);

    /// <summary>The id of the scope: the subprocess id or the process id.</summary>
    public string Id => Owner?.Id ?? Process.Id;
}
