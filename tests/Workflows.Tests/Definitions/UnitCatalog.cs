using System.Xml.Linq;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ApprovalHub.Workflows.Tests.Definitions;

/// <summary>definitions/catalog.yaml, read with YamlDotNet; unknown fields are an error, so a typo fails the tests.</summary>
public sealed class UnitCatalog
{
    public List<CatalogStep> Steps { get; set; } = [];

    public List<CatalogServiceType> ServiceTypes { get; set; } = [];

    public List<CatalogUnit> Units { get; set; } = [];

    public static string DefinitionsFolder => Path.Combine(RepositoryPaths.Root, "definitions");

    private static readonly Lazy<UnitCatalog> Loaded = new(() =>
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return deserializer.Deserialize<UnitCatalog>(File.ReadAllText(Path.Combine(DefinitionsFolder, "catalog.yaml")));
    });

    public static UnitCatalog Load() => Loaded.Value;

    /// <summary>Every BPMN file under definitions/bpmn, parsed once.</summary>
    public static IReadOnlyDictionary<string, BpmnParseResult> Files => ParsedFiles.Value;

    private static readonly Lazy<Dictionary<string, BpmnParseResult>> ParsedFiles = new(() =>
        Directory.EnumerateFiles(Path.Combine(DefinitionsFolder, "bpmn"), "*.bpmn")
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => "bpmn/" + Path.GetFileName(f), f => BpmnParser.ParseFile(f), StringComparer.Ordinal));

    public static BpmnProcess Process(string bpmnFile) =>
        Assert.Single(Files[bpmnFile].Document!.Processes);

    public static XDocument Xml(string bpmnFile) => XDocument.Load(Path.Combine(DefinitionsFolder, bpmnFile));

    /// <summary>Every flow node of a process, subprocesses included.</summary>
    public static IEnumerable<FlowNode> Nodes(BpmnProcess process) => process.NodesById.Values;
}

public sealed class CatalogStep
{
    public int Number { get; set; }

    public string Code { get; set; } = "";

    public string Zh { get; set; } = "";

    public string En { get; set; } = "";

    public string Process { get; set; } = "";

    public string Bpmn { get; set; } = "";

    public List<string> Units { get; set; } = [];
}

public sealed class CatalogServiceType
{
    public string Type { get; set; } = "";

    public string Meaning { get; set; } = "";

    public List<string> Reads { get; set; } = [];

    public List<string> Writes { get; set; } = [];
}

public sealed class CatalogUnit
{
    public string Code { get; set; } = "";

    public CatalogName Name { get; set; } = new();

    public string Step { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Process { get; set; } = "";

    public string Bpmn { get; set; } = "";

    public string Form { get; set; } = "";

    public CatalogParty Applicant { get; set; } = new();

    public CatalogParty? Decider { get; set; }

    public CatalogLimit? Limit { get; set; }

    public List<string> Effects { get; set; } = [];

    public string? Note { get; set; }

    public string FormKey => Path.GetFileNameWithoutExtension(Form);

    public override string ToString() => $"{Code} {Name.Zh}";
}

public sealed class CatalogName
{
    public string Zh { get; set; } = "";

    public string En { get; set; } = "";
}

public sealed class CatalogParty
{
    public string Role { get; set; } = "";

    public string? Level { get; set; }

    public string Group => Level is null ? Role : $"{Role}.{Level}";
}

public sealed class CatalogLimit
{
    public string Task { get; set; } = "";

    public string DueIn { get; set; } = "";

    public bool Configurable { get; set; }

    public string Source { get; set; } = "";

    public string? ApplicantDeadline { get; set; }
}
