namespace ApprovalHub.Admin.Blazor.Components.Admin.Designer;

/// <summary>How a property is edited and checked.</summary>
public enum PropertyKind
{
    /// <summary>Free text (a name, a handler type, a user id or expression).</summary>
    Text,

    /// <summary>Comma-separated values (candidate users and groups).</summary>
    List,

    /// <summary>A duration such as <c>P15WD</c> or <c>PT4H</c>, or an expression <c>${…}</c>.</summary>
    Duration,

    /// <summary><c>R&lt;attempts&gt;/&lt;interval&gt;</c>, e.g. <c>R5/PT1M</c>.</summary>
    Retry,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary><c>true</c> or absent.</summary>
    Flag,

    /// <summary><c>latest</c> or a version number (call activities).</summary>
    Version,
}

/// <summary>One editable property of the selected element: the attribute it writes and how it is checked.</summary>
/// <param name="Key">The qualified attribute, e.g. <c>name</c> or <c>ah:candidateGroups</c>.</param>
/// <param name="Kind">How it is edited and validated.</param>
public sealed record PropertyField(string Key, PropertyKind Kind)
{
    /// <summary>The resource key of its label: <c>Prop_name</c>, <c>Prop_candidateGroups</c>.</summary>
    public string LabelKey => "Prop_" + (Key.StartsWith("ah:", StringComparison.Ordinal) ? Key[3..] : Key);
}

/// <summary>Why a value was refused, for the panel to show in the user's language.</summary>
public enum PropertyError
{
    /// <summary>Not a BPMN duration or an expression.</summary>
    NotDuration,

    /// <summary>Not R&lt;attempts&gt;/&lt;interval&gt; with at least one attempt.</summary>
    NotRetry,

    /// <summary>Not a whole number.</summary>
    NotInteger,

    /// <summary>Neither <c>latest</c> nor a version number.</summary>
    NotVersion,

    /// <summary>A multi-instance approval needs the list of approvers.</summary>
    CollectionRequired,
}
