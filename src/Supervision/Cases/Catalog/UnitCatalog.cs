using System.Collections.Frozen;
using ApprovalHub.Workflows.Forms;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ApprovalHub.Supervision.Cases.Catalog;

/// <summary>
/// <see cref="IUnitCatalog"/> over the catalog and forms this assembly carries
/// (<c>definitions/catalog.yaml</c> and <c>definitions/forms/*.form</c>, embedded at build time:
/// shipped reference data, like the regions).
/// </summary>
/// <remarks>
/// The file is read once; a catalog that names a step, form or process that does not exist is a
/// startup error, not a request error. Fields this reader does not know are ignored: the
/// definition tests (tests/Workflows.Tests/Definitions) reject typos in the file itself.
/// </remarks>
public sealed class UnitCatalog : IUnitCatalog
{
    private const string CatalogResource = "ApprovalHub.Supervision.Cases.catalog.yaml";
    private const string FormResourcePrefix = "ApprovalHub.Supervision.Cases.Forms.";

    private readonly FrozenDictionary<string, CatalogUnit> _byCode;
    private readonly FrozenDictionary<string, CatalogUnit> _byProcess;
    private readonly FrozenDictionary<string, CatalogStep> _stepsByCode;
    private readonly FrozenDictionary<string, CatalogStep> _stepsByProcess;
    private readonly FrozenDictionary<string, (string Json, FormSchema Schema)> _forms;

    private UnitCatalog(IReadOnlyList<CatalogStep> steps, IReadOnlyList<CatalogUnit> units, IReadOnlyDictionary<string, (string, FormSchema)> forms)
    {
        Steps = steps;
        Units = units;
        _byCode = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        _byProcess = units.ToFrozenDictionary(u => u.ProcessKey, StringComparer.Ordinal);
        _stepsByCode = steps.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);
        var byProcess = steps.ToDictionary(s => s.ProcessKey, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            byProcess[unit.ProcessKey] = _stepsByCode[unit.StepCode];
        }

        _stepsByProcess = byProcess.ToFrozenDictionary(StringComparer.Ordinal);
        _forms = forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<CatalogStep> Steps { get; }

    /// <inheritdoc />
    public IReadOnlyList<CatalogUnit> Units { get; }

    /// <summary>The catalog and forms shipped in this assembly.</summary>
    public static UnitCatalog Shipped() => Parse(ReadResource(CatalogResource), ShippedForms());

    /// <summary>Reads a catalog from YAML text, with its forms (key → form-js JSON).</summary>
    /// <exception cref="InvalidOperationException">The catalog is inconsistent (unknown step or form, duplicate code).</exception>
    public static UnitCatalog Parse(string yaml, IReadOnlyDictionary<string, string> formsByKey)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(formsByKey);
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<CatalogFile>(yaml) ?? throw new InvalidOperationException("The unit catalog is empty.");

        var steps = file.Steps.OrderBy(s => s.Number)
            .Select(s => new CatalogStep(s.Number, s.Code, s.Zh, s.En, s.Process, s.Units))
            .ToList();
        var stepByName = steps.ToDictionary(s => s.NameZh, StringComparer.Ordinal);
        var forms = new Dictionary<string, (string, FormSchema)>(StringComparer.Ordinal);
        foreach (var (key, json) in formsByKey)
        {
            forms[key] = (json, Parse(key, json));
        }

        var units = new List<CatalogUnit>();
        foreach (var u in file.Units.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var step = stepByName.GetValueOrDefault(u.Step)
                       ?? throw new InvalidOperationException($"Unit {u.Code} names the step '{u.Step}', which the catalog does not list.");
            var formKey = Path.GetFileNameWithoutExtension(u.Form);
            if (!forms.ContainsKey(formKey))
            {
                throw new InvalidOperationException($"Unit {u.Code} names the form '{u.Form}', which is not shipped.");
            }

            units.Add(new CatalogUnit(
                u.Code, u.Name.Zh, u.Name.En, step.Code, u.Slug, u.Process, formKey,
                new CatalogParty(u.Applicant.Role, u.Applicant.Level),
                u.Decider is null ? null : new CatalogParty(u.Decider.Role, u.Decider.Level),
                u.Limit is null ? null : new CatalogLimit(u.Limit.Task, u.Limit.DueIn, u.Limit.Configurable, u.Limit.Source, u.Limit.ApplicantDeadline),
                u.Effects,
                u.Note));
        }

