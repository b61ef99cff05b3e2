using ApprovalHub.Admin.Blazor.Components.Definitions;
using ApprovalHub.Workflows.Persistence;

namespace ApprovalHub.Host.Admin;

/// <summary>The admin UI's view of stored definitions, over <see cref="WorkflowDbContext"/>.</summary>
/// <remarks>
/// A Blazor Server circuit lives as long as the browser tab, and its scoped services with it; a
/// DbContext must not live that long (nor be used by two renders at once). So every call opens its
/// own scope and context, and the catalog itself is a singleton.
/// </remarks>
internal sealed class DefinitionCatalog(IServiceScopeFactory scopes) : IDefinitionCatalog
{
    public async Task<IReadOnlyList<DefinitionListItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var latest = await db.ListLatestAsync(cancellationToken);
        return latest
            .Select(d => new DefinitionListItem(d.ProcessKey, d.Name, d.LatestVersion, d.DeployedAt, d.VersionCount))
            .ToList();
    }
}
