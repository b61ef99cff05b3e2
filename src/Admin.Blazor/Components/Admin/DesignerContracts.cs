using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>A process key on the analysts' overview.</summary>
/// <param name="Key">The BPMN process id.</param>
/// <param name="Name">The name of the latest version (or of the draft, before the first version).</param>
/// <param name="Versions">Published versions, newest first; the first is the one new instances start on.</param>
/// <param name="DraftSavedAt">When the draft was last saved; null when there is none.</param>
/// <param name="DraftSavedBy">Who saved the draft.</param>
public sealed record DefinitionOverview(
    string Key,
    string? Name,
    IReadOnlyList<VersionOverview> Versions,
    DateTimeOffset? DraftSavedAt,
    string? DraftSavedBy)
{
    /// <summary>The published version new instances start on, or null before the first publication.</summary>
    public VersionOverview? Published => Versions.Count > 0 ? Versions[0] : null;

    /// <summary>Running instances over every version.</summary>
    public int Running => Versions.Sum(v => v.Running);
}

/// <summary>One published version with its instances.</summary>
public sealed record VersionOverview(int Version, DateTimeOffset DeployedAt, string DeployedBy, string? SourceFile, int Running, int Total);

/// <summary>What the designer edits.</summary>
/// <param name="Key">The process key.</param>
/// <param name="Xml">The BPMN XML, diagram included.</param>
/// <param name="IsDraft">True when it is the saved draft, false when it is the latest version.</param>
/// <param name="Version">The version it was opened from (the latest), when it is not a draft.</param>
public sealed record DesignerDocument(string Key, string Xml, bool IsDraft, int? Version);

/// <summary>A saved draft and what the validator found in it.</summary>
public sealed record DraftOutcome(DateTimeOffset SavedAt, IReadOnlyList<BpmnDiagnostic> Diagnostics)
{
    /// <summary>True when it could be published as it stands.</summary>
    public bool Publishable => !Diagnostics.Any(d => d.IsError);
}

/// <summary>What publishing did.</summary>
/// <param name="Outcome">Created a version, found the content unchanged, had no draft, or was refused.</param>
/// <param name="Version">The version created or found unchanged.</param>
/// <param name="Diagnostics">Errors when refused; warnings otherwise.</param>
public sealed record PublishOutcome(PublishResultKind Outcome, int? Version, IReadOnlyList<BpmnDiagnostic> Diagnostics);

/// <summary>The kinds of <see cref="PublishOutcome"/>.</summary>
public enum PublishResultKind
{
    /// <summary>A new version was stored; new instances start on it.</summary>
    Created,

    /// <summary>The latest version has the same content; nothing was stored.</summary>
    Unchanged,

    /// <summary>The draft has errors; it is kept and nothing was stored.</summary>
    Refused,

    /// <summary>There is no draft to publish.</summary>
    NoDraft,
}

/// <summary>What changed between two versions of a definition, element by element.</summary>
/// <param name="Key">The process key.</param>
/// <param name="From">The older side, e.g. <c>v1</c>.</param>
/// <param name="To">The newer side, e.g. <c>v2</c> or <c>draft</c>.</param>
/// <param name="Changes">Added, removed and changed elements, ordered by element id.</param>
public sealed record DefinitionDiff(string Key, string From, string To, IReadOnlyList<ElementChange> Changes)
{
    /// <summary>Ids of one kind of change, for the diagram's markers.</summary>
    public IReadOnlyList<string> Ids(ElementChangeKind kind) => Changes.Where(c => c.Kind == kind).Select(c => c.ElementId).ToList();
}

/// <summary>How an element differs.</summary>
public enum ElementChangeKind
{
    /// <summary>Only in the newer version.</summary>
    Added,

    /// <summary>Only in the older version.</summary>
    Removed,

    /// <summary>In both, with other attributes, texts or type.</summary>
    Changed,
}

/// <summary>One element that differs.</summary>
/// <param name="ElementId">The element id.</param>
/// <param name="ElementType">Its BPMN type (<c>userTask</c>) on the newer side, or the older for removed ones.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Attributes">For changed elements: each attribute or text that differs.</param>
public sealed record ElementChange(string ElementId, string ElementType, string? Name, ElementChangeKind Kind, IReadOnlyList<AttributeChange> Attributes);

/// <summary>An attribute (<c>ah:candidateGroups</c>) or nested text (<c>timerEventDefinition/timeDuration</c>) that differs.</summary>
public sealed record AttributeChange(string Name, string? Before, string? After);
