using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Forms;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// Checks a form's data in the browser session before it is sent, rule for rule as the server's
/// <see cref="FormValidator"/> does (required, pattern, min/max, lengths, options, value shapes,
/// groups, lists, unknown fields) and with the same error paths, but with messages in the user's
/// language. The server checks again whatever this says; FormRulesValidatorParityTests keeps the
/// two in step.
/// </summary>
public sealed class FormRulesValidator(IStringLocalizer<FormsText> text)
{
    private static readonly Regex FileId = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoDateTime = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoTime = new(@"^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);

    /// <summary>Most files in a multiple filepicker, whatever its maxLength says (the server's limit).</summary>
    public const int MaxFiles = 50;

    /// <summary>Every error of <paramref name="data"/>, by path, in form order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(FormDefinition form, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(data);
        var errors = new Errors();
        ValidateLevel(form.Nodes, data, "", errors);
        return errors.Result;
    }

    private void ValidateLevel(ImmutableArray<FormNode> nodes, JsonObject data, string prefix, Errors errors)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        ValidateNodes(nodes, data, prefix, errors, declared);
        foreach (var (name, _) in data)
        {
            if (!declared.Contains(name))
            {
                errors.Add(prefix + name, Message("NotInForm", Shorten(name)));
            }
        }
    }

    private void ValidateNodes(ImmutableArray<FormNode> nodes, JsonObject data, string prefix, Errors errors, HashSet<string> declared)
    {
        foreach (var node in nodes)
        {
            if (node.IsFlatGroup)
            {
                ValidateNodes(node.Children, data, prefix, errors, declared);
                continue;
            }

            if (node.Key is null)
            {
                continue;
            }

            declared.Add(node.Key);
            var path = prefix + node.Key;
            var value = data[node.Key];
            switch (node.Type)
            {
                case "group":
                    ValidateGroup(node, value, path, errors);
                    break;
                case "dynamiclist":
                    ValidateList(node, value, path, errors);
                    break;
                default:
                    ValidateField(node, value, path, errors);
                    break;
            }
        }
    }

    private void ValidateGroup(FormNode node, JsonNode? value, string path, Errors errors)
    {
        switch (value)
        {
            case null:
                ValidateLevel(node.Children, [], path + ".", errors);
                break;
            case JsonObject obj:
                ValidateLevel(node.Children, obj, path + ".", errors);
                break;
            default:
                errors.Add(path, Message("GroupType", node.DisplayName));
                break;
        }
    }

    private void ValidateList(FormNode node, JsonNode? value, string path, Errors errors)
    {
        if (value is null)
        {
            if (node.Required || node.MinLength > 0)
            {
                errors.Add(path, Message("TooFewItems", node.DisplayName, Math.Max(1, node.MinLength ?? 1)));
            }

            return;
        }

        if (value is not JsonArray items)
        {
            errors.Add(path, Message("ListType", node.DisplayName));
            return;
        }

        if (!CheckCount(node, items.Count, node.MaxLength ?? FormValidator.DefaultMaxItems, path, errors))
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                ValidateLevel(node.Children, item, $"{path}[{i}].", errors);
            }
            else
            {
                errors.Add($"{path}[{i}]", Message("ItemType", node.DisplayName, i + 1));
            }
        }
    }

    private bool CheckCount(FormNode node, int count, int max, string path, Errors errors)
    {
        var min = Math.Max(node.Required ? 1 : 0, node.MinLength ?? 0);
        if (count < min)
        {
            errors.Add(path, Message("TooFewItems", node.DisplayName, min));
            return false;
        }

        if (count > max)
        {
            errors.Add(path, Message("TooManyItems", node.DisplayName, max));
            return false;
        }

        return true;
    }

    private void ValidateField(FormNode node, JsonNode? value, string path, Errors errors)
    {
        if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0))
        {
            if (node.Required)
            {
                errors.Add(path, Message("Required", node.DisplayName));
            }

            return;
        }

        var error = node.Type switch
        {
            "textfield" => Text(node, value, FormValidator.DefaultTextfieldMaxLength),
            "textarea" => Text(node, value, FormValidator.DefaultTextareaMaxLength),
            "number" => Number(node, value),
            "select" or "radio" => Option(node, value),
            "checkbox" => Checkbox(node, value),
            "checklist" => Checklist(node, value, path, errors),
            "datetime" => DateTimeValue(node, value),
            "filepicker" => FileReference(node, value, path, errors),
            _ => throw new InvalidOperationException($"Internal form renderer bug: unexpected component type '{node.Type}', please report."),
        };
        if (error is not null)
        {
            errors.Add(path, error);
        }
    }

    private string? Text(FormNode node, JsonNode value, int defaultMax)
    {
        if (!TryString(value, out var entered))
        {
            return Message("TextType", node.DisplayName);
        }

        // Characters as the server counts them: a character outside the BMP is one, not two.
        var length = entered.EnumerateRunes().Count();
        if (node.MinLength is { } min && length < min)
        {
            return Message("TooShort", node.DisplayName, min);
        }

        var max = node.MaxLength ?? defaultMax;
        if (length > max)
        {
            return Message("TooLong", node.DisplayName, max);
        }

        if (node.Pattern is { } pattern)
        {
            try
            {
                if (!pattern.IsMatch(entered))
                {
                    return Message("PatternMismatch", node.DisplayName);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return Message("PatternTimeout", node.DisplayName);
            }
        }

        return null;
    }

    private string? Number(FormNode node, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<decimal>(out var number))
        {
            return Message("NumberType", node.DisplayName);
        }

        if (node.Min is { } min && number < min)
        {
            return Message("NumberTooSmall", node.DisplayName, min.ToString(CultureInfo.InvariantCulture));
        }

        return node.Max is { } max && number > max
            ? Message("NumberTooLarge", node.DisplayName, max.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private string? Option(FormNode node, JsonNode value) =>
        !TryScalar(value, out var chosen) ? Message("OptionType", node.DisplayName)
        : node.Options.Any(o => o.Value == chosen) ? null
        : Message("OptionUnknown", node.DisplayName, Shorten(chosen));

    private string? Checkbox(FormNode node, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Message("CheckboxType", node.DisplayName);
        }

        return node.Required && !v.GetValue<bool>() ? Message("CheckboxRequired", node.DisplayName) : null;
    }

    private string? Checklist(FormNode node, JsonNode value, string path, Errors errors)
    {
        if (value is not JsonArray items)
        {
            return Message("ChecklistType", node.DisplayName);
        }

        if (!CheckCount(node, items.Count, node.MaxLength ?? FormValidator.DefaultMaxItems, path, errors))
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !TryScalar(item, out var chosen))
            {
                errors.Add($"{path}[{i}]", Message("ChecklistItemType", node.DisplayName, i + 1));
            }
            else if (!node.Options.Any(o => o.Value == chosen))
            {
                errors.Add($"{path}[{i}]", Message("OptionUnknown", node.DisplayName, Shorten(chosen)));
            }
        }

        return null;
    }

    private string? DateTimeValue(FormNode node, JsonNode value)
    {
        if (!TryString(value, out var entered))
        {
            return Message("DateTimeType", node.DisplayName);
        }

        var ok = node.Subtype switch
        {
            "time" => IsoTime.IsMatch(entered) && TimeOnly.TryParseExact(entered[..5], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => IsoDateTime.IsMatch(entered) && DateTimeOffset.TryParse(entered, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => DateOnly.TryParseExact(entered, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        };
        return ok ? null : node.Subtype switch
        {
            "time" => Message("TimeInvalid", node.DisplayName),
            "datetime" => Message("DateTimeInvalid", node.DisplayName),
            _ => Message("DateInvalid", node.DisplayName),
        };
    }

    private string? FileReference(FormNode node, JsonNode value, string path, Errors errors)
    {
        if (!node.Multiple)
        {
            return TryString(value, out var id) && FileId.IsMatch(id) ? null : Message("FileInvalid", node.DisplayName);
        }

        if (value is not JsonArray items)
        {
            return Message("FileListType", node.DisplayName);
        }

        if (!CheckCount(node, items.Count, Math.Min(node.MaxLength ?? MaxFiles, MaxFiles), path, errors))
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !TryString(item, out var id) || !FileId.IsMatch(id))
            {
                errors.Add($"{path}[{i}]", Message("FileItemInvalid", node.DisplayName, i + 1));
            }
        }

        return null;
    }

    private static bool TryString(JsonNode value, out string result)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            result = v.GetValue<string>();
            return true;
        }

        result = "";
        return false;
    }

    private static bool TryScalar(JsonNode value, out string result)
    {
        if (TryString(value, out result))
        {
            return true;
        }

        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            result = v.ToJsonString();
            return true;
        }

        return false;
    }

    private string Message(string key, params object[] arguments) => text[key, arguments].Value;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, IReadOnlyList<string>> Result =>
            _byPath.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);

        public void Add(string path, string message)
        {
            if (!_byPath.TryGetValue(path, out var list))
            {
                _byPath[path] = list = [];
            }

            list.Add(message);
        }
    }
}
