using ApprovalHub.Admin.Blazor.Components.Cockpit;
using ApprovalHub.Supervision.Cockpit;

namespace ApprovalHub.Admin.Blazor.Tests.Cockpit;

/// <summary>A cockpit source with fixed answers that remembers what the page asked for.</summary>
internal sealed class FakeCockpitSource(Func<string?, CockpitLoad> load) : ICockpitSource
{
    /// <summary>The regions the page loaded, in order (null: the viewer's own).</summary>
    public List<string?> Loaded { get; } = [];

    /// <summary>The lists the page asked for, with the page key.</summary>
    public List<(FigureLink Link, long? After)> Listed { get; } = [];

    /// <summary>The pages of the lists, served in order for every list.</summary>
    public List<FigureListPage> Pages { get; } = [];

    public Task<CockpitLoad> LoadAsync(string? region, CancellationToken cancellationToken)
    {
        Loaded.Add(region);
        return Task.FromResult(load(region));
    }

    public Task<FigureListPage> ListAsync(FigureLink link, long? after, CancellationToken cancellationToken)
    {
        Listed.Add((link, after));
        var index = Listed.Count(l => l.Link == link) - 1;
        return Task.FromResult(index < Pages.Count ? Pages[index] : FigureListPage.Empty);
    }
}
