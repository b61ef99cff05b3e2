#!/usr/bin/env python3
"""Adds or updates UI strings in a feature's resource pair (neutral = zh-CN, .en-US = English).

Usage: python3 scripts/ui/resx.py src/Admin.Blazor/Components/Tasks/TasksText < strings.tsv
Each input line is: key<TAB>中文<TAB>English. Existing keys are updated, others kept; keys are
written sorted so that two features' edits never touch the same lines.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def write(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1].removesuffix(".resx")
    zh, en = read(base + ".resx"), read(base + ".en-US.resx")
    for number, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            sys.exit(f"line {number}: expected key<TAB>中文<TAB>English, got {line!r}")
        key, zh[parts[0]], en[parts[0]] = parts[0], parts[1], parts[2]
    write(base + ".resx", zh)
    write(base + ".en-US.resx", en)


if __name__ == "__main__":
    main()
