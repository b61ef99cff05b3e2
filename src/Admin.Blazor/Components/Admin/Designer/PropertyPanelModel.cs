using System.Globalization;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;

namespace ApprovalHub.Admin.Blazor.Components.Admin.Designer;

/// <summary>
/// The logic of the designer's property panel, kept out of the component and the browser so it is
/// tested on its own: which <c>ah:</c> properties an element of a given type has
/// (docs/bpmn-extensions.md), how each value is checked before it reaches the diagram, and how the
/// approval modes 会签/或签/依次 translate into multi-instance settings.
/// </summary>
public sealed class PropertyPanelModel
{
    /// <summary>The completion condition of 或签: the first finished instance decides.</summary>
    public const string AnySignCondition = "${nrOfCompletedInstances >= 1}";

    private static readonly PropertyField NameField = new("name", PropertyKind.Text);
    private static readonly PropertyField AsyncField = new("ah:async", PropertyKind.Flag);
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PropertyError> _errors = new(StringComparer.Ordinal);

    public PropertyPanelModel(SelectedElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Element = element;
        Fields = FieldsFor(element);
        _values["name"] = element.Name;
        foreach (var (key, value) in element.Attributes)
        {
            _values[key] = value;
        }

        Mode = ModeOf(element.Loop);
        Collection = element.Loop?.Collection;
        ElementVariable = element.Loop?.ElementVariable;
    }

    /// <summary>The element being edited.</summary>
    public SelectedElement Element { get; }

    /// <summary>The properties this element has, in display order.</summary>
    public IReadOnlyList<PropertyField> Fields { get; }

    /// <summary>True for user tasks: the panel offers 会签/或签/依次.</summary>
    public bool HasApprovalMode => Element.LocalType == "UserTask";

    /// <summary>The current approval mode of a user task.</summary>
    public ApprovalMode Mode { get; private set; }

    /// <summary>The list of approvers of a multi-instance approval (<c>ah:collection</c>), e.g. <c>${signers}</c>.</summary>
    public string? Collection { get; private set; }

    /// <summary>The variable each approver's task sees its item in (<c>ah:elementVariable</c>), e.g. <c>signer</c>.</summary>
    public string? ElementVariable { get; private set; }

    /// <summary>Refused values by field key (the refused text stays in the field for correction).</summary>
    public IReadOnlyDictionary<string, PropertyError> Errors => _errors;

    /// <summary>The current text of a field.</summary>
    public string? Value(string key) => _values.GetValueOrDefault(key);

    /// <summary>
    /// Takes a new value for a field. A valid value yields the update to send to the modeler (an
    /// empty value removes the attribute); an invalid one is kept for correction, recorded in
    /// <see cref="Errors"/>, and yields nothing.
    /// </summary>
    public ElementUpdate? Set(string key, string? value)
    {
        var field = Fields.FirstOrDefault(f => f.Key == key)
                    ?? throw new ArgumentException($"'{Element.LocalType}' has no property '{key}'.", nameof(key));
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        _values[key] = text;
        if (text is not null && Check(field.Kind, text) is { } error)
        {
            _errors[key] = error;
            return null;
        }

        _errors.Remove(key);
        return new ElementUpdate(Element.Id, new Dictionary<string, string?>(StringComparer.Ordinal) { [key] = Normalize(field.Kind, text) });
    }

    /// <summary>
    /// Sets the approval mode of a user task with its approver list; yields the multi-instance
    /// settings to write, or nothing while a multi-instance mode lacks its list.
    /// </summary>
    public ElementUpdate? SetMode(ApprovalMode mode, string? collection, string? elementVariable)
    {
        Mode = mode;
        Collection = string.IsNullOrWhiteSpace(collection) ? null : collection.Trim();
        ElementVariable = string.IsNullOrWhiteSpace(elementVariable) ? null : elementVariable.Trim();
        if (mode != ApprovalMode.Single && Collection is null)
        {
            _errors["ah:collection"] = PropertyError.CollectionRequired;
            return null;
        }

        _errors.Remove("ah:collection");
        return new ElementUpdate(Element.Id, new Dictionary<string, string?>(StringComparer.Ordinal), LoopFor(mode, Collection, ElementVariable));
    }

