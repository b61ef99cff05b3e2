using ApprovalHub.Supervision.Cockpit;

namespace ApprovalHub.Admin.Blazor.Components.Cockpit;

/// <summary>Why the cockpit shows no figures.</summary>
public enum CockpitProblem
{
    /// <summary>The viewer supervises no region, or asked for one beside or above its own.</summary>
    Denied,

    /// <summary>The region is not in the region table.</summary>
    NotFound,

    /// <summary>The region code is malformed.</summary>
    Invalid,
}

/// <summary>The cockpit of a region, or why there is none.</summary>
/// <param name="View">The figures, when the viewer may see them.</param>
/// <param name="Problem">Why not, otherwise.</param>
public sealed record CockpitLoad(CockpitView? View, CockpitProblem? Problem)
{
    /// <summary>A loaded cockpit.</summary>
    public static CockpitLoad Of(CockpitView view) => new(view, null);

    /// <summary>No cockpit, and why.</summary>
    public static CockpitLoad Failed(CockpitProblem problem) => new(null, problem);
}

/// <summary>A page of the list behind a figure: devices or warnings, keyset-paged.</summary>
/// <param name="Devices">Devices (cockpit or registry lists).</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="NextAfter">Pass to get the next page; null on the last.</param>
public sealed record FigureListPage(IReadOnlyList<DeviceListItem> Devices, IReadOnlyList<WarningListItem> Warnings, long? NextAfter)
{
    /// <summary>An empty page.</summary>
    public static FigureListPage Empty { get; } = new([], [], null);
}

/// <summary>
/// What the control centre page reads, for the signed-in viewer: the host implements it over the
/// same scoped queries as <c>/api/cockpit</c>; tests use a fake.
/// </summary>
public interface ICockpitSource
{
    /// <summary>The cockpit of <paramref name="region"/> (the viewer's own region when null).</summary>
    Task<CockpitLoad> LoadAsync(string? region, CancellationToken cancellationToken);

    /// <summary>A page of the list a figure links to.</summary>
    Task<FigureListPage> ListAsync(FigureLink link, long? after, CancellationToken cancellationToken);
}
