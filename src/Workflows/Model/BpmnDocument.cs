using System.Collections.Frozen;
using System.Collections.Immutable;
using ApprovalHub.Workflows.Model.Xml;

namespace ApprovalHub.Workflows.Model;

/// <summary>
/// The immutable, indexed model of one BPMN file (<c>bpmn:definitions</c>): its processes,
/// messages and errors, on top of the lossless XML tree it was read from.
/// </summary>
public sealed class BpmnDocument
{
    internal BpmnDocument(
        BpmnXmlElement root,
        ImmutableArray<BpmnProcess> processes,
        FrozenDictionary<string, BpmnMessage> messages,
        FrozenDictionary<string, BpmnError> errors,
        FrozenDictionary<string, BpmnXmlElement> elementsById)
    {
        Root = root;
        Processes = processes;
        Messages = messages;
        Errors = errors;
        ElementsById = elementsById;
        TargetNamespace = root.Attribute("targetNamespace");
    }

    /// <summary>The <c>definitions</c> element: the whole file, losslessly.</summary>
    public BpmnXmlElement Root { get; }

    /// <summary>The <c>targetNamespace</c> attribute.</summary>
    public string? TargetNamespace { get; }

    /// <summary>Processes in file order.</summary>
    public ImmutableArray<BpmnProcess> Processes { get; }

    /// <summary>Messages by id.</summary>
    public FrozenDictionary<string, BpmnMessage> Messages { get; }

    /// <summary>Errors by id.</summary>
    public FrozenDictionary<string, BpmnError> Errors { get; }

    /// <summary>Every XML element that has an id, by id (the first, when ids repeat).</summary>
    public FrozenDictionary<string, BpmnXmlElement> ElementsById { get; }

    /// <summary>The executable processes; these are what a deployment registers.</summary>
    public IEnumerable<BpmnProcess> ExecutableProcesses => Processes.Where(p => p.IsExecutable);

    /// <summary>The process with the given id, or null.</summary>
    public BpmnProcess? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);

    /// <summary>The number of diagram shapes and edges (BPMNDI), a measure of what a round trip must keep.</summary>
    public int DiagramElementCount =>
        Root.DescendantsAndSelf().Count(e => e.NamespaceUri == BpmnNamespaces.Di && e.LocalName is "BPMNShape" or "BPMNEdge");
}
