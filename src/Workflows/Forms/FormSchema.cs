using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ApprovalHub.Workflows.Forms;

/// <summary>
/// A form-js schema (<c>definitions/forms/*.form</c>) reduced to what the server validates: the
/// components that carry data, their keys, types, rules and options. The subset is the one the UI
/// renders (docs/forms.md): textfield, textarea, number, select, radio, checkbox, checklist,
/// datetime, group, dynamiclist, filepicker, plus the display-only text, separator and spacer.
/// Anything else is refused when the schema is read, so a form can never ask for a field the
/// server would wave through unchecked.
/// </summary>
public sealed class FormSchema
{
    /// <summary>Largest schema file read, in bytes.</summary>
    public const int MaxSchemaBytes = 1024 * 1024;

    /// <summary>How deep groups and lists may nest.</summary>
    public const int MaxNesting = 8;

    /// <summary>Component types that carry a value.</summary>
    public static readonly ImmutableHashSet<string> DataTypes = ImmutableHashSet.Create(StringComparer.Ordinal,
        "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "filepicker");

    /// <summary>Component types that only lay out or describe (no value).</summary>
    public static readonly ImmutableHashSet<string> DisplayTypes = ImmutableHashSet.Create(StringComparer.Ordinal, "text", "separator", "spacer");

    /// <summary>Container types.</summary>
    public static readonly ImmutableHashSet<string> ContainerTypes = ImmutableHashSet.Create(StringComparer.Ordinal, "group", "dynamiclist");

    private FormSchema(string? id, ImmutableArray<FormComponent> components)
    {
        Id = id;
        Components = components;
    }

    /// <summary>The schema's <c>id</c> (by convention the form key), if it has one.</summary>
    public string? Id { get; }

    /// <summary>The top-level components, containers holding their children.</summary>
    public ImmutableArray<FormComponent> Components { get; }

    /// <summary>Every component, depth first.</summary>
    public IEnumerable<FormComponent> AllComponents() => Flatten(Components);

    /// <summary>Reads a schema file.</summary>
    /// <exception cref="FormSchemaException">The file is not a form-js schema of the supported subset.</exception>
    public static FormSchema Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxSchemaBytes)
        {
            throw new FormSchemaException($"{path}: the form is larger than {MaxSchemaBytes} bytes.");
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormSchemaException e)
        {
            throw new FormSchemaException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses a schema from its JSON text.</summary>
    /// <exception cref="FormSchemaException">The text is not a form-js schema of the supported subset.</exception>
    public static FormSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormSchemaException($"The form is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject obj)
        {
            throw new FormSchemaException("The form must be a JSON object with a 'components' array.");
        }

        if (obj["components"] is not JsonArray components)
        {
            throw new FormSchemaException("The form has no 'components' array.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        return new FormSchema(Text(obj, "id"), ReadComponents(components, "", 0, keys));
    }

    private static ImmutableArray<FormComponent> ReadComponents(JsonArray array, string where, int depth, HashSet<string> keys)
    {
        if (depth > MaxNesting)
        {
            throw new FormSchemaException($"{where}: groups and lists nest deeper than {MaxNesting} levels.");
        }

        var result = ImmutableArray.CreateBuilder<FormComponent>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject c)
            {
                throw new FormSchemaException($"{where}components[{i}] is not an object.");
            }

            result.Add(ReadComponent(c, $"{where}components[{i}]", depth, keys));
        }

        return result.MoveToImmutable();
    }

    private static FormComponent ReadComponent(JsonObject c, string where, int depth, HashSet<string> keys)
    {
        var type = Text(c, "type") ?? throw new FormSchemaException($"{where} has no 'type'.");
        var label = Text(c, "label");
        var id = Text(c, "id");
        if (DisplayTypes.Contains(type))
        {
            return new FormComponent(type, null, label, id, FormRules.None, [], false, null, []);
        }

        if (!DataTypes.Contains(type) && !ContainerTypes.Contains(type))
        {
            throw new FormSchemaException($"{where}: the component type '{type}' is not supported (docs/forms.md lists the supported ones).");
        }

        var rules = ReadRules(c["validate"], where, type);
        if (ContainerTypes.Contains(type))
        {
            // A group without path only lays its children out; with a path it nests them. A list
            // always nests: its value is an array of objects.
            var path = Text(c, "path") ?? Text(c, "key");
            if (type == "dynamiclist" && string.IsNullOrEmpty(path))
            {
                throw new FormSchemaException($"{where}: a dynamiclist needs a 'path'.");
            }

            if (path is not null)
            {
                CheckKey(path, where, keys);
            }

            var children = c["components"] as JsonArray ?? throw new FormSchemaException($"{where}: a {type} needs a 'components' array.");
            var childKeys = path is null ? keys : new HashSet<string>(StringComparer.Ordinal);
            var inner = ReadComponents(children, $"{where}.", depth + 1, childKeys);
            return new FormComponent(type, path, label, id, rules, [], false, null, inner);
        }

        var key = Text(c, "key") ?? throw new FormSchemaException($"{where}: a {type} needs a 'key'.");
        CheckKey(key, where, keys);
        var options = ImmutableArray<string>.Empty;
        if (type is "select" or "radio" or "checklist")
        {
            if (c["values"] is not JsonArray values || values.Count == 0)
            {
                throw new FormSchemaException($"{where} ('{key}'): a {type} needs a non-empty 'values' list (dynamic options are not supported).");
            }

            options = [.. values.Select((v, i) => v is JsonObject o && o["value"] is JsonValue value
                ? value.ToString()
                : throw new FormSchemaException($"{where} ('{key}'): values[{i}] has no 'value'."))];
        }

        var multiple = c["multiple"] is JsonValue m && m.TryGetValue<bool>(out var isMultiple) && isMultiple;
        var subtype = type == "datetime" ? Text(c, "subtype") ?? "date" : null;
        if (subtype is not null and not ("date" or "time" or "datetime"))
        {
            throw new FormSchemaException($"{where} ('{key}'): the datetime subtype '{subtype}' is not one of date, time, datetime.");
        }

        return new FormComponent(type, key, label, id, rules, options, multiple, subtype, []);
    }

    private static void CheckKey(string key, string where, HashSet<string> keys)
    {
        if (key.Length is 0 or > 64 || key.Contains('.', StringComparison.Ordinal) || key.Contains('[', StringComparison.Ordinal))
        {
            throw new FormSchemaException($"{where}: the key '{key}' must be 1 to 64 characters without '.' or '['.");
        }

        if (!keys.Add(key))
        {
            throw new FormSchemaException($"{where}: the key '{key}' is used twice at the same level.");
        }
    }

    private static FormRules ReadRules(JsonNode? node, string where, string type)
    {
        if (node is null)
        {
            return FormRules.None;
        }

        if (node is not JsonObject v)
        {
            throw new FormSchemaException($"{where}: 'validate' must be an object.");
        }

        var pattern = Text(v, "pattern");
        Regex? regex = null;
        if (!string.IsNullOrEmpty(pattern))
        {
            regex = FormPattern.Compile(pattern, where);
        }

        var rules = new FormRules(
            Required: v["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
            Pattern: regex,
            Min: Number(v, "min", where),
            Max: Number(v, "max", where),
            MinLength: Length(v, "minLength", where),
            MaxLength: Length(v, "maxLength", where));
        if (rules.Min > rules.Max || rules.MinLength > rules.MaxLength)
        {
            throw new FormSchemaException($"{where}: a minimum is larger than its maximum.");
        }

        if (regex is not null && type is not ("textfield" or "textarea"))
        {
            throw new FormSchemaException($"{where}: 'pattern' applies to textfield and textarea only.");
        }

        return rules;
    }

    private static decimal? Number(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormSchemaException($"{where}: validate.{name} must be a number."),
    };

    private static int? Length(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) && i >= 0 => i,
        _ => throw new FormSchemaException($"{where}: validate.{name} must be a whole number, zero or more."),
    };

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<FormComponent> Flatten(IEnumerable<FormComponent> components)
    {
        foreach (var c in components)
        {
            yield return c;
            foreach (var inner in Flatten(c.Components))
            {
                yield return inner;
            }
        }
    }
}

/// <summary>One component of a <see cref="FormSchema"/>.</summary>
/// <param name="Type">The form-js type, e.g. <c>textfield</c>.</param>
/// <param name="Key">The data key: <c>key</c> of a field, <c>path</c> of a nesting group or list; null for display components and flat groups.</param>
/// <param name="Label">The Chinese label shown and used in error messages.</param>
/// <param name="Id">The component's id in the schema.</param>
/// <param name="Rules">Its validation rules.</param>
/// <param name="Options">The allowed values of a select, radio or checklist.</param>
/// <param name="Multiple">A filepicker that takes several files.</param>
/// <param name="Subtype">date, time or datetime for a datetime component.</param>
/// <param name="Components">The children of a group or list.</param>
public sealed record FormComponent(
    string Type,
    string? Key,
    string? Label,
    string? Id,
    FormRules Rules,
    ImmutableArray<string> Options,
    bool Multiple,
    string? Subtype,
    ImmutableArray<FormComponent> Components)
{
    /// <summary>True for components that carry a value.</summary>
    public bool HasValue => FormSchema.DataTypes.Contains(Type);

    /// <summary>The label, or the key when the form gives none.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Key ?? Type : Label;
}

/// <summary>
/// form-js <c>validate</c> rules. On a dynamiclist, required/minLength/maxLength count its items.
/// </summary>
public sealed record FormRules(bool Required, Regex? Pattern, decimal? Min, decimal? Max, int? MinLength, int? MaxLength)
{
    /// <summary>No rules.</summary>
    public static FormRules None { get; } = new(false, null, null, null, null, null);
}

/// <summary>A form file that is not a form-js schema of the supported subset.</summary>
public sealed class FormSchemaException : Exception
{
    public FormSchemaException()
    {
    }

    public FormSchemaException(string message)
        : base(message)
    {
    }

    public FormSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
