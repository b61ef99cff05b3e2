using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Admin;

/// <summary>The analysts' definitions, drafts, publishing and diffs, over <see cref="WorkflowDbContext"/>.</summary>
/// <remarks>
/// A singleton for the Blazor circuits (which outlive any request) and the admin API alike: every
/// call opens its own scope, so no DbContext lives longer than the call (see <see cref="DefinitionCatalog"/>).
/// </remarks>
internal sealed class DesignerService(IServiceScopeFactory scopes, ILogger<DesignerService> logger) : IDesignerService
{
    public async Task<IReadOnlyList<DefinitionOverview>> ListAsync(CancellationToken cancellationToken) =>
        await OverviewsAsync(null, cancellationToken);

    public async Task<DefinitionOverview?> FindAsync(string processKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(processKey);
        return (await OverviewsAsync(processKey, cancellationToken)).FirstOrDefault();
    }

    public async Task<DesignerDocument?> OpenAsync(string processKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<DefinitionDrafts>().FindAsync(processKey, cancellationToken);
        if (draft is not null)
        {
            return new DesignerDocument(processKey, draft.Xml, IsDraft: true, Version: null);
        }

        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var latest = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.Xml })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new DesignerDocument(processKey, latest.Xml, IsDraft: false, latest.Version);
    }

    public async Task<string?> VersionXmlAsync(string processKey, int version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().FindXmlAsync(processKey, version, cancellationToken);
    }

    public IReadOnlyList<BpmnDiagnostic> Validate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return BpmnParser.Parse(xml).Diagnostics;
    }

    public async Task<DraftOutcome> SaveDraftAsync(string processKey, string xml, string savedBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<DefinitionDrafts>().SaveAsync(processKey, xml, savedBy, cancellationToken);
        return new DraftOutcome(saved.SavedAt, saved.Diagnostics);
    }

    public async Task<bool> DiscardDraftAsync(string processKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DefinitionDrafts>().DeleteAsync(processKey, cancellationToken);
    }

    public async Task<PublishOutcome> PublishAsync(string processKey, string publishedBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DefinitionDrafts>().PublishAsync(processKey, publishedBy, cancellationToken);
        if (result is null)
        {
            return new PublishOutcome(PublishResultKind.NoDraft, null, []);
        }

        if (!result.Succeeded)
        {
            logger.DraftPublishRefused(processKey, publishedBy, result.Diagnostics.Count(d => d.IsError));
            return new PublishOutcome(PublishResultKind.Refused, null, result.Diagnostics);
        }

        var process = result.Processes.First(p => p.ProcessKey == processKey);
        if (process.Outcome == DeploymentOutcome.Created)
        {
            logger.DraftPublished(processKey, process.Version, publishedBy);
        }

        return new PublishOutcome(
            process.Outcome == DeploymentOutcome.Created ? PublishResultKind.Created : PublishResultKind.Unchanged,
            process.Version,
            result.Diagnostics);
    }

    public async Task<DefinitionDiff?> DiffAsync(string processKey, int from, int? to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var older = await db.FindXmlAsync(processKey, from, cancellationToken);
        var newer = to is { } version
            ? await db.FindXmlAsync(processKey, version, cancellationToken)
            : (await scope.ServiceProvider.GetRequiredService<DefinitionDrafts>().FindAsync(processKey, cancellationToken))?.Xml;
        if (older is null || newer is null)
        {
            return null;
        }

        var changes = DefinitionDiffer.Compare(older, newer);
        return changes is null ? null : new DefinitionDiff(processKey, $"v{from}", to is { } v ? $"v{v}" : "draft", changes);
    }

    private async Task<IReadOnlyList<DefinitionOverview>> OverviewsAsync(string? processKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var rows = db.ProcessDefinitions.AsNoTracking();
        if (processKey is not null)
        {
            rows = rows.Where(d => d.ProcessKey == processKey);
        }

        // Every version's columns but never the XML: a few hundred small rows even with many versions.
        var stored = await rows
            .Select(d => new { d.ProcessKey, d.Version, d.Name, d.Status, d.DeployedAt, d.DeployedBy, d.SourceFile })
            .ToListAsync(cancellationToken);
        var counts = (await db.CountInstancesByVersionAsync(processKey, cancellationToken))
            .ToDictionary(c => (c.ProcessKey, c.Version));
        return stored
            .GroupBy(d => d.ProcessKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var published = group.Where(d => d.Status == ProcessDefinitionStatus.Published).OrderByDescending(d => d.Version).ToList();
                var draft = group.FirstOrDefault(d => d.Status == ProcessDefinitionStatus.Draft);
                var versions = published
                    .Select(d =>
                    {
                        var count = counts.GetValueOrDefault((d.ProcessKey, d.Version));
                        return new VersionOverview(d.Version, d.DeployedAt, d.DeployedBy, d.SourceFile, count?.Running ?? 0, count?.Total ?? 0);
                    })
                    .ToList();
                return new DefinitionOverview(group.Key, published.FirstOrDefault()?.Name ?? draft?.Name, versions, draft?.DeployedAt, draft?.DeployedBy);
            })
            .ToList();
    }
}
