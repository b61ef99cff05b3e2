using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// A form-js schema as the renderer draws it: every component with what the user sees (labels,
/// descriptions, option labels, defaults, list settings) and the rules it is checked against.
/// </summary>
/// <remarks>
/// The server's <see cref="FormSchema"/> keeps only what it validates, so the renderer reads the
/// display properties itself; but every schema first goes through <see cref="FormSchema.Parse"/>,
/// so the renderer draws exactly the forms the server accepts and fails on the same ones (the
/// designer's preview shows that error). form-js <c>conditional</c> expressions are not evaluated:
/// the server validates every field whatever an expression says, so hiding one would only hide a
/// field the server still asks for. No definitions/forms schema uses them.
/// </remarks>
public sealed class FormDefinition
{
    private FormDefinition(string? id, string? title, ImmutableArray<FormNode> nodes)
    {
        Id = id;
        Title = title;
        Nodes = nodes;
    }

    /// <summary>The schema's <c>id</c> (the form key).</summary>
    public string? Id { get; }

    /// <summary>The schema's <c>title</c>, e.g. 使用登记（首次）.</summary>
    public string? Title { get; }

    /// <summary>The top-level components in schema order.</summary>
    public ImmutableArray<FormNode> Nodes { get; }

    /// <summary>Parses a form-js schema.</summary>
    /// <exception cref="FormSchemaException">The server would refuse the schema; the message says why.</exception>
    public static FormDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > FormSchema.MaxSchemaBytes)
        {
            throw new FormSchemaException($"The form is larger than {FormSchema.MaxSchemaBytes} bytes.");
        }

        // The server's reading decides what is a valid schema; after it, the JSON is known to be an
        // object whose components have the supported types, keys and rules.
        FormSchema.Parse(json);
        var root = (JsonObject)JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 })!;
        return new FormDefinition(Text(root, "id"), Text(root, "title"), ReadNodes((JsonArray)root["components"]!, "components"));
    }

    private static ImmutableArray<FormNode> ReadNodes(JsonArray array, string where) =>
        [.. array.Select((c, i) => ReadNode((JsonObject)c!, $"{where}[{i}]"))];

    private static FormNode ReadNode(JsonObject c, string where)
    {
        var type = Text(c, "type")!;
        var validate = c["validate"] as JsonObject;
        var pattern = validate is null ? null : Text(validate, "pattern");
        var isContainer = FormSchema.ContainerTypes.Contains(type);
        return new FormNode
        {
            Type = type,
            Key = isContainer ? Text(c, "path") ?? Text(c, "key") : Text(c, "key"),
            SchemaId = Text(c, "id") ?? where,
            Label = Text(c, "label"),
            Description = Text(c, "description"),
            Text = Text(c, "text"),
            DefaultValue = c["defaultValue"]?.DeepClone(),
            Required = validate?["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
            Pattern = string.IsNullOrEmpty(pattern) ? null : FormPattern.Compile(pattern, where),
            Min = Number(validate, "min"),
            Max = Number(validate, "max"),
            MinLength = Whole(validate, "minLength"),
            MaxLength = Whole(validate, "maxLength"),
            Options = c["values"] is JsonArray values
                ? [.. values.OfType<JsonObject>().Select(v => new FormOption(v["value"]!.ToString(), Text(v, "label") ?? v["value"]!.ToString()))]
                : [],
            Multiple = Flag(c, "multiple"),
            Subtype = type == "datetime" ? Text(c, "subtype") ?? "date" : null,
            Accept = Text(c, "accept"),
            DecimalDigits = Whole(c, "decimalDigits"),
            Disabled = Flag(c, "disabled"),
            ReadOnly = Flag(c, "readonly"),
            DefaultRepetitions = Whole(c, "defaultRepetitions") ?? (type == "dynamiclist" ? 1 : 0),
            AllowAddRemove = c["allowAddRemove"] is not JsonValue allow || !allow.TryGetValue<bool>(out var canAdd) || canAdd,
            ShowOutline = Flag(c, "showOutline"),
            Children = isContainer && c["components"] is JsonArray children ? ReadNodes(children, where + ".components") : [],
        };
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Flag(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    // FormSchema.Parse has already refused a min or max that is not a number.
    private static decimal? Number(JsonObject? o, string name) => o?[name] switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static int? Whole(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.TryGetValue<int>(out var i) && i >= 0 ? i : null;
}
