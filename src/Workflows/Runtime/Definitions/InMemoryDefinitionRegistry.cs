using System.Collections.Concurrent;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Workflows.Runtime.Definitions;

/// <summary>
/// Published definitions held in memory: used by the <c>bpmn run</c> CLI, the benchmarks and the
/// in-memory store. Deploying identical content again does not create a new version.
/// </summary>
public sealed class InMemoryDefinitionRegistry : IProcessDefinitionSource
{
    private readonly ConcurrentDictionary<Guid, DeployedProcess> _byId = new();
    private readonly ConcurrentDictionary<string, List<(DeployedProcess Process, string Hash)>> _byKey = new(StringComparer.Ordinal);
    private readonly Lock _deployLock = new();

    /// <summary>Deploys every executable process of a parsed, error-free document.</summary>
    /// <returns>The deployed versions, in document order.</returns>
    public IReadOnlyList<DeployedProcess> Deploy(BpmnParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.HasErrors || parsed.Document is null)
        {
            throw new ArgumentException("Only definitions without errors can be deployed: " +
                                        string.Join("; ", parsed.Diagnostics.Where(d => d.IsError)), nameof(parsed));
        }

        // The same notion of "same content" as the database deployer.
        var hash = DefinitionContent.Hash(DefinitionContent.Normalize(BpmnWriter.Write(parsed.Document)));
        var deployed = new List<DeployedProcess>();
        lock (_deployLock)
        {
            foreach (var process in parsed.Document.ExecutableProcesses)
            {
                deployed.Add(DeployOne(process, hash));
            }
        }

        return deployed;
    }

    /// <summary>Parses and deploys BPMN XML.</summary>
    public IReadOnlyList<DeployedProcess> Deploy(string xml) => Deploy(BpmnParser.Parse(xml));

    private DeployedProcess DeployOne(BpmnProcess process, string hash)
    {
        var versions = _byKey.GetOrAdd(process.Id, _ => []);
        if (versions.Count > 0 && versions[^1].Hash == hash)
        {
            return versions[^1].Process;
        }

        var deployed = new DeployedProcess(Guid.NewGuid(), versions.Count + 1, process);
        versions.Add((deployed, hash));
        _byId[deployed.Id] = deployed;
        return deployed;
    }

    /// <inheritdoc />
    public ValueTask<DeployedProcess?> GetAsync(Guid definitionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byId.GetValueOrDefault(definitionId));

    /// <inheritdoc />
    public ValueTask<DeployedProcess?> GetLatestAsync(string processKey, CancellationToken cancellationToken)
    {
        lock (_deployLock)
        {
            return ValueTask.FromResult(_byKey.TryGetValue(processKey, out var versions) && versions.Count > 0 ? versions[^1].Process : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<DeployedProcess?> GetVersionAsync(string processKey, int version, CancellationToken cancellationToken)
    {
        lock (_deployLock)
        {
            return ValueTask.FromResult(_byKey.TryGetValue(processKey, out var versions) && version >= 1 && version <= versions.Count
                ? versions[version - 1].Process
                : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeployedProcess>> FindMessageStartsAsync(string messageName, CancellationToken cancellationToken)
    {
        lock (_deployLock)
        {
            IReadOnlyList<DeployedProcess> found = _byKey.Values
                .Where(v => v.Count > 0)
                .Select(v => v[^1].Process)
                .Where(p => p.MessageStarts.Any(m => m.MessageName == messageName))
                .ToList();
            return ValueTask.FromResult(found);
        }
    }
}
