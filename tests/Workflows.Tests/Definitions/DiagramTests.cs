using System.Globalization;
using System.Xml.Linq;

namespace ApprovalHub.Workflows.Tests.Definitions;

/// <summary>
/// Every definition carries BPMN DI the designer can open laid out: a shape per flow node, an edge
/// per flow, no shapes on top of each other, orthogonal edges that start on their source and end on
/// their target (the layout of scripts/definitions/bpmnlib.py).
/// </summary>
public sealed class DiagramTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace DdDi = "http://www.omg.org/spec/DD/20100524/DI";

    public static TheoryData<string> BpmnFiles => [.. UnitCatalog.Files.Keys];

    private sealed record Box(double X, double Y, double W, double H)
    {
        public bool Overlaps(Box o) => X < o.X + o.W && o.X < X + W && Y < o.Y + o.H && o.Y < Y + H;

        public bool OnBorder(double x, double y) =>
            x >= X - 0.5 && x <= X + W + 0.5 && y >= Y - 0.5 && y <= Y + H + 0.5 &&
            (Near(x, X) || Near(x, X + W) || Near(y, Y) || Near(y, Y + H) || Near(x, X + W / 2) || Near(y, Y + H / 2));

        private static bool Near(double a, double b) => Math.Abs(a - b) < 1;
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void Every_node_has_a_shape_every_flow_an_edge_and_no_shapes_overlap(string file)
    {
        var xml = UnitCatalog.Xml(file);
        var process = Assert.Single(xml.Root!.Elements(Bpmn + "process"));
        var plane = xml.Descendants(Di + "BPMNPlane").Single();
        Assert.Equal(process.Attribute("id")!.Value, plane.Attribute("bpmnElement")!.Value);

        var shapes = plane.Elements(Di + "BPMNShape").ToDictionary(s => s.Attribute("bpmnElement")!.Value, s => BoxOf(s.Element(Dc + "Bounds")!));
        var nodes = process.Elements().Where(e => e.Name != Bpmn + "sequenceFlow" && e.Attribute("id") is not null).ToList();
        var attachedTo = nodes.Where(n => n.Attribute("attachedToRef") is not null)
            .ToDictionary(n => n.Attribute("id")!.Value, n => n.Attribute("attachedToRef")!.Value);
        Assert.Equal(nodes.Select(n => n.Attribute("id")!.Value).Order(StringComparer.Ordinal), shapes.Keys.Order(StringComparer.Ordinal));
        Assert.All(shapes.Values, b => Assert.True(b.X >= 0 && b.Y >= 0, $"{file}: negative coordinates"));

        var ids = shapes.Keys.ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                var onHost = attachedTo.GetValueOrDefault(ids[i]) == ids[j] || attachedTo.GetValueOrDefault(ids[j]) == ids[i];
                Assert.False(!onHost && shapes[ids[i]].Overlaps(shapes[ids[j]]), $"{file}: {ids[i]} and {ids[j]} overlap");
            }
        }

        var edges = plane.Elements(Di + "BPMNEdge").ToDictionary(e => e.Attribute("bpmnElement")!.Value, e => e.Elements(DdDi + "waypoint").ToList());
        foreach (var flow in process.Elements(Bpmn + "sequenceFlow"))
        {
            var id = flow.Attribute("id")!.Value;
            Assert.True(edges.TryGetValue(id, out var points), $"{file}: flow {id} has no edge");
            var xy = points!.Select(p => (X: Number(p, "x"), Y: Number(p, "y"))).ToList();
            Assert.True(xy.Count >= 2, $"{file}: {id} has fewer than 2 waypoints");
            Assert.All(xy.Zip(xy.Skip(1)), s => Assert.True(s.First.X == s.Second.X || s.First.Y == s.Second.Y, $"{file}: {id} is not orthogonal"));
            Assert.True(shapes[flow.Attribute("sourceRef")!.Value].OnBorder(xy[0].X, xy[0].Y), $"{file}: {id} does not start on its source");
            Assert.True(shapes[flow.Attribute("targetRef")!.Value].OnBorder(xy[^1].X, xy[^1].Y), $"{file}: {id} does not end on its target");
        }
    }

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void The_main_path_reads_left_to_right(string file)
    {
        var xml = UnitCatalog.Xml(file);
        var process = xml.Root!.Element(Bpmn + "process")!;
        var shapes = xml.Descendants(Di + "BPMNShape").ToDictionary(s => s.Attribute("bpmnElement")!.Value, s => BoxOf(s.Element(Dc + "Bounds")!));
        var start = process.Elements(Bpmn + "startEvent").First().Attribute("id")!.Value;

        Assert.All(process.Elements(Bpmn + "endEvent"), e => Assert.True(shapes[e.Attribute("id")!.Value].X > shapes[start].X, $"{file}: an end is left of the start"));
    }

    private static Box BoxOf(XElement bounds) => new(Number(bounds, "x"), Number(bounds, "y"), Number(bounds, "width"), Number(bounds, "height"));

    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
