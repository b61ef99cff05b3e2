using System.Collections.Concurrent;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Runtime.Definitions;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// The engine's definitions from the <c>ProcessDefinitions</c> table that
/// <see cref="Deployment.DefinitionDeployer"/> fills. Versions are immutable, so each one is parsed
/// once and kept compiled; which version is the latest is asked of the database every time, so a
/// version published by another node is used at once.
/// </summary>
public sealed class DbProcessDefinitionSource : IProcessDefinitionSource
{
    private readonly Func<WorkflowDbContext> _createContext;
    private readonly ConcurrentDictionary<Guid, Lazy<DeployedProcess>> _compiled = new();

    /// <summary>Creates the source over contexts made by <paramref name="createContext"/>; each is disposed after one call.</summary>
    public DbProcessDefinitionSource(Func<WorkflowDbContext> createContext)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        _createContext = createContext;
    }

    /// <summary>
    /// A version by id, published or not: instances keep running on the version they started on,
    /// whatever happens to its status later.
    /// </summary>
    public async ValueTask<DeployedProcess?> GetAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(definitionId, out var cached))
        {
            return cached.Value;
        }

        await using var db = _createContext();
        var stored = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Id == definitionId)
            .Select(d => new StoredVersion(d.Id, d.ProcessKey, d.Version, d.Xml))
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : Compile(stored);
    }

    /// <inheritdoc />
    public async ValueTask<DeployedProcess?> GetLatestAsync(string processKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processKey);
        Guid? latest;
        await using (var db = _createContext())
        {
            latest = await db.ProcessDefinitions.AsNoTracking()
                .Where(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .Select(d => (Guid?)d.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return latest is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <summary>A published version of a key, or null: a draft cannot start instances.</summary>
    public async ValueTask<DeployedProcess?> GetVersionAsync(string processKey, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processKey);
        Guid? found;
        await using (var db = _createContext())
        {
            found = await db.ProcessDefinitions.AsNoTracking()
                .Where(d => d.ProcessKey == processKey && d.Version == version && d.Status == ProcessDefinitionStatus.Published)
                .Select(d => (Guid?)d.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return found is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeployedProcess>> FindMessageStartsAsync(string messageName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageName);
        List<Guid> latestIds;
        await using (var db = _createContext())
        {
            // The ids of the latest published version of every key; a small, indexed query. The
            // compiled processes come from the cache, so only a new version is ever parsed here.
            var published = db.ProcessDefinitions.AsNoTracking().Where(d => d.Status == ProcessDefinitionStatus.Published);
            latestIds = await published
                .Where(d => d.Version == published.Where(o => o.ProcessKey == d.ProcessKey).Max(o => o.Version))
                .OrderBy(d => d.ProcessKey)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
        }

        var found = new List<DeployedProcess>();
        foreach (var id in latestIds)
        {
            if (await GetAsync(id, cancellationToken) is { } process && process.MessageStarts.Any(m => m.MessageName == messageName))
            {
                found.Add(process);
            }
        }

        return found;
    }

    // Lazy: two commands asking for the same new version at once parse it once.
    private DeployedProcess Compile(StoredVersion stored) =>
        _compiled.GetOrAdd(stored.Id, _ => new Lazy<DeployedProcess>(() => Parse(stored))).Value;

    private static DeployedProcess Parse(StoredVersion stored)
    {
        var parsed = BpmnParser.Parse(stored.Xml);
        var process = parsed.HasErrors
            ? null
            : parsed.Document?.ExecutableProcesses.FirstOrDefault(p => p.Id == stored.ProcessKey);

        // The deployer stored only files without errors; a file that fails now means the parser
        // changed under stored data, which must be fixed, not worked around.
        return process is null
            ? throw new InvalidOperationException(
                $"Stored definition {stored.ProcessKey} v{stored.Version} ({stored.Id}) no longer compiles: " +
                string.Join("; ", parsed.Diagnostics.Where(d => d.IsError)))
            : new DeployedProcess(stored.Id, stored.Version, process);
    }

    private sealed record StoredVersion(Guid Id, string ProcessKey, int Version, string Xml);
}
