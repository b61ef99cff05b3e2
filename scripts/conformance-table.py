#!/usr/bin/env python3
"""Prints the MIWG conformance table for docs/conformance.md.

Usage: scripts/conformance-table.py [MIWG_DIR]   (default: ../shared/conformance/miwg)
It runs `bpmn validate --json` (the host's CLI verb) over every .bpmn file and summarises the
diagnostics per file. Round trips are asserted by tests/Workflows.Tests/Conformance.
"""
import collections
import json
import os
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
miwg = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared" / "conformance" / "miwg").resolve()
files = sorted(str(p.relative_to(miwg)) for p in miwg.rglob("*.bpmn"))
subprocess.run(["dotnet", "build", str(root / "src/Host"), "-c", "Release", "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
dll = root / "src/Host/bin/Release/net10.0/ApprovalHub.Host.dll"
out = subprocess.run(["dotnet", str(dll), "bpmn", "validate", "--json", *files], cwd=miwg, capture_output=True, text=True)
if out.returncode not in (0, 1):
    sys.exit(f"bpmn validate crashed with exit code {out.returncode}:\n{out.stderr}")
reports = json.loads(out.stdout)

print("| file | processes | executable | result | errors | warnings | codes (count) | unsupported elements |")
print("|---|---|---|---|---|---|---|---|")
totals = collections.Counter()
for r in reports:
    diags = r["diagnostics"]
    codes = collections.Counter(d["code"] for d in diags if d["severity"] != "info")
    executable = sum(1 for d in diags if d["code"] == "BPMN041") < len(r["processes"])
    unsupported = collections.Counter()
    for d in diags:
        if d["code"] == "BPMN040":
            msg = d["message"]
            if "<" in msg and ">" in msg:
                unsupported[msg[msg.index("<") + 1:msg.index(">")]] += 1
            elif "expression language" in msg:
                unsupported["expression language"] += 1
            elif "data flow" in msg:
                unsupported["data association"] += 1
            elif "loop" in msg:
                unsupported["standard loop"] += 1
            elif "event subprocess" in msg:
                unsupported["event subprocess"] += 1
            else:
                unsupported["other"] += 1
    result = "parses, deployable" if r["valid"] and executable else ("parses (documentation)" if r["valid"] else "parses, not deployable")
    totals[result] += 1
    print(f"| {r['file']} | {len(r['processes'])} | {'yes' if executable else 'no'} | {result} | {r['errors']} | {r['warnings']} | "
          f"{', '.join(f'{c} ({n})' for c, n in sorted(codes.items())) or '–'} | "
          f"{', '.join(f'{u} ({n})' for u, n in sorted(unsupported.items())) or '–'} |")
print()
print(f"{len(reports)} files: " + ", ".join(f"{n} {k}" for k, n in sorted(totals.items())) + "; 0 crashes.")
