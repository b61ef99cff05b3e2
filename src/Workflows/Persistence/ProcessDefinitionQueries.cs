using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// The read side of stored definitions, shared by the REST API and the admin UI. Queries never
/// load the XML unless asked for it: a definition with its diagram can be hundreds of kilobytes.
/// </summary>
public static class ProcessDefinitionQueries
{
    /// <summary>The latest version of every key, ordered by key.</summary>
    public static async Task<IReadOnlyList<ProcessDefinitionSummary>> ListLatestAsync(
        this WorkflowDbContext db,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Drafts (version 0) are work in progress, not versions: they never show in version lists.
        var definitions = db.ProcessDefinitions.AsNoTracking().Where(d => d.Status == ProcessDefinitionStatus.Published);

        // Correlated subqueries rather than GroupBy(...).First(): they translate the same way on
        // SQLite and PostgreSQL, and the (ProcessKey, Version) index serves both.
        return await definitions
            .Where(d => d.Version == definitions.Where(o => o.ProcessKey == d.ProcessKey).Max(o => o.Version))
            .OrderBy(d => d.ProcessKey)
            .Select(d => new ProcessDefinitionSummary(
                d.ProcessKey,
                d.Name,
                d.Version,
                d.Status,
                d.DeployedAt,
                d.DeployedBy,
                definitions.Count(o => o.ProcessKey == d.ProcessKey)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every version of one key, newest first; empty when the key is unknown.</summary>
    public static async Task<IReadOnlyList<ProcessDefinitionVersion>> ListVersionsAsync(
        this WorkflowDbContext db,
        string processKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(processKey);
        return await db.ProcessDefinitions
            .AsNoTracking()
            .Where(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => new ProcessDefinitionVersion(
                d.Id, d.ProcessKey, d.Version, d.Name, d.ContentHash, d.SourceFile, d.Status, d.DeployedAt, d.DeployedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The BPMN XML of one version, or null when there is no such version.</summary>
    public static Task<string?> FindXmlAsync(
        this WorkflowDbContext db,
        string processKey,
        int version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(processKey);
        return db.ProcessDefinitions
            .AsNoTracking()
            .Where(d => d.ProcessKey == processKey && d.Version == version && d.Status == ProcessDefinitionStatus.Published)
            .Select(d => d.Xml)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
