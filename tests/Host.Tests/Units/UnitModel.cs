using System.Xml.Linq;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>
/// What the journeys read from a unit's shipped BPMN file: which decisions can be refused
/// (a <c>*_rejected</c> receipt task) or sent back for correction (a <c>*_correct</c> task), which
/// service tasks make the registry effect, and where each deadline escalates. The paths the tests
/// take follow the files, not a copy of them.
/// </summary>
internal sealed class UnitModel
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Ah = "http://approvalhub.org/schema/1.0/bpmn";
    private static readonly Dictionary<string, UnitModel> Loaded = new(StringComparer.Ordinal);

    private readonly XElement _process;

    private UnitModel(CatalogUnit unit, XElement process)
    {
        Unit = unit;
        _process = process;
    }

    public CatalogUnit Unit { get; }

    /// <summary>The unit of <paramref name="code"/> with its definition, loaded once.</summary>
    public static UnitModel Of(string code)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(code, out var model))
            {
                var unit = CaseApi.Catalog.FindUnit(code) ?? throw new ArgumentException($"No unit {code} in the catalog.", nameof(code));
                var file = RepositoryFiles.Path("definitions", "bpmn", $"unit-{unit.Code}-{unit.Slug}.bpmn");
                var process = XDocument.Load(file).Root!.Element(Bpmn + "process")!;
                model = new UnitModel(unit, process);
                Loaded[code] = model;
            }

            return model;
        }
    }

    /// <summary>Decision tasks whose refusal sends a receipt to the applicant (<c>Task_decide</c> → <c>Task_decide_rejected</c>), in flow order.</summary>
    public IReadOnlyList<string> RejectableDecisions => DecisionsWith("_rejected");

    /// <summary>Decision tasks that may go back to the applicant for correction (<c>Task_decide</c> → <c>Task_decide_correct</c>).</summary>
    public IReadOnlyList<string> ReturnableDecisions => DecisionsWith("_correct");

    /// <summary>The registry service tasks (every <c>ah:type</c> but notifications).</summary>
    public IReadOnlyList<string> EffectTasks =>
    [
        .. _process.Elements(Bpmn + "serviceTask")
            .Where(s => (string?)s.Attribute(Ah + "type") != "notify.send")
            .Select(s => (string)s.Attribute("id")!),
    ];

    /// <summary>The user task an escalation (<c>ah:escalates</c> boundary timer on <paramref name="task"/>) leads to, or null.</summary>
    public string? EscalationOf(string task)
    {
        var boundary = _process.Elements(Bpmn + "boundaryEvent")
            .FirstOrDefault(b => (string?)b.Attribute("attachedToRef") == task && (string?)b.Attribute(Ah + "escalates") == "true");
        if (boundary is null)
        {
            return null;
        }

        var id = (string)boundary.Attribute("id")!;
        return _process.Elements(Bpmn + "sequenceFlow").Where(f => (string?)f.Attribute("sourceRef") == id).Select(f => (string?)f.Attribute("targetRef")).FirstOrDefault();
    }

    /// <summary>The candidate groups of a user task, as the file writes them.</summary>
    public IReadOnlyList<string> GroupsOf(string task) =>
        ((string?)UserTask(task)?.Attribute(Ah + "candidateGroups"))?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>True when the boundary escalation on <paramref name="task"/> ends the task (the superior takes over).</summary>
    public bool EscalationInterrupts(string task) =>
        _process.Elements(Bpmn + "boundaryEvent")
            .Where(b => (string?)b.Attribute("attachedToRef") == task && (string?)b.Attribute(Ah + "escalates") == "true")
            .Select(b => (string?)b.Attribute("cancelActivity") != "false")
            .FirstOrDefault();

    private XElement? UserTask(string id) => _process.Elements(Bpmn + "userTask").FirstOrDefault(t => (string?)t.Attribute("id") == id);

    private List<string> DecisionsWith(string suffix)
    {
        var ids = _process.Elements(Bpmn + "userTask").Select(t => (string)t.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. _process.Elements(Bpmn + "userTask")
                .Select(t => (string)t.Attribute("id")!)
                .Where(id => (string?)UserTask(id)!.Attribute(Ah + "formKey") == "decision" && ids.Contains(id + suffix)),
        ];
    }
}
