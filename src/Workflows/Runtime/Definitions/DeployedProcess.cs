using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Runtime.Definitions;

/// <summary>One published version of one process key, compiled and ready to run.</summary>
public sealed class DeployedProcess
{
    public DeployedProcess(Guid id, int version, BpmnProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Id = id;
        Version = version;
        Process = process;
        NoneStart = process.Root.StartEvents.FirstOrDefault(s => s.Trigger == EventDefinitionKind.None);
    }

    /// <summary>The definition id (unique per key and version).</summary>
    public Guid Id { get; }

    /// <summary>The process key: the BPMN process id.</summary>
    public string Key => Process.Id;

    /// <summary>The version, 1-based.</summary>
    public int Version { get; }

    /// <summary>The executable model.</summary>
    public BpmnProcess Process { get; }

    /// <summary>The none start event a plain start uses, if the process has one.</summary>
    public BpmnEvent? NoneStart { get; }

    /// <summary>Message start events with their message names.</summary>
    public IEnumerable<(BpmnEvent Event, string MessageName)> MessageStarts =>
        Process.Root.StartEvents
            .Where(s => s.Definition is MessageEventDefinition { MessageName: not null })
            .Select(s => (s, ((MessageEventDefinition)s.Definition).MessageName!));

    /// <summary>The node with this id; a missing one means the state does not belong to this model.</summary>
    public FlowNode Node(string id) =>
        Process.FindNode(id) ?? throw new InvalidOperationException(
            $"Internal engine bug: element '{id}' is not in {Key} v{Version}. Please report it with the instance id.");
}

/// <summary>Where the engine finds published definitions.</summary>
public interface IProcessDefinitionSource
{
    /// <summary>A definition by id, or null.</summary>
    ValueTask<DeployedProcess?> GetAsync(Guid definitionId, CancellationToken cancellationToken);

    /// <summary>The latest published version of a key, or null.</summary>
    ValueTask<DeployedProcess?> GetLatestAsync(string processKey, CancellationToken cancellationToken);

    /// <summary>A given version of a key, or null.</summary>
    ValueTask<DeployedProcess?> GetVersionAsync(string processKey, int version, CancellationToken cancellationToken);

    /// <summary>The latest versions whose message start events wait for <paramref name="messageName"/>.</summary>
    ValueTask<IReadOnlyList<DeployedProcess>> FindMessageStartsAsync(string messageName, CancellationToken cancellationToken);
}
