using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>
/// What the analysts' pages need of definitions: the overview with instances per version, the
/// designer's draft, validation, publishing and the element diff between versions. The host
/// implements it over the engine's database; tests use fakes. Callers have already been checked to
/// be analysts or administrators (the pages' [Authorize], the API's policy).
/// </summary>
public interface IDesignerService
{
    /// <summary>Every process key with its versions, running instances per version and whether a draft exists.</summary>
    Task<IReadOnlyList<DefinitionOverview>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One key's overview, or null when it has neither a version nor a draft.</summary>
    Task<DefinitionOverview?> FindAsync(string processKey, CancellationToken cancellationToken);

    /// <summary>What the designer opens: the draft when there is one, else the latest version; null for an unknown key.</summary>
    Task<DesignerDocument?> OpenAsync(string processKey, CancellationToken cancellationToken);

    /// <summary>The XML of one published version, or null.</summary>
    Task<string?> VersionXmlAsync(string processKey, int version, CancellationToken cancellationToken);

    /// <summary>Parses and validates XML without storing anything: every diagnostic with line, column and element.</summary>
    IReadOnlyList<BpmnDiagnostic> Validate(string xml);

    /// <summary>Stores (or replaces) the draft of a key; a draft may have errors.</summary>
    Task<DraftOutcome> SaveDraftAsync(string processKey, string xml, string savedBy, CancellationToken cancellationToken);

    /// <summary>Throws the draft away; false when there was none.</summary>
    Task<bool> DiscardDraftAsync(string processKey, CancellationToken cancellationToken);

    /// <summary>Publishes the draft as the next version (refused with diagnostics when it has errors).</summary>
    Task<PublishOutcome> PublishAsync(string processKey, string publishedBy, CancellationToken cancellationToken);

    /// <summary>
    /// The element diff from version <paramref name="from"/> to version <paramref name="to"/> (null:
    /// the draft); null when either side does not exist.
    /// </summary>
    Task<DefinitionDiff?> DiffAsync(string processKey, int from, int? to, CancellationToken cancellationToken);
}
