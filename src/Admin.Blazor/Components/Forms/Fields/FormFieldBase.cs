using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace ApprovalHub.Admin.Blazor.Components.Forms.Fields;

/// <summary>
/// What every field, group and list of a rendered form gets: the form's state, its component,
/// the object at its level and its path (the key of its errors).
/// </summary>
public abstract class FormFieldBase : ComponentBase
{
    /// <summary>The form being edited.</summary>
    [Parameter, EditorRequired]
    public required FormState State { get; set; }

    /// <summary>The schema component this field draws.</summary>
    [Parameter, EditorRequired]
    public required FormNode Node { get; set; }

    /// <summary>The JSON object at the field's level: the form's data, a group's object or a list item.</summary>
    [Parameter, EditorRequired]
    public required JsonObject Scope { get; set; }

    /// <summary>The path errors are keyed by: <c>key</c>, <c>group.key</c>, <c>list[2].key</c>.</summary>
    [Parameter, EditorRequired]
    public required string Path { get; set; }

    /// <summary>Prefix of the element ids, unique per rendered form so that two forms on a page never share one.</summary>
    [Parameter, EditorRequired]
    public required string IdPrefix { get; set; }

    /// <summary>True when the whole form is read-only; the field then shows its value as text.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The element id of the field's input.</summary>
    protected string Id => FormIds.For(IdPrefix, Path);

    /// <summary>The id of the element that shows the field's errors (what its input is described by).</summary>
    protected string ErrorsId => Id + "-errors";

    /// <summary>The id of the field's label.</summary>
    protected string LabelId => Id + "-label";

    /// <summary>The field's value, or null when it has none.</summary>
    protected JsonNode? Value => Node.Key is null ? null : Scope[Node.Key];

    /// <summary>True when the schema marks the field disabled or read-only.</summary>
    protected bool Locked => Node.Disabled || Node.ReadOnly;

    /// <summary>Stores a new value (null removes it) and lets the form re-check and redraw.</summary>
    protected Task SetAsync(JsonNode? value) => State.SetValueAsync(Scope, Node.Key!, Path, value);
}
