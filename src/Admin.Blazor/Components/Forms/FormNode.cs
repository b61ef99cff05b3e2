using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>One component of a <see cref="FormDefinition"/>: a field, a group, a list or display text.</summary>
public sealed record FormNode
{
    /// <summary>The form-js type: textfield, textarea, number, select, radio, checkbox, checklist, datetime, filepicker, group, dynamiclist, text, separator, spacer.</summary>
    public required string Type { get; init; }

    /// <summary>The data key of a field, or the <c>path</c> of a nesting group or list; null for display components and flat groups.</summary>
    public string? Key { get; init; }

    /// <summary>The component's id in the schema (or its position when it has none).</summary>
    public required string SchemaId { get; init; }

    /// <summary>The label (Chinese in definitions/forms).</summary>
    public string? Label { get; init; }

    /// <summary>Help text shown under the field.</summary>
    public string? Description { get; init; }

    /// <summary>The content of a <c>text</c> component, shown as plain text.</summary>
    public string? Text { get; init; }

    /// <summary>form-js <c>defaultValue</c>: the value a new form starts with.</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary><c>validate.required</c>; on a list, at least one item.</summary>
    public bool Required { get; init; }

    /// <summary><c>validate.pattern</c>, compiled as the server compiles it (<see cref="FormPattern"/>).</summary>
    public Regex? Pattern { get; init; }

    /// <summary><c>validate.min</c> of a number.</summary>
    public decimal? Min { get; init; }

    /// <summary><c>validate.max</c> of a number.</summary>
    public decimal? Max { get; init; }

    /// <summary><c>validate.minLength</c>: characters of a text, items of a list or checklist.</summary>
    public int? MinLength { get; init; }

    /// <summary><c>validate.maxLength</c>: characters of a text, items of a list or checklist.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The options of a select, radio or checklist.</summary>
    public ImmutableArray<FormOption> Options { get; init; } = [];

    /// <summary>A filepicker that takes several files.</summary>
    public bool Multiple { get; init; }

    /// <summary>date, time or datetime for a datetime component.</summary>
    public string? Subtype { get; init; }

    /// <summary>The file types a filepicker accepts, e.g. <c>.pdf,.jpg</c>.</summary>
    public string? Accept { get; init; }

    /// <summary>Decimal places of a number (form-js <c>decimalDigits</c>).</summary>
    public int? DecimalDigits { get; init; }

    /// <summary>form-js <c>disabled</c>: shown but not editable, and not part of a fresh submission's defaults either.</summary>
    public bool Disabled { get; init; }

    /// <summary>form-js <c>readonly</c>: shown but not editable.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Items a new dynamic list starts with.</summary>
    public int DefaultRepetitions { get; init; }

    /// <summary>Whether the user may add and remove items of a dynamic list.</summary>
    public bool AllowAddRemove { get; init; } = true;

    /// <summary>Draw a group with a border.</summary>
    public bool ShowOutline { get; init; }

    /// <summary>The children of a group or list.</summary>
    public ImmutableArray<FormNode> Children { get; init; } = [];

    /// <summary>True for a component that carries a value.</summary>
    public bool IsField => FormSchema.DataTypes.Contains(Type);

    /// <summary>True for a group whose fields sit at its parent's level (layout only).</summary>
    public bool IsFlatGroup => Type == "group" && Key is null;

    /// <summary>The label, or the key when the form gives none, as the server names the field in its messages.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Key ?? Type : Label;

    /// <summary>The label of an option value, or the value itself when it is not an option.</summary>
    public string OptionLabel(string value) => Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}

/// <summary>One option of a select, radio or checklist.</summary>
/// <param name="Value">The value submitted.</param>
/// <param name="Label">What the user sees.</param>
public sealed record FormOption(string Value, string Label);
