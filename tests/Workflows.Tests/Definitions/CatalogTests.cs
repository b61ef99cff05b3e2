using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Forms;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Runtime.Definitions;

namespace ApprovalHub.Workflows.Tests.Definitions;

/// <summary>
/// The catalog, the 43 definitions and the forms agree with each other and with the conventions
/// other engineers rely on (docs/catalog.md).
/// </summary>
public sealed partial class CatalogTests
{
    private static readonly string[] CandidateGroups =
    [
        "regulator.national", "regulator.province", "regulator.city", "regulator.county", "regulator.street",
        "inspector", "enterprise", "producer", "maintenance",
    ];

    private static readonly string[] Steps = ["厂厂受控", "台台检验", "件件赋码", "次次告知", "项项验收", "处处规范", "时时扫码", "事事倒查", "应急处置"];

    private static UnitCatalog Catalog => UnitCatalog.Load();

    public static TheoryData<string> BpmnFiles => [.. UnitCatalog.Files.Keys];

    public static TheoryData<string> UnitCodes => [.. Catalog.Units.Select(u => u.Code)];

    private static CatalogUnit Unit(string code) => Catalog.Units.Single(u => u.Code == code);

    [Fact]
    public void The_catalog_has_34_units_in_9_steps_each_listed_once_in_its_step()
    {
        Assert.Equal(Enumerable.Range(1, 34).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), Catalog.Units.Select(u => u.Code));
        Assert.Equal(Steps, Catalog.Steps.OrderBy(s => s.Number).Select(s => s.Zh));
        Assert.Equal(Catalog.Units.Select(u => u.Code), Catalog.Steps.OrderBy(s => s.Number).SelectMany(s => s.Units));
        Assert.All(Catalog.Units, u => Assert.Contains(u.Code, Catalog.Steps.Single(s => s.Zh == u.Step).Units));
        Assert.Equal(43, UnitCatalog.Files.Count);
    }

    [Theory]
    [MemberData(nameof(UnitCodes))]
    public void Each_unit_points_to_its_bpmn_file_process_and_form(string code)
    {
        var unit = Unit(code);

        Assert.Equal($"bpmn/unit-{code}-{unit.Slug}.bpmn", unit.Bpmn);
        Assert.Equal($"forms/unit-{code}-{unit.Slug}.form", unit.Form);
        Assert.True(File.Exists(Path.Combine(UnitCatalog.DefinitionsFolder, unit.Form)), unit.Form);
        var process = UnitCatalog.Process(unit.Bpmn);
        Assert.Equal(unit.Process, process.Id);
        Assert.StartsWith($"{code} {unit.Name.Zh}", process.Name, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(unit.Name.En));
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Each_definition_validates_with_no_error_or_warning_and_deploys(string file)
    {
        var parsed = UnitCatalog.Files[file];

        Assert.Empty(parsed.Diagnostics.Select(d => d.Format(file)));
        var deployed = Assert.Single(new InMemoryDefinitionRegistry().Deploy(parsed));
        Assert.Equal(UnitCatalog.Process(file).Id, deployed.Key);
    }

    [Fact]
    public void Every_step_is_in_the_catalog_and_calls_only_units()
    {
        // A step may call units of other steps: the new-device journey (step 4) runs 18, 22, 23 and 11.
        var processes = Catalog.Units.Select(u => u.Process).ToHashSet(StringComparer.Ordinal);
        foreach (var step in Catalog.Steps)
        {
            var process = UnitCatalog.Process(step.Bpmn);
            Assert.Equal(step.Process, process.Id);
            var called = UnitCatalog.Nodes(process).OfType<CallActivity>().Select(c => c.CalledElement!).ToList();
            Assert.NotEmpty(called);
            Assert.All(called, c => Assert.Contains(c, processes));
        }
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Every_form_key_in_a_definition_has_its_form_file(string file)
    {
        var keys = UnitCatalog.Nodes(UnitCatalog.Process(file))
            .Select(n => n switch { BpmnTask t => t.FormKey, BpmnEvent e => e.Extension("formKey"), _ => null })
            .OfType<string>().Distinct().ToList();

        Assert.All(keys, key => Assert.True(File.Exists(Path.Combine(UnitCatalog.DefinitionsFolder, "forms", key + ".form")), $"{file}: no form '{key}'"));
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Every_user_task_has_a_candidate_group_from_the_list_or_an_assignee_and_a_form(string file)
    {
        foreach (var task in UnitCatalog.Nodes(UnitCatalog.Process(file)).OfType<BpmnTask>().Where(t => t.Kind == FlowNodeKind.UserTask))
        {
            Assert.All(task.CandidateGroups, g => Assert.Contains(g, CandidateGroups));
            Assert.True(task.CandidateGroups.Length > 0 || task.Assignee is not null, $"{file}: {task.Id} has neither candidate groups nor an assignee");
            Assert.False(string.IsNullOrEmpty(task.FormKey), $"{file}: {task.Id} has no form");
        }
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Every_service_type_is_documented(string file)
    {
        var documented = Catalog.ServiceTypes.Select(t => t.Type).ToHashSet(StringComparer.Ordinal);
        var used = UnitCatalog.Nodes(UnitCatalog.Process(file)).OfType<BpmnTask>().Select(t => t.HandlerType).OfType<string>();

        Assert.All(used, t => Assert.Contains(t, documented));
    }

    [Theory]
    [MemberData(nameof(UnitCodes))]
    public void The_catalog_effects_are_exactly_the_service_types_the_unit_calls(string code)
    {
        var unit = Unit(code);
        var used = UnitCatalog.Nodes(UnitCatalog.Process(unit.Bpmn)).OfType<BpmnTask>().Select(t => t.HandlerType).OfType<string>();

        Assert.Equal(unit.Effects.Order(StringComparer.Ordinal), used.Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnitCodes))]
    public void A_units_time_limit_is_the_due_date_of_its_task_and_has_a_source(string code)
    {
        var unit = Unit(code);
        var tasks = UnitCatalog.Nodes(UnitCatalog.Process(unit.Bpmn)).OfType<BpmnTask>().ToList();
        if (unit.Limit is not { } limit)
        {
            Assert.Null(unit.Decider);
            return;
        }

        var task = Assert.Single(tasks, t => t.Id == limit.Task);
        Assert.Equal(FlowNodeKind.UserTask, task.Kind);
        // A limit that depends on the case (unit 34: the arrival limit of the device's place) is an
        // expression whose fallback is the catalog's limit.
        Assert.True(
            task.DueIn == limit.DueIn || (task.DueIn is { } expression && expression.StartsWith("${", StringComparison.Ordinal) && expression.Contains($"'{limit.DueIn}'", StringComparison.Ordinal)),
            $"{unit}: {limit.Task} is due in {task.DueIn}, the catalog says {limit.DueIn}");
        Assert.Matches(LimitPattern(), limit.DueIn);
        Assert.Contains("domain.md", limit.Source, StringComparison.Ordinal);
        Assert.True(limit.Configurable || limit.Source.Contains("[V]", StringComparison.Ordinal), $"{unit}: a fixed limit needs a [V] source");
    }

    [Theory]
    [MemberData(nameof(UnitCodes))]
    public void The_decider_works_on_the_units_tasks_and_filings_have_none(string code)
    {
        var unit = Unit(code);
        var groups = UnitCatalog.Nodes(UnitCatalog.Process(unit.Bpmn)).OfType<BpmnTask>().SelectMany(t => t.CandidateGroups).ToHashSet(StringComparer.Ordinal);
        if (unit.Decider is { } decider)
        {
            Assert.Contains(decider.Group, groups);
        }
        else
        {
            Assert.Contains(unit.Effects, e => e is "notice.accept" or "registry.createDevice" or "registry.changeStatus" or "registry.recordInspectionResult"
                or "registry.recordMaintenanceContract" or "registry.recordSafetyStaff" or "hazard.open" or "registry.recordMaintenance");
        }
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Start_events_name_the_initiator_and_applicant_tasks_are_assigned_to_it(string file)
    {
        var nodes = UnitCatalog.Nodes(UnitCatalog.Process(file)).ToList();
        var usesInitiator = nodes.OfType<BpmnTask>().Any(t => t.Assignee == "${initiator}");
        var starts = nodes.OfType<BpmnEvent>().Where(e => e.Kind == FlowNodeKind.StartEvent).ToList();

        Assert.NotEmpty(starts);
        if (usesInitiator)
        {
            Assert.All(starts, s => Assert.Equal("initiator", s.Extension("initiator")));
        }
    }

    [Fact]
    public void Every_form_parses_and_uses_only_supported_component_types()
    {
        var files = Directory.EnumerateFiles(Path.Combine(UnitCatalog.DefinitionsFolder, "forms"), "*.form").ToList();

        Assert.True(files.Count >= 34 + 1, $"only {files.Count} forms");
        foreach (var file in files)
        {
            var schema = FormSchema.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), schema.Id);
            Assert.NotEmpty(schema.Components);
            Assert.All(schema.AllComponents(), c => Assert.True(
                FormSchema.DataTypes.Contains(c.Type) || FormSchema.ContainerTypes.Contains(c.Type) || FormSchema.DisplayTypes.Contains(c.Type), c.Type));
            Assert.All(schema.AllComponents().Where(c => c.HasValue), c => Assert.Matches(HanPattern(), c.Label ?? ""));
        }
    }

    [Fact]
    public void The_decision_form_requires_a_decision_and_a_comment()
    {
        var schema = FormSchema.Load(Path.Combine(UnitCatalog.DefinitionsFolder, "forms", "decision.form"));

        var result = FormValidator.Validate(schema, "{}");

        Assert.Equal(["comment", "decision"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.True(FormValidator.Validate(schema, """{"decision":"reject","comment":"资料不全"}""").IsValid);
        Assert.False(FormValidator.Validate(schema, """{"decision":"maybe","comment":"资料不全"}""").IsValid);
    }

    [Fact]
    public void The_generated_catalog_document_lists_every_unit_and_service_type()
    {
        var doc = File.ReadAllText(Path.Combine(UnitCatalog.DefinitionsFolder, "..", "docs", "catalog.md"));

        Assert.StartsWith("<!-- Generated from definitions/catalog.yaml by `python3 scripts/definitions/catalog_doc.py`", doc, StringComparison.Ordinal);
        Assert.All(Catalog.Units, u => Assert.Contains($"| {u.Code} | {u.Name.Zh}<br>{u.Name.En}<br>`{u.Process}` |", doc, StringComparison.Ordinal));
        Assert.All(Catalog.ServiceTypes, t => Assert.Contains($"| `{t.Type}` |", doc, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(P\d+WD|P\d+D|PT\d+[HM])$")]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();
}
