using ApprovalHub.Admin.Blazor.Components.Definitions;

namespace ApprovalHub.Admin.Blazor.Tests.Support;

/// <summary>A catalog with fixed contents.</summary>
internal sealed class FakeDefinitionCatalog(params DefinitionListItem[] definitions) : IDefinitionCatalog
{
    public Task<IReadOnlyList<DefinitionListItem>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DefinitionListItem>>(definitions);
}