        var duplicate = units.GroupBy(u => u.Code).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"The unit code {duplicate.Key} is used twice.")
            : new UnitCatalog(steps, units, forms);
    }

    /// <inheritdoc />
    public CatalogUnit? FindUnit(string code) => _byCode.GetValueOrDefault(code);

    /// <inheritdoc />
    public CatalogUnit? FindByProcessKey(string processKey) => _byProcess.GetValueOrDefault(processKey);

    /// <inheritdoc />
    public CatalogStep? FindStep(string code) => _stepsByCode.GetValueOrDefault(code);

    /// <inheritdoc />
    public CatalogStep StepOf(CatalogUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _stepsByCode[unit.StepCode];
    }

    /// <inheritdoc />
    public CatalogStep? FindStepByProcessKey(string processKey) => _stepsByProcess.GetValueOrDefault(processKey);

    /// <inheritdoc />
    public FormSchema? FindForm(string formKey) => _forms.TryGetValue(formKey, out var form) ? form.Schema : null;

    /// <inheritdoc />
    public string? FormJson(string formKey) => _forms.TryGetValue(formKey, out var form) ? form.Json : null;

    private static FormSchema Parse(string key, string json)
    {
        try
        {
            return FormSchema.Parse(json);
        }
        catch (FormSchemaException ex)
        {
            throw new InvalidOperationException($"The shipped form '{key}' is not readable: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string> ShippedForms()
    {
        var assembly = typeof(UnitCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(FormResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".form", StringComparison.Ordinal))
            .ToDictionary(n => n[FormResourcePrefix.Length..^".form".Length], ReadResource, StringComparer.Ordinal);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(UnitCatalog).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Internal bug: the embedded resource {name} is missing, please report.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The YAML shape; YamlDotNet fills mutable classes, the catalog hands out records.
#pragma warning disable CA1812 // Instantiated by YamlDotNet.
    private sealed class CatalogFile
    {
        public List<StepEntry> Steps { get; set; } = [];

        public List<UnitEntry> Units { get; set; } = [];
    }

    private sealed class StepEntry
    {
        public int Number { get; set; }

        public string Code { get; set; } = "";

        public string Zh { get; set; } = "";

        public string En { get; set; } = "";

        public string Process { get; set; } = "";

        public List<string> Units { get; set; } = [];
    }

    private sealed class UnitEntry
    {
        public string Code { get; set; } = "";

        public NameEntry Name { get; set; } = new();

        public string Step { get; set; } = "";

        public string Slug { get; set; } = "";

        public string Process { get; set; } = "";

        public string Form { get; set; } = "";

        public PartyEntry Applicant { get; set; } = new();

        public PartyEntry? Decider { get; set; }

        public LimitEntry? Limit { get; set; }

        public List<string> Effects { get; set; } = [];

        public string? Note { get; set; }
    }

    private sealed class NameEntry
    {
        public string Zh { get; set; } = "";

        public string En { get; set; } = "";
    }

    private sealed class PartyEntry
    {
        public string Role { get; set; } = "";

        public string? Level { get; set; }
    }

    private sealed class LimitEntry
    {
        public string Task { get; set; } = "";

        public string DueIn { get; set; } = "";

        public bool Configurable { get; set; }

        public string Source { get; set; } = "";

        public string? ApplicantDeadline { get; set; }
    }
#pragma warning restore CA1812
}
