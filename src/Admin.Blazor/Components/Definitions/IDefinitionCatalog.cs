namespace ApprovalHub.Admin.Blazor.Components.Definitions;

/// <summary>
/// What the admin UI needs to know about deployed definitions. The host implements it over the
/// engine's database; tests use a fake.
/// </summary>
public interface IDefinitionCatalog
{
    /// <summary>The latest version of every process key, ordered by key.</summary>
    Task<IReadOnlyList<DefinitionListItem>> ListAsync(CancellationToken cancellationToken);
}
