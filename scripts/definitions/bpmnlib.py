"""Small BPMN builder and automatic left-to-right layout for ApprovalHub definitions.

Used by generate.py; layout() also works on its own:

    python3 scripts/definitions/bpmnlib.py layout FILE.bpmn...

re-lays out the diagram (BPMNDiagram) of existing files in place from their process elements, so
a file edited by hand or by a tool without a designer gets clean DI again.

Layout rules (checked by tests/Workflows.Tests/Definitions/DiagramTests.cs on every file):
- a column per longest-path layer of the forward flows (back flows are the loops: return to the
  applicant, re-inspection), so everything reads left to right;
- a node continues its first predecessor's row; every other branch (a gateway's second flow, a
  boundary event's path) takes the nearest lower band that is free from its column rightwards;
- boundary events sit on their task's lower edge;
- flows are orthogonal and turn only in the gaps between columns, which hold no shapes: right out
  of the source, up or down in the gap before the target's column, right into the target; a
  back flow (a loop) runs along a corridor above the diagram;
- no two shapes overlap.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
AH = "http://approvalhub.org/schema/1.0/bpmn"

SIZES = {
    "startEvent": (36, 36), "endEvent": (36, 36), "boundaryEvent": (36, 36),
    "intermediateCatchEvent": (36, 36), "intermediateThrowEvent": (36, 36),
    "exclusiveGateway": (50, 50), "parallelGateway": (50, 50), "eventBasedGateway": (50, 50),
    "inclusiveGateway": (50, 50),
}
TASK = (100, 80)
COL_WIDTH = 170
ROW_HEIGHT = 130
LEFT = 160
TOP = 200          # centre of row 0; the band above is the corridor for back flows
CORRIDOR = 90


def size_of(tag: str) -> tuple[int, int]:
    return SIZES.get(tag, TASK)


class Process:
    """A process being built: nodes in order, flows, messages."""

    def __init__(self, pid: str, name: str, comment: str = ""):
        self.pid, self.name, self.comment = pid, name, comment
        self.nodes: list[dict] = []
        self.flows: list[dict] = []
        self.messages: dict[str, str] = {}
        self._ids: set[str] = set()

    # ---- nodes -------------------------------------------------------------------------------
    def _add(self, tag, nid, name=None, attrs=None, inner="", attached=None, extra=None):
        if nid in self._ids:
            raise ValueError(f"duplicate id {nid} in {self.pid}")
        self._ids.add(nid)
        node = {"tag": tag, "id": nid, "name": name, "attrs": dict(attrs or {}), "inner": inner, "attached": attached}
        if extra:
            node.update(extra)
        self.nodes.append(node)
        return nid

    def start(self, nid, name, form=None, initiator=True, message=None, timer=None):
        attrs = {}
        if initiator:
            attrs["ah:initiator"] = "initiator"
        if form:
            attrs["ah:formKey"] = form
        inner = ""
        if message:
            inner = f'<bpmn:messageEventDefinition messageRef="{self.message(message)}" />'
        if timer:
            inner = f"<bpmn:timerEventDefinition><bpmn:timeCycle>{escape(timer)}</bpmn:timeCycle></bpmn:timerEventDefinition>"
        return self._add("startEvent", nid, name, attrs, inner)

    def end(self, nid, name):
        return self._add("endEvent", nid, name)

    def user(self, nid, name, group=None, assignee=None, form=None, due=None, collection=None,
             element=None, sequential=False, completion=None):
        attrs = {}
        if assignee:
            attrs["ah:assignee"] = assignee
        if group:
            attrs["ah:candidateGroups"] = group
        if form:
            attrs["ah:formKey"] = form
        if due:
            attrs["ah:dueIn"] = due
        inner = self._mi(collection, element, sequential, completion)
        return self._add("userTask", nid, name, attrs, inner)

    def service(self, nid, name, type_, retry=None):
        attrs = {"ah:type": type_, "ah:async": "true"}
        if retry:
            attrs["ah:retry"] = retry
        return self._add("serviceTask", nid, name, attrs)

    def script(self, nid, name, script, result=None):
        attrs = {"scriptFormat": "javascript"}
        if result:
            attrs["ah:resultVariable"] = result
        return self._add("scriptTask", nid, name, attrs, f"<bpmn:script>{escape(script)}</bpmn:script>")

    def call(self, nid, name, called, ins=(), outs=(), collection=None, element=None, sequential=False):
        maps = "".join(f'<ah:in source="{escape(s)}" target="{t}" />' for s, t in ins)
        maps += "".join(f'<ah:out source="{escape(s)}" target="{t}" />' for s, t in outs)
        inner = (f"<bpmn:extensionElements>{maps}</bpmn:extensionElements>" if maps else "")
        inner += self._mi(collection, element, sequential, None)
        return self._add("callActivity", nid, name, {"calledElement": called}, inner)

    def xgw(self, nid, name=None):
        return self._add("exclusiveGateway", nid, name)

    def pgw(self, nid, name=None):
        return self._add("parallelGateway", nid, name)

    def egw(self, nid, name=None):
        return self._add("eventBasedGateway", nid, name)

    def catch_message(self, nid, name, message, key):
        inner = f'<bpmn:messageEventDefinition messageRef="{self.message(message)}" />'
        return self._add("intermediateCatchEvent", nid, name, {"ah:correlationKey": key}, inner)

    def catch_timer(self, nid, name, date=None, duration=None):
        body = f"<bpmn:timeDate>{escape(date)}</bpmn:timeDate>" if date else f"<bpmn:timeDuration>{escape(duration)}</bpmn:timeDuration>"
        return self._add("intermediateCatchEvent", nid, name, {}, f"<bpmn:timerEventDefinition>{body}</bpmn:timerEventDefinition>")

    def boundary_timer(self, nid, host, name, cycle=None, duration=None, interrupting=True, escalates=False):
        attrs = {"attachedToRef": host}
        if not interrupting:
            attrs["cancelActivity"] = "false"
        if escalates:
            attrs["ah:escalates"] = "true"
        body = f"<bpmn:timeCycle>{escape(cycle)}</bpmn:timeCycle>" if cycle else f"<bpmn:timeDuration>{escape(duration)}</bpmn:timeDuration>"
        return self._add("boundaryEvent", nid, name, attrs, f"<bpmn:timerEventDefinition>{body}</bpmn:timerEventDefinition>", attached=host)

    def message(self, name):
        mid = "Message_" + re.sub(r"[^A-Za-z0-9_]", "_", name)
        self.messages[mid] = name
        return mid

    @staticmethod
    def _mi(collection, element, sequential, completion):
        if not collection:
            return ""
        cond = f"<bpmn:completionCondition>{escape(completion)}</bpmn:completionCondition>" if completion else ""
        seq = "true" if sequential else "false"
        return (f'<bpmn:multiInstanceLoopCharacteristics isSequential="{seq}" ah:collection="{escape(collection)}" '
                f'ah:elementVariable="{element}">{cond}</bpmn:multiInstanceLoopCharacteristics>')

    # ---- flows -------------------------------------------------------------------------------
    def flow(self, src, tgt, cond=None, name=None, default=False):
        fid = f"Flow_{src}_to_{tgt}"
        n = 2
        while fid in self._ids:
            fid = f"Flow_{src}_to_{tgt}_{n}"
            n += 1
        self._ids.add(fid)
        self.flows.append({"id": fid, "src": src, "tgt": tgt, "cond": cond, "name": name})
        if default:
            node = self.node(src)
            node["attrs"]["default"] = fid
        return fid

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.flow(a, b)

    def node(self, nid):
        return next(n for n in self.nodes if n["id"] == nid)

    # ---- XML ---------------------------------------------------------------------------------
    def to_xml(self) -> str:
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
               '                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
               '                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
               '                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
               '                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
               '                  xmlns:ah="http://approvalhub.org/schema/1.0/bpmn"',
               f'                  id="Definitions_{self.pid}"',
               '                  targetNamespace="http://approvalhub.org/definitions/bpmn"',
               '                  exporter="ApprovalHub scripts/definitions/generate.py"',
               '                  exporterVersion="1">']
        for mid, mname in sorted(self.messages.items()):
            out.append(f'  <bpmn:message id="{mid}" name="{escape(mname)}" />')
        if self.comment:
            out.append(f"  <!-- {self.comment.replace('--', '—')} -->")
        out.append(f'  <bpmn:process id="{self.pid}" name={quoteattr(self.name)} isExecutable="true">')
        for n in self.nodes:
            attrs = "".join(f" {k}={quoteattr(v)}" for k, v in n["attrs"].items())
            name = f" name={quoteattr(n['name'])}" if n["name"] else ""
            if n["inner"]:
                out.append(f'    <bpmn:{n["tag"]} id="{n["id"]}"{name}{attrs}>')
                out.append(f"      {n['inner']}")
                out.append(f'    </bpmn:{n["tag"]}>')
            else:
                out.append(f'    <bpmn:{n["tag"]} id="{n["id"]}"{name}{attrs} />')
        for f in self.flows:
            name = f" name={quoteattr(f['name'])}" if f["name"] else ""
            head = f'    <bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}"'
            if f["cond"]:
                out.append(head + ">")
                out.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression>')
                out.append("    </bpmn:sequenceFlow>")
            else:
                out.append(head + " />")
        out.append("  </bpmn:process>")
        out.extend(diagram(self.pid, [(n["tag"], n["id"], n["attached"]) for n in self.nodes],
                           [(f["id"], f["src"], f["tgt"]) for f in self.flows]))
        out.append("</bpmn:definitions>")
        return "\n".join(out) + "\n"


# ---- layout ----------------------------------------------------------------------------------
def layout(nodes, flows):
    """nodes: [(tag, id, attachedTo or None)], flows: [(id, src, tgt)].
    Returns ({id: (x, y, w, h)}, {flow id: [(x, y), ...]})."""
    tags = {nid: tag for tag, nid, _ in nodes}
    attached = {nid: host for _, nid, host in nodes if host}
    boundaries_of: dict[str, list[str]] = {}
    for b, h in attached.items():
        boundaries_of.setdefault(h, []).append(b)

    def owner(nid):  # a boundary event belongs to its host's column
        return attached.get(nid, nid)

    succ: dict[str, list[tuple[str, str]]] = {nid: [] for _, nid, _ in nodes}
    for fid, s, t in flows:
        succ[s].append((t, fid))
    order = [nid for _, nid, _ in nodes]

    # back flows by DFS from the start events (a boundary event is explored right after its host)
    back: set[str] = set()
    state: dict[str, int] = {}

    def dfs(n):
        state[n] = 1
        nexts = list(succ[n]) + [(b, None) for b in boundaries_of.get(n, [])]
        for t, fid in nexts:
            if state.get(t) == 1 and fid:
                back.add(fid)
            elif t not in state:
                dfs(t)
        state[n] = 2

    sys.setrecursionlimit(10000)
    for nid in order:
        if tags[nid] == "startEvent" and nid not in state:
            dfs(nid)
    for nid in order:
        if nid not in state:
            dfs(nid)

    # columns: longest path over forward flows; a boundary's targets count from its host
    col = {nid: 0 for nid in order}
    for _ in range(len(order) + 1):
        changed = False
        for fid, s, t in flows:
            if fid in back:
                continue
            c = col[owner(s)] + 1
            if col[t] < c and t not in attached:
                col[t] = c
                changed = True
        if not changed:
            break

    # rows: in DFS discovery order. The first successor continues its predecessor's row; any
    # other branch takes the nearest row below whose cells are free from one column before it to
    # the right edge, so a branch has its own band and its straight runs cross no shape.
    row: dict[str, int] = {}
    taken: set[tuple[int, int]] = set()
    preds: dict[str, list[str]] = {nid: [] for nid in order}
    for fid, s, t in flows:
        if fid not in back:
            preds[t].append(s)
    visit = []
    seen = set()
    continued: set[str] = set()   # sources whose row has already been continued by a successor

    def walk(n):
        if n in seen:
            return
        seen.add(n)
        if n not in attached:
            visit.append(n)
            place(n)
        for t, fid in succ[n]:
            if fid not in back:
                walk(t)
        for b in boundaries_of.get(n, []):
            walk(b)

    def reach(n):
        """The rightmost column the branch starting at n occupies: up to the nodes already placed."""
        far, stack, met = col[n], [n], {n}
        while stack:
            m = stack.pop()
            far = max(far, col[m])
            for t, fid in succ[m]:
                if fid not in back and t not in seen and t not in met:
                    met.add(t)
                    stack.append(t)
        return far

    def band_free(r, c, n):
        return all((cc, r) not in taken for cc in range(max(c - 1, 0), reach(n) + 1))

    def place(n):
        c = col[n]
        placed = [p for p in preds[n] if owner(p) in row]
        if not placed:
            r = 0
            while not band_free(r, c, n):
                r += 1
        else:
            p = placed[0]
            base = row[owner(p)]
            if p not in attached and p not in continued and (c, base) not in taken:
                continued.add(p)
                r = base
            else:
                continued.add(p)
                r = base + 1
                while not band_free(r, c, n):
                    r += 1
        row[n] = r
        taken.add((c, r))

    max_col = max(col.values()) if col else 0
    for nid in order:
        if tags[nid] == "startEvent":
            walk(nid)
    for nid in order:
        walk(nid)

    shapes = {}
    for n in visit:
        w, h = size_of(tags[n])
        cx = LEFT + col[n] * COL_WIDTH
        cy = TOP + row[n] * ROW_HEIGHT
        shapes[n] = (cx - w // 2, cy - h // 2, w, h)
    for host, bs in boundaries_of.items():
        hx, hy, hw, hh = shapes[host]
        for i, b in enumerate(bs):
            shapes[b] = (hx + 8 + i * 44, hy + hh - 18, 36, 36)

    # Vertical runs go in the gaps between columns, which hold no shapes.
    def gap_after(c, lane=0):
        return LEFT + c * COL_WIDTH + TASK[0] // 2 + 12 + lane * 8

    edges = {}
    corridor = CORRIDOR
    for fid, s, t in flows:
        sx, sy, sw, sh = shapes[s]
        tx, ty, tw, th = shapes[t]
        scx, scy = sx + sw // 2, sy + sh // 2
        tcx, tcy = tx + tw // 2, ty + th // 2
        sc, tc = col[owner(s)], col[t]
        lane = row[t] % 4
        if fid in back:
            corridor -= 8
            gx = gap_after(sc, 3)
            gb = gap_after(tc - 1, 3) if tc > 0 else tx - 20
            edges[fid] = [(sx + sw, scy), (gx, scy), (gx, corridor), (gb, corridor), (gb, tcy), (tx, tcy)]
        elif s in attached:
            below = sy + sh + 15
            gx = gap_after(sc, lane)
            if abs(tcy - below) < 1:
                edges[fid] = [(scx, sy + sh), (scx, below), (tx, tcy)]
            else:
                edges[fid] = [(scx, sy + sh), (scx, below), (gx, below), (gx, tcy), (tx, tcy)]
        elif abs(scy - tcy) < 1:
            edges[fid] = [(sx + sw, scy), (tx, tcy)]
        else:
            # turn in the gap before the target, unless a shape stands on the source row on the
            # way; then turn right after the source and run along the target's row
            between = range(sc + 1, tc)
            if any((c, row[owner(s)]) in taken for c in between):
                gx = gap_after(sc, lane)
            else:
                gx = gap_after(tc - 1, lane)
            edges[fid] = [(sx + sw, scy), (gx, scy), (gx, tcy), (tx, tcy)]
    return shapes, edges


def diagram(pid, nodes, flows):
    shapes, edges = layout(nodes, flows)
    out = [f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{pid}">',
           f'    <bpmndi:BPMNPlane id="BPMNPlane_{pid}" bpmnElement="{pid}">']
    for tag, nid, _ in nodes:
        x, y, w, h = shapes[nid]
        marker = ' isMarkerVisible="true"' if tag == "exclusiveGateway" else ""
        out.append(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{marker}>')
        out.append(f'        <dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />')
        out.append("      </bpmndi:BPMNShape>")
    for fid, _, _ in flows:
        out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        for x, y in edges[fid]:
            out.append(f'        <di:waypoint x="{x}" y="{y}" />')
        out.append("      </bpmndi:BPMNEdge>")
    out += ["    </bpmndi:BPMNPlane>", "  </bpmndi:BPMNDiagram>"]
    return out


def relayout_file(path):
    """Replaces the BPMNDiagram of a single-process file with a fresh layout."""
    text = open(path, encoding="utf-8").read()
    root = ET.fromstring(text.encode("utf-8"))
    process = root.find(f"{{{BPMN}}}process")
    nodes, flows = [], []
    for el in process:
        tag = el.tag.split("}")[1]
        if tag == "sequenceFlow":
            flows.append((el.get("id"), el.get("sourceRef"), el.get("targetRef")))
        elif tag not in ("documentation", "extensionElements", "laneSet", "textAnnotation", "association"):
            nodes.append((tag, el.get("id"), el.get("attachedToRef")))
    new_di = "\n".join(diagram(process.get("id"), nodes, flows))
    text = re.sub(r"\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "", text, flags=re.S)
    text = text.replace("</bpmn:definitions>", new_di + "\n</bpmn:definitions>")
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "layout":
        print("usage: bpmnlib.py layout FILE.bpmn...", file=sys.stderr)
        sys.exit(2)
    for f in sys.argv[2:]:
        relayout_file(f)
        print(f"laid out {f}")
