#!/usr/bin/env python3
"""Writes docs/catalog.md from definitions/catalog.yaml.

    python3 scripts/definitions/catalog_doc.py

Needs Python 3.10+ and PyYAML. tests/Workflows.Tests/Definitions/CatalogTests checks that the
committed docs/catalog.md is what this script writes (it compares the unit rows).
"""

from __future__ import annotations

import os

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CATALOG = yaml.safe_load(open(os.path.join(ROOT, "definitions", "catalog.yaml"), encoding="utf-8"))

ROLE_ZH = {"regulator": "监管部门", "inspector": "检验机构", "enterprise": "使用单位", "producer": "生产单位", "maintenance": "维保单位",
           "public": "公众"}
LEVEL_ZH = {"national": "总局", "province": "省级", "city": "市级", "county": "县级", "street": "街道（所）"}


def party(p):
    if not p:
        return "—（备案，即时受理）"
    zh = ROLE_ZH[p["role"]]
    if p.get("level"):
        zh = LEVEL_ZH[p["level"]] + zh
    group = f"{p['role']}.{p['level']}" if p.get("level") else p["role"]
    return f"{zh} `{group}`"


def duration(d):
    if d.endswith("WD"):
        return f"{d[1:-2]} 个工作日"
    if d.startswith("PT") and d.endswith("M"):
        return f"{d[2:-1]} 分钟"
    if d.startswith("PT") and d.endswith("H"):
        return f"{d[2:-1]} 小时"
    if d.endswith("D"):
        return f"{d[1:-1]} 日"
    return d


def limit(u):
    lim = u.get("limit")
    if not lim:
        return "—"
    kind = "可配置，默认" if lim["configurable"] else "法定"
    return f"{kind} {duration(lim['dueIn'])}（`{lim['task']}`）"


def cell(text):
    return (text or "").replace("|", "\\|").replace("\n", " ")


def main():
    out = ["<!-- Generated from definitions/catalog.yaml by `python3 scripts/definitions/catalog_doc.py`. Do not edit by hand. -->",
           "",
           "# 业务单元目录 (unit catalog)",
           "",
           "Zhejiang's 9 core steps (九个核心环节, domain.md §11) and the 34 business units of ApprovalHub. Each unit is a",
           "versioned BPMN definition in `definitions/bpmn/` with a form in `definitions/forms/`; each step is a definition",
           "that orchestrates its units over a device's or an organisation's life. Time limits marked 法定 come from a",
           "regulation confirmed in domain.md ([V]); those marked 可配置 rest on secondary or unverified sources ([S]/[U])",
           "and are our defaults, to be set per deployment. The source of each is in the 依据 column.",
           ""]
    units = {u["code"]: u for u in CATALOG["units"]}
    for s in CATALOG["steps"]:
        out += [f"## {s['number']}. {s['zh']} ({s['en']})", "",
                f"Orchestration: `{s['process']}` in `definitions/{s['bpmn']}`.", "",
                "| 编号 | 业务单元 | 申请方 | 决定方 | 办理时限 | 依据 | 登记簿变化 | 说明 |",
                "|---|---|---|---|---|---|---|---|"]
        for code in s["units"]:
            u = units[code]
            lim = u.get("limit") or {}
            source = lim.get("source", "")
            if lim.get("applicantDeadline"):
                source += f"; 申请方时限: {lim['applicantDeadline']}"
            effects = ", ".join(f"`{e}`" for e in u["effects"])
            out.append(f"| {code} | {u['name']['zh']}<br>{u['name']['en']}<br>`{u['process']}` | {party(u['applicant'])} | "
                       f"{party(u['decider'])} | {limit(u)} | {cell(source)} | {effects} | {cell(u.get('note'))} |")
        out.append("")
    out += ["## Service tasks (`ah:type`)", "",
            "Handlers live in src/Supervision (issue #5). Each is idempotent. *Reads* are the process variables it needs,",
            "*writes* those it sets.", "",
            "| type | meaning | reads | writes |", "|---|---|---|---|"]
    for t in CATALOG["serviceTypes"]:
        out.append(f"| `{t['type']}` | {cell(t['meaning'])} | {', '.join(t['reads']) or '—'} | {', '.join(t['writes']) or '—'} |")
    out += ["",
            "## Conventions", "",
            "- Variables: every process sets or expects `regionCode` (GB/T 2260 of the device or organisation) and",
            "  `organisationId` (the applicant organisation, a long); where relevant `equipmentCode` and `applicationNo`.",
            "  The API sets them when it starts an instance; they are not form fields (except `equipmentCode`, which the",
            "  applicant types). The applicant's own tasks are assigned to `${initiator}` (start events declare",
            "  `ah:initiator=\"initiator\"`); call activities pass `initiator`, `regionCode`, `organisationId` and",
            "  `equipmentCode` down with `ah:in`.",
            "- Candidate groups: `regulator.national`, `regulator.province`, `regulator.city`, `regulator.county`,",
            "  `regulator.street`, `inspector`, `enterprise`, `producer`, `maintenance`. Region scope comes from the task's",
            "  `regionCode`, never from the group name.",
            "- Decisions: the shared `decision` form sets `decision` (`approve`, `return`, `reject`) and a mandatory",
            "  `comment`. 同意 continues; 退回补正 sends the case back to the applicant (`补正材料`, the unit's form) and",
            "  then back to the same task; 不同意 gives the applicant a `decision-receipt` task with the reason, then ends.",
            "- SLA: a limited task carries `ah:dueIn`; a non-interrupting `R3/P1WD` timer sends reminders (催办); a timer",
            "  at the limit with `ah:escalates=\"true\"` moves the decision to the superior level (interrupting) or opens a",
            "  supervision task there (non-interrupting, where the task itself must still be done by its owner).",
            "- Filings (告知, 备案) are accepted at once by a service task; nobody approves them.",
            "- Forms: see docs/forms.md.",
            "",
            "## How the files are made", "",
            "`python3 scripts/definitions/generate.py` writes `definitions/bpmn/*.bpmn` and `definitions/forms/*.form`",
            "from this catalog and the modelling patterns in the script, and lays each diagram out",
            "(`scripts/definitions/bpmnlib.py`: columns by longest path, a band per branch, orthogonal flows turning",
            "only between columns, loops along a corridor on top). `python3 scripts/definitions/bpmnlib.py layout FILE`",
            "re-lays out any single-process file in place. The generated files are committed and are what the tests",
            "check (tests/Workflows.Tests/Definitions); once an analyst edits a file in the designer, that file is the",
            "source and the script must no longer overwrite it.",
            ""]
    with open(os.path.join(ROOT, "docs", "catalog.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("wrote docs/catalog.md")


if __name__ == "__main__":
    main()
