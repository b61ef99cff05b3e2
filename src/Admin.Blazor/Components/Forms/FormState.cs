using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// The data of one rendered form and its errors. The data is the JSON object the server validates
/// (fields by key, a nesting group as an object, a dynamic list as an array of objects), edited in
/// place by the field components; nothing is converted on the way out.
/// </summary>
/// <remarks>
/// Client errors appear once a field has been changed or a submission was attempted; server
/// errors (ValidationProblemDetails keys) appear at once and disappear from a field when the user
/// changes it. Errors whose path no field shows (the whole submission, a field the form does not
/// have) are listed above the form.
/// </remarks>
public sealed class FormState
{
    private readonly FormRulesValidator _validator;
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _clientErrors = new Dictionary<string, IReadOnlyList<string>>();
    private Dictionary<string, IReadOnlyList<string>> _serverErrors = new(StringComparer.Ordinal);

    /// <summary>Starts a form with <paramref name="initial"/> (a draft, a submitted case) or empty.</summary>
    /// <param name="definition">The form.</param>
    /// <param name="initial">The data to start from; copied, never changed. Keys the form does not have are left out and listed in <see cref="DroppedKeys"/>.</param>
    /// <param name="validator">Checks the data as the server will.</param>
    public FormState(FormDefinition definition, JsonObject? initial, FormRulesValidator validator)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(validator);
        Definition = definition;
        _validator = validator;
        Data = initial?.DeepClone() as JsonObject ?? [];
        var dropped = new List<string>();
        Prepare(definition.Nodes, Data, "", dropped);
        DroppedKeys = [.. dropped];
        Revalidate();
    }

    /// <summary>Called after any change of data or errors, so the renderer redraws and tells its page.</summary>
    public Func<Task>? Changed { get; set; }

    /// <summary>The form.</summary>
    public FormDefinition Definition { get; }

    /// <summary>The data as it stands, edited in place by the fields.</summary>
    public JsonObject Data { get; }

    /// <summary>Keys of the initial data the form does not have (a draft of an older form version), by path.</summary>
    public ImmutableArray<string> DroppedKeys { get; }

    /// <summary>True once <see cref="Validate"/> was called: every error shows, touched or not.</summary>
    public bool SubmitAttempted { get; private set; }

    /// <summary>True when the data passes every rule.</summary>
    public bool IsValid => _clientErrors.Count == 0;

    /// <summary>A copy of the data to send.</summary>
    public JsonObject Submission() => (JsonObject)Data.DeepClone();

    /// <summary>Shows every error and tells whether the data may be sent.</summary>
    public bool Validate()
    {
        SubmitAttempted = true;
        Revalidate();
        return IsValid;
    }

    /// <summary>Replaces the server's errors (ValidationProblemDetails.Errors); null clears them.</summary>
    public void SetServerErrors(IReadOnlyDictionary<string, string[]>? errors)
    {
        _serverErrors = errors is null
            ? new(StringComparer.Ordinal)
            : errors.Where(e => e.Value is { Length: > 0 }).ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);
    }

    /// <summary>Sets (or, with null, removes) the value of <paramref name="key"/> in <paramref name="scope"/>, the object at the field's level.</summary>
    public Task SetValueAsync(JsonObject scope, string key, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (value is null)
        {
            scope.Remove(key);
        }
        else
        {
            scope[key] = value;
        }

        _touched.Add(path);
        ForgetServerErrors(path);
        Revalidate();
        return Changed?.Invoke() ?? Task.CompletedTask;
    }

    /// <summary>Appends an empty item (with its fields' defaults) to a dynamic list.</summary>
    public Task AddItemAsync(JsonObject scope, FormNode list, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(list);
        if (scope[list.Key!] is not JsonArray items)
        {
            scope[list.Key!] = items = [];
        }

        items.Add(NewItem(list));
        return ListChangedAsync(path);
    }

    /// <summary>Removes item <paramref name="index"/> of a dynamic list.</summary>
    public Task RemoveItemAsync(JsonObject scope, FormNode list, string path, int index)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(list);
        if (scope[list.Key!] is JsonArray items && index >= 0 && index < items.Count)
        {
            items.RemoveAt(index);
            return ListChangedAsync(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The errors to show at <paramref name="path"/>; with <paramref name="items"/>, also those of
    /// its items (<c>photos[1]</c> under a multiple filepicker, <c>scopes[0]</c> under a checklist).
    /// </summary>
    public IReadOnlyList<string> ErrorsFor(string path, bool items = false)
    {
        var result = new List<string>();
        foreach (var source in new[] { VisibleClientErrors(), _serverErrors })
        {
            foreach (var (key, messages) in source)
            {
                if (key == path || (items && IsItemOf(key, path)))
                {
                    result.AddRange(messages.Where(m => !result.Contains(m)));
                }
            }
        }

        return result;
    }

    /// <summary>Errors no field of the form shows, e.g. one for the whole submission or for a field the form has not got.</summary>
    public IReadOnlyList<(string Path, string Message)> UnplacedErrors()
    {
        var placed = FieldPaths();
        return
        [
            .. VisibleClientErrors().Concat(_serverErrors)
                .Where(e => !placed.Contains(e.Key) && !placed.Any(p => IsItemOf(e.Key, p)))
                .SelectMany(e => e.Value.Select(m => (e.Key, m)))
                .Distinct(),
        ];
    }

    /// <summary>Every path a field, group or list of the form shows errors at, with the data as it stands.</summary>
    public IReadOnlySet<string> FieldPaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        CollectPaths(Definition.Nodes, Data, "", paths);
        return paths;
    }

    private static bool IsItemOf(string key, string path) =>
        key.Length > path.Length + 2 && key.StartsWith(path, StringComparison.Ordinal) && key[path.Length] == '[' && key[^1] == ']';

    private IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> VisibleClientErrors() =>
        SubmitAttempted ? _clientErrors : _clientErrors.Where(e => _touched.Contains(e.Key) || _touched.Any(t => IsItemOf(e.Key, t)));

    private Task ListChangedAsync(string path)
    {
        // Item indexes moved: whatever the server said about the list's items no longer points at the right item.
        _serverErrors = _serverErrors.Where(e => e.Key != path && !e.Key.StartsWith(path + "[", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        _touched.RemoveWhere(t => t.StartsWith(path + "[", StringComparison.Ordinal));
        _touched.Add(path);
        Revalidate();
        return Changed?.Invoke() ?? Task.CompletedTask;
    }

    private void ForgetServerErrors(string path)
    {
        foreach (var key in _serverErrors.Keys.Where(k => k == path || IsItemOf(k, path)).ToList())
        {
            _serverErrors.Remove(key);
        }
    }

    private void Revalidate() => _clientErrors = _validator.Validate(Definition, Data);

    private static void CollectPaths(ImmutableArray<FormNode> nodes, JsonObject scope, string prefix, HashSet<string> paths)
    {
        foreach (var node in nodes)
        {
            if (node.IsFlatGroup)
            {
                CollectPaths(node.Children, scope, prefix, paths);
                continue;
            }

            if (node.Key is null)
            {
                continue;
            }

            var path = prefix + node.Key;
            paths.Add(path);
            if (node.Type == "group")
            {
                CollectPaths(node.Children, scope[node.Key] as JsonObject ?? [], path + ".", paths);
            }
            else if (node.Type == "dynamiclist" && scope[node.Key] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    CollectPaths(node.Children, items[i] as JsonObject ?? [], $"{path}[{i}].", paths);
                }
            }
        }
    }

    // Brings the data into the form's shape: nesting groups are objects, lists start with their
    // default items, fields get their defaults, and keys the form does not have are dropped.
    private static void Prepare(ImmutableArray<FormNode> nodes, JsonObject scope, string prefix, List<string> dropped)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        PrepareNodes(nodes, scope, prefix, dropped, declared);
        foreach (var name in scope.Select(p => p.Key).Where(k => !declared.Contains(k)).ToList())
        {
            scope.Remove(name);
            dropped.Add(prefix + name);
        }
    }

    private static void PrepareNodes(ImmutableArray<FormNode> nodes, JsonObject scope, string prefix, List<string> dropped, HashSet<string> declared)
    {
        foreach (var node in nodes)
        {
            if (node.IsFlatGroup)
            {
                PrepareNodes(node.Children, scope, prefix, dropped, declared);
                continue;
            }

            if (node.Key is null)
            {
                continue;
            }

            declared.Add(node.Key);
            var path = prefix + node.Key;
            switch (node.Type)
            {
                case "group":
                    if (scope[node.Key] is not JsonObject group)
                    {
                        scope[node.Key] = group = [];
                    }

                    Prepare(node.Children, group, path + ".", dropped);
                    break;
                case "dynamiclist":
                    if (scope[node.Key] is not JsonArray items)
                    {
                        scope[node.Key] = items = [];
                        for (var i = 0; i < node.DefaultRepetitions; i++)
                        {
                            items.Add(NewItem(node));
                        }
                    }

                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject)
                        {
                            items[i] = new JsonObject();
                        }

                        Prepare(node.Children, (JsonObject)items[i]!, $"{path}[{i}].", dropped);
                    }

                    break;
                default:
                    if (!scope.ContainsKey(node.Key) && node.DefaultValue is not null)
                    {
                        scope[node.Key] = node.DefaultValue.DeepClone();
                    }

                    break;
            }
        }
    }

    private static JsonObject NewItem(FormNode list)
    {
        var item = new JsonObject();
        Prepare(list.Children, item, "", []);
        return item;
    }
}