    /// <summary>The multi-instance settings of an approval mode.</summary>
    public static LoopUpdate LoopFor(ApprovalMode mode, string? collection, string? elementVariable) => mode switch
    {
        ApprovalMode.Single => new LoopUpdate(Remove: true),
        ApprovalMode.AllSign => new LoopUpdate(false, IsSequential: false, collection, elementVariable),
        ApprovalMode.AnySign => new LoopUpdate(false, IsSequential: false, collection, elementVariable, AnySignCondition),
        ApprovalMode.Sequential => new LoopUpdate(false, IsSequential: true, collection, elementVariable),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The approval mode that multi-instance settings express.</summary>
    public static ApprovalMode ModeOf(LoopSettings? loop) => loop switch
    {
        null => ApprovalMode.Single,
        { IsSequential: true } => ApprovalMode.Sequential,
        { CompletionCondition: { Length: > 0 } } => ApprovalMode.AnySign,
        _ => ApprovalMode.AllSign,
    };

    /// <summary>The properties of an element type (docs/bpmn-extensions.md), name first.</summary>
    public static IReadOnlyList<PropertyField> FieldsFor(SelectedElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        List<PropertyField> fields = [NameField];
        switch (element.LocalType)
        {
            case "UserTask":
                fields.AddRange(
                [
                    new("ah:assignee", PropertyKind.Text),
                    new("ah:candidateGroups", PropertyKind.List),
                    new("ah:candidateUsers", PropertyKind.List),
                    new("ah:formKey", PropertyKind.Text),
                    new("ah:dueIn", PropertyKind.Duration),
                    new("ah:priority", PropertyKind.Integer),
                ]);
                break;
            case "ServiceTask" or "SendTask":
                fields.AddRange([new("ah:type", PropertyKind.Text), new("ah:retry", PropertyKind.Retry), new("ah:resultVariable", PropertyKind.Text)]);
                break;
            case "ScriptTask":
                fields.Add(new("ah:resultVariable", PropertyKind.Text));
                break;
            case "ReceiveTask":
                fields.Add(new("ah:correlationKey", PropertyKind.Text));
                break;
            case "StartEvent":
                fields.AddRange([new("ah:formKey", PropertyKind.Text), new("ah:initiator", PropertyKind.Text)]);
                break;
            case "CallActivity":
                fields.Add(new("ah:version", PropertyKind.Version));
                break;
            case "BoundaryEvent" when element.Trigger == "timer":
                fields.Add(new("ah:escalates", PropertyKind.Flag));
                break;
        }

        if (element.Trigger == "message" && element.LocalType.EndsWith("Event", StringComparison.Ordinal))
        {
            fields.Add(new("ah:correlationKey", PropertyKind.Text));
        }

        // Every activity and event may be an async continuation; sequence flows and the process may not.
        if (element.LocalType.EndsWith("Task", StringComparison.Ordinal) || element.LocalType.EndsWith("Event", StringComparison.Ordinal)
            || element.LocalType is "SubProcess" or "CallActivity")
        {
            fields.Add(AsyncField);
        }

        return fields;
    }

    private static PropertyError? Check(PropertyKind kind, string text) => kind switch
    {
        PropertyKind.Duration when !ExpressionText.IsWrapped(text) && !BpmnDuration.TryParse(text, out _, out _) => PropertyError.NotDuration,
        PropertyKind.Retry when !IsRetry(text) => PropertyError.NotRetry,
        PropertyKind.Integer when !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => PropertyError.NotInteger,
        PropertyKind.Version when text != "latest" && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0) => PropertyError.NotVersion,
        _ => null,
    };

    private static bool IsRetry(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return text.StartsWith('R') && slash > 1
               && int.TryParse(text.AsSpan(1, slash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1
               && BpmnDuration.TryParse(text[(slash + 1)..], out _, out _);
    }

    // Lists are written the way the engine reads them: comma-separated, no blanks; a flag is "true" or gone.
    private static string? Normalize(PropertyKind kind, string? text) => kind switch
    {
        _ when text is null => null,
        PropertyKind.List => string.Join(',', text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        PropertyKind.Flag => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? "true" : null,
        _ => text,
    };
}
