using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ApprovalHub.Workflows.Forms;

/// <summary>
/// Validates a form submission (a JSON object) against a <see cref="FormSchema"/> on the server,
/// whatever the browser checked: required, pattern, min/max, lengths, options, value types and
/// nested groups and lists. Errors are keyed by the field's path (<c>contactPhone</c>,
/// <c>person.idNumber</c>, <c>items[2].serialNo</c>) with Chinese messages, ready for a
/// ValidationProblemDetails.
/// </summary>
/// <remarks>
/// Fields the form does not declare are <b>rejected</b> (“表单中没有字段…”), at every level: a task
/// completion sets process variables, and a variable the form does not show must not be set through
/// it (for example <c>decision</c> on a task whose form is only a receipt). Variables the platform
/// itself sets (regionCode, organisationId, applicationNo) are not part of the submission.
/// <c>null</c> counts as absent. A required checkbox must be <c>true</c>.
/// </remarks>
public static class FormValidator
{
    /// <summary>Longest text accepted by a textfield without its own maxLength.</summary>
    public const int DefaultTextfieldMaxLength = 1000;

    /// <summary>Longest text accepted by a textarea without its own maxLength.</summary>
    public const int DefaultTextareaMaxLength = 10_000;

    /// <summary>Most items in a dynamiclist, checklist or multiple filepicker without a maxLength.</summary>
    public const int DefaultMaxItems = 1000;

    private static readonly Regex FileId = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoDateTime = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoTime = new(@"^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);

    /// <summary>Validates <paramref name="submission"/>; a null submission is an empty one.</summary>
    public static FormValidationResult Validate(FormSchema schema, JsonObject? submission)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FormFieldError>();
        ValidateLevel(schema.Components, submission ?? [], "", errors);
        return new FormValidationResult([.. errors]);
    }

    /// <summary>Parses <paramref name="json"/> and validates it; text that is not a JSON object is one error.</summary>
    public static FormValidationResult Validate(FormSchema schema, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return new FormValidationResult([new FormFieldError("", "提交的内容不是有效的JSON")]);
        }

