using System.Text.Json.Serialization;

namespace ApprovalHub.Admin.Blazor.Components.Admin.Designer;

/// <summary>
/// The element selected in the modeler, as bpmn-js describes it to the server (bpmn-designer.js,
/// <c>describe</c>): its BPMN type, name, <c>ah:</c> attributes, event trigger and multi-instance settings.
/// </summary>
/// <param name="Id">The element id.</param>
/// <param name="Type">The moddle type, e.g. <c>bpmn:UserTask</c>.</param>
/// <param name="Name">The name, if any.</param>
/// <param name="Attributes">The element's <c>ah:</c> attributes by qualified name (<c>ah:dueIn</c>).</param>
/// <param name="Trigger">For events: <c>timer</c>, <c>message</c>, … or null for a none event.</param>
/// <param name="Loop">Multi-instance settings, or null for a single instance.</param>
public sealed record SelectedElement(
    string Id,
    string Type,
    string? Name,
    IReadOnlyDictionary<string, string> Attributes,
    string? Trigger = null,
    LoopSettings? Loop = null)
{
    /// <summary>The type without the <c>bpmn:</c> prefix, e.g. <c>UserTask</c>.</summary>
    [JsonIgnore]
    public string LocalType => Type.StartsWith("bpmn:", StringComparison.Ordinal) ? Type[5..] : Type;
}

/// <summary>A <c>multiInstanceLoopCharacteristics</c> as the modeler holds it.</summary>
public sealed record LoopSettings(bool IsSequential, string? Collection, string? ElementVariable, string? CompletionCondition);

/// <summary>How a multi-instance approval decides (会签/或签/依次), or a single approver.</summary>
public enum ApprovalMode
{
    /// <summary>One task, one approver.</summary>
    Single,

    /// <summary>会签: one task per person in parallel; every one must approve.</summary>
    AllSign,

    /// <summary>或签: one task per person in parallel; the first decision is enough.</summary>
    AnySign,

    /// <summary>依次审批: one person after another, in the list's order.</summary>
    Sequential,
}

/// <summary>What the property panel asks the modeler to change on one element.</summary>
/// <param name="ElementId">The element.</param>
/// <param name="Attributes">Qualified attribute name → new value; null removes the attribute.</param>
/// <param name="Loop">The new multi-instance settings; null leaves them, <see cref="LoopUpdate.Remove"/> drops them.</param>
public sealed record ElementUpdate(string ElementId, IReadOnlyDictionary<string, string?> Attributes, LoopUpdate? Loop = null);

/// <summary>Multi-instance settings to write (or remove) on an activity.</summary>
public sealed record LoopUpdate(bool Remove, bool IsSequential = false, string? Collection = null, string? ElementVariable = null, string? CompletionCondition = null);
