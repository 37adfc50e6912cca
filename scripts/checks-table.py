#!/usr/bin/env python3
"""Rewrites the table of codes in docs/checks.md from core/src/checks/catalog.rs.

Run from the repository root after changing the catalog; `core/tests/checks.rs` fails when
the two disagree on a code, its severity or its checkov id.
"""
import re
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
catalog = (root / "core/src/checks/catalog.rs").read_text()
body = catalog[catalog.index("checks! {"):]
entry = re.compile(
    r'(?:// (?P<group>[^\n]+)\n\s*)?[A-Z0-9_]+ = "(?P<code>[^"]+)", (?P<sev>\w+), '
    r'(?:None|Some\("(?P<ckv>[^"]+)"\)),\s*"(?P<fr>(?:[^"\\]|\\.)*)",\s*"(?P<en>(?:[^"\\]|\\.)*)",\s*"(?P<src>[^"]+)";'
)
lines = []
for m in entry.finditer(body):
    if m.group("group"):
        lines += ["", f"### {m.group('group').rstrip('.')}", "",
                  "| code | severity | checkov | what it finds | ce qu'elle trouve | source |",
                  "|---|---|---|---|---|---|"]
    fr = m.group("fr").replace('\\"', '"')
    en = m.group("en").replace('\\"', '"')
    lines.append(f"| `{m.group('code')}` | {m.group('sev').lower()} | {m.group('ckv') or '—'} | {en} | {fr} | [source]({m.group('src')}) |")
docs_path = root / "docs/checks.md"
docs = docs_path.read_text()
start = docs.index("## The codes\n") + len("## The codes\n")
end = docs.index("## What the course lab raises")
docs_path.write_text(docs[:start] + "\n".join(lines) + "\n\n" + docs[end:])