        return node is JsonObject obj
            ? Validate(schema, obj)
            : new FormValidationResult([new FormFieldError("", "提交的内容应为JSON对象")]);
    }

    private static void ValidateLevel(ImmutableArray<FormComponent> components, JsonObject data, string prefix, List<FormFieldError> errors)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        ValidateComponents(components, data, prefix, errors, declared);
        foreach (var (name, _) in data)
        {
            if (!declared.Contains(name))
            {
                errors.Add(new FormFieldError(prefix + name, $"表单中没有字段“{Shorten(name)}”"));
            }
        }
    }

    // Flat groups share their parent's level, so their keys are declared there.
    private static void ValidateComponents(ImmutableArray<FormComponent> components, JsonObject data, string prefix,
        List<FormFieldError> errors, HashSet<string> declared)
    {
        foreach (var c in components)
        {
            if (c.Type == "group" && c.Key is null)
            {
                ValidateComponents(c.Components, data, prefix, errors, declared);
                continue;
            }

            if (c.Key is null)
            {
                continue;
            }

            declared.Add(c.Key);
            var path = prefix + c.Key;
            var value = data[c.Key];
            switch (c.Type)
            {
                case "group":
                    ValidateGroup(c, value, path, errors);
                    break;
                case "dynamiclist":
                    ValidateList(c, value, path, errors);
                    break;
                default:
                    ValidateField(c, value, path, errors);
                    break;
            }
        }
    }

    private static void ValidateGroup(FormComponent c, JsonNode? value, string path, List<FormFieldError> errors)
    {
        switch (value)
        {
            case null:
                ValidateLevel(c.Components, [], path + ".", errors);
                break;
            case JsonObject obj:
                ValidateLevel(c.Components, obj, path + ".", errors);
                break;
            default:
                errors.Add(new FormFieldError(path, $"{c.DisplayName}应为一组字段（对象）"));
                break;
        }
    }

    private static void ValidateList(FormComponent c, JsonNode? value, string path, List<FormFieldError> errors)
    {
        if (value is null)
        {
            if (c.Rules.Required || c.Rules.MinLength > 0)
            {
                errors.Add(new FormFieldError(path, $"{c.DisplayName}至少需要{Math.Max(1, c.Rules.MinLength ?? 1)}项"));
            }

            return;
        }

        if (value is not JsonArray items)
        {
            errors.Add(new FormFieldError(path, $"{c.DisplayName}应为列表"));
            return;
        }

        if (!CheckCount(c, items.Count, path, errors))
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is JsonObject item)
            {
                ValidateLevel(c.Components, item, itemPath + ".", errors);
            }
            else
            {
                errors.Add(new FormFieldError(itemPath, $"{c.DisplayName}第{i + 1}项应为一组字段（对象）"));
            }
        }
    }

    private static bool CheckCount(FormComponent c, int count, string path, List<FormFieldError> errors)
    {
        var min = Math.Max(c.Rules.Required ? 1 : 0, c.Rules.MinLength ?? 0);
        var max = c.Rules.MaxLength ?? DefaultMaxItems;
        if (count < min)
        {
            errors.Add(new FormFieldError(path, $"{c.DisplayName}至少需要{min}项"));
            return false;
        }

        if (count > max)
        {
            errors.Add(new FormFieldError(path, $"{c.DisplayName}最多{max}项"));
            return false;
        }

        return true;
    }

    private static void ValidateField(FormComponent c, JsonNode? value, string path, List<FormFieldError> errors)
    {
        if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0))
        {
            if (c.Rules.Required)
            {
                errors.Add(new FormFieldError(path, $"{c.DisplayName}为必填项"));
            }

            return;
        }

        var error = c.Type switch
        {
            "textfield" => Text(c, value, DefaultTextfieldMaxLength),
            "textarea" => Text(c, value, DefaultTextareaMaxLength),
            "number" => Number(c, value),
            "select" or "radio" => Option(c, value),
            "checkbox" => Checkbox(c, value),
            "checklist" => Checklist(c, value, path, errors),
            "datetime" => DateTimeValue(c, value),
            "filepicker" => FileReference(c, value, path, errors),
            _ => throw new InvalidOperationException($"Internal form validator bug: unexpected component type '{c.Type}', please report."),
        };
        if (error is not null)
        {
            errors.Add(new FormFieldError(path, error));
        }
    }

    private static string? Text(FormComponent c, JsonNode value, int defaultMax)
    {
        if (!TryString(value, out var text))
        {
            return $"{c.DisplayName}应为文本";
        }

        var length = text.EnumerateRunes().Count();
        if (c.Rules.MinLength is { } min && length < min)
        {
            return $"{c.DisplayName}至少需要{min}个字";
        }

        var max = c.Rules.MaxLength ?? defaultMax;
        if (length > max)
        {
            return $"{c.DisplayName}最多{max}个字";
        }

        if (c.Rules.Pattern is { } pattern)
        {
            try
            {
                if (!pattern.IsMatch(text))
                {
                    return $"{c.DisplayName}格式不正确";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"{c.DisplayName}无法在限定时间内完成格式校验，请检查输入";
            }
        }

        return null;
    }

    private static string? Number(FormComponent c, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<decimal>(out var number))
        {
            return $"{c.DisplayName}应为数字";
        }

        if (c.Rules.Min is { } min && number < min)
        {
            return $"{c.DisplayName}不能小于{min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (c.Rules.Max is { } max && number > max)
        {
            return $"{c.DisplayName}不能大于{max.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    private static string? Option(FormComponent c, JsonNode value) =>
        !TryScalar(value, out var text) ? $"{c.DisplayName}应为单个选项"
        : c.Options.Contains(text) ? null
        : $"{c.DisplayName}的值“{Shorten(text)}”不在可选项中";

    private static string? Checkbox(FormComponent c, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return $"{c.DisplayName}应为是或否";
        }

        return c.Rules.Required && !v.GetValue<bool>() ? $"{c.DisplayName}须勾选" : null;
    }

    private static string? Checklist(FormComponent c, JsonNode value, string path, List<FormFieldError> errors)
    {
        if (value is not JsonArray items)
        {
            return $"{c.DisplayName}应为选项列表";
        }

        if (!CheckCount(c, items.Count, path, errors))
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !TryScalar(item, out var text))
            {
                errors.Add(new FormFieldError($"{path}[{i}]", $"{c.DisplayName}第{i + 1}项应为选项"));
            }
            else if (!c.Options.Contains(text))
            {
                errors.Add(new FormFieldError($"{path}[{i}]", $"{c.DisplayName}的值“{Shorten(text)}”不在可选项中"));
            }
        }

        return null;
    }

    private static string? DateTimeValue(FormComponent c, JsonNode value)
    {
        if (!TryString(value, out var text))
        {
            return $"{c.DisplayName}应为日期时间文本";
        }

        var ok = c.Subtype switch
        {
            "time" => IsoTime.IsMatch(text) && TimeOnly.TryParseExact(text[..5], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => IsoDateTime.IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        };
        if (ok)
        {
            return null;
        }

        return c.Subtype switch
        {
            "time" => $"{c.DisplayName}应为时间（如 09:30）",
            "datetime" => $"{c.DisplayName}应为日期时间（如 2026-03-02T09:30+08:00）",
            _ => $"{c.DisplayName}应为日期（如 2026-03-02）",
        };
    }

    private static string? FileReference(FormComponent c, JsonNode value, string path, List<FormFieldError> errors)
    {
        if (!c.Multiple)
        {
            return TryString(value, out var id) && FileId.IsMatch(id) ? null : $"{c.DisplayName}应为已上传文件的编号";
        }

        if (value is not JsonArray items)
        {
            return $"{c.DisplayName}应为已上传文件编号的列表";
        }

        if (!CheckCount(c with { Rules = c.Rules with { MaxLength = Math.Min(c.Rules.MaxLength ?? 50, 50) } }, items.Count, path, errors))
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !TryString(item, out var id) || !FileId.IsMatch(id))
            {
                errors.Add(new FormFieldError($"{path}[{i}]", $"{c.DisplayName}第{i + 1}项应为已上传文件的编号"));
            }
        }

        return null;
    }

    private static bool TryString(JsonNode value, out string text)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }

    // Options are strings in our schemas; a number or boolean submitted for one is compared as its JSON text.
    private static bool TryScalar(JsonNode value, out string text)
    {
        if (TryString(value, out text))
        {
            return true;
        }

        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            text = v.ToJsonString();
            return true;
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>One field's error.</summary>
/// <param name="Path">The field's path: <c>key</c>, <c>group.key</c>, <c>list[2].key</c>, <c>checklist[0]</c>; empty for the whole submission.</param>
/// <param name="Message">A Chinese message naming the field by its label.</param>
public sealed record FormFieldError(string Path, string Message);

/// <summary>The outcome of <see cref="FormValidator.Validate(FormSchema, JsonObject?)"/>.</summary>
public sealed class FormValidationResult(ImmutableArray<FormFieldError> errors)
{
    /// <summary>Every error, in form order (unknown fields last at each level).</summary>
    public ImmutableArray<FormFieldError> Errors { get; } = errors;

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Errors.IsEmpty;

    /// <summary>Errors grouped by path, the shape of <c>ValidationProblemDetails.Errors</c>.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
